package org.keepalive4j.check.http;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.keepalive4j.config.model.check.HttpCheck.HttpProtocol;

/**
 * The GET request keepalived sends, byte for byte: request line, {@code User-Agent: KeepAliveClient},
 * {@code Connection: close} for 1.0C and 1.1, and the Host header. Servers that log or route on these
 * (virtual hosts, access logs filtered by user agent) see the same request as from keepalived.
 */
public final class HttpGetRequest {

    private HttpGetRequest() {
    }

    public static byte[] build(String path, String host, HttpProtocol protocol) {
        StringBuilder sb = new StringBuilder(128);
        sb.append("GET ").append(path).append(" HTTP/1.").append(protocol == HttpProtocol.HTTP_1_1 ? '1' : '0')
                .append("\r\n");
        sb.append("User-Agent: KeepAliveClient\r\n");
        if (protocol == HttpProtocol.HTTP_1_0C || protocol == HttpProtocol.HTTP_1_1) {
            sb.append("Connection: close\r\n");
        }
        sb.append("Host: ").append(host).append("\r\n\r\n");
        // the path and host come from the configuration or the command line; bytes as written
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The Host header value: the virtual host as configured (keepalived adds no port to it), else the
     * address and port the check connects to, an IPv6 address in brackets (RFC 2732).
     */
    public static String hostHeader(String virtualhost, InetSocketAddress target) {
        if (virtualhost != null) {
            return virtualhost;
        }
        InetAddress a = target.getAddress();
        String text = addressText(a);
        return (a instanceof Inet6Address ? "[" + text + "]" : text) + ":" + target.getPort();
    }

    /** An address as inet_ntop(3) writes it: IPv6 compressed (RFC 5952), lower case, no scope. */
    public static String addressText(InetAddress a) {
        if (!(a instanceof Inet6Address)) {
            return a.getHostAddress();
        }
        byte[] b = a.getAddress();
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
        }
        // the longest run of two or more zero groups becomes "::" (the first one on a tie)
        int bestStart = -1;
        int bestLen = 1;
        for (int i = 0; i < 8; ) {
            if (groups[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j;
        }
        if (bestStart == 0 && (bestLen == 6 || (bestLen == 5 && groups[5] == 0xffff))) {
            // inet_ntop writes IPv4-compatible and IPv4-mapped addresses with a dotted tail
            String v4 = (b[12] & 0xff) + "." + (b[13] & 0xff) + "." + (b[14] & 0xff) + "." + (b[15] & 0xff);
            return bestLen == 6 ? "::" + v4 : "::ffff:" + v4;
        }
        StringBuilder sb = new StringBuilder(40);
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(groups[i]));
        }
        return sb.toString();
    }
}
