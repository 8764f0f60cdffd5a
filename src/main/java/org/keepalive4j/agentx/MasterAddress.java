package org.keepalive4j.agentx;

import java.net.InetSocketAddress;
import java.io.IOException;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.util.Locale;
import java.util.Objects;

/**
 * Where the AgentX master listens, in keepalived's {@code snmp_socket} / {@code -A} syntax:
 * {@code unix:/path}, a bare {@code /path} (unix), or {@code tcp:host:port}. AgentX needs a stream, so
 * {@code udp:} is refused with a message that says so instead of failing later at connect time.
 */
public final class MasterAddress {

    /** net-snmp's default {@code agentXSocket}, and keepalived's default {@code snmp_socket}. */
    public static final MasterAddress DEFAULT = unix("/var/agentx/master");

    public enum Kind { UNIX, TCP }

    private final Kind kind;
    private final String path;
    private final String host;
    private final int port;

    private MasterAddress(Kind kind, String path, String host, int port) {
        this.kind = kind;
        this.path = path;
        this.host = host;
        this.port = port;
    }

    public static MasterAddress unix(String path) {
        if (path.isEmpty() || !path.startsWith("/")) {
            throw new IllegalArgumentException("AgentX unix socket path must be absolute: '" + path + "'");
        }
        return new MasterAddress(Kind.UNIX, path, null, 0);
    }

    public static MasterAddress tcp(String host, int port) {
        if (host.isEmpty()) {
            throw new IllegalArgumentException("AgentX tcp address needs a host");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("AgentX tcp port out of range 1-65535: " + port);
        }
        return new MasterAddress(Kind.TCP, null, host, port);
    }

    /**
     * Parses {@code unix:/path}, {@code /path}, {@code tcp:host:port} (also {@code tcp:[v6]:port}); the
     * transport prefix is case-insensitive as in net-snmp.
     *
     * @throws IllegalArgumentException with a message fit for the operator
     */
    public static MasterAddress parse(String text) {
        String spec = text.strip();
        if (spec.startsWith("/")) {
            return unix(spec);
        }
        int colon = spec.indexOf(':');
        String prefix = colon < 0 ? "" : spec.substring(0, colon).toLowerCase(Locale.ROOT);
        String rest = colon < 0 ? "" : spec.substring(colon + 1);
        switch (prefix) {
            case "unix":
                return unix(rest);
            case "tcp", "tcp6", "tcpv6":
                return parseTcp(text, rest);
            case "udp", "udp6", "udpv6":
                throw new IllegalArgumentException("AgentX master address '" + text
                        + "': AgentX runs over a stream, only unix: and tcp: are supported, not udp");
            default:
                throw new IllegalArgumentException("AgentX master address '" + text
                        + "': expected unix:/path, /path or tcp:host:port");
        }
    }

    private static MasterAddress parseTcp(String text, String hostPort) {
        int lastColon = hostPort.lastIndexOf(':');
        if (lastColon <= 0 || lastColon == hostPort.length() - 1) {
            throw new IllegalArgumentException("AgentX master address '" + text + "': expected tcp:host:port");
        }
        String host = hostPort.substring(0, lastColon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(hostPort.substring(lastColon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("AgentX master address '" + text + "': port is not a number");
        }
        try {
            return tcp(host, port);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("AgentX master address '" + text + "': " + e.getMessage());
        }
    }

    public Kind kind() {
        return kind;
    }

    /** The unix socket path; only for {@link Kind#UNIX}. */
    public String path() {
        return path;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    /** The address a {@code SocketChannel} of {@link #protocolFamily()} connects to (resolves tcp hosts). */
    public SocketAddress socketAddress() {
        return kind == Kind.UNIX ? UnixDomainSocketAddress.of(path) : new InetSocketAddress(host, port);
    }

    /** A new, unconnected channel of the family this address needs. */
    public SocketChannel openChannel() throws IOException {
        return kind == Kind.UNIX ? SocketChannel.open(StandardProtocolFamily.UNIX) : SocketChannel.open();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MasterAddress m && kind == m.kind && Objects.equals(path, m.path)
                && Objects.equals(host, m.host) && port == m.port;
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, path, host, port);
    }

    /** The canonical form, as accepted by {@link #parse}: {@code unix:/path} or {@code tcp:host:port}. */
    @Override
    public String toString() {
        if (kind == Kind.UNIX) {
            return "unix:" + path;
        }
        return "tcp:" + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
