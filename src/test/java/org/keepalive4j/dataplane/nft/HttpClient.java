package org.keepalive4j.dataplane.nft;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A minimal HTTP client for the dataplane tests, over plain sockets so that each request is exactly
 * one new TCP connection from a chosen source address (or, with {@link KeepAlive}, several requests on
 * one). Create it on a {@link org.keepalive4j.testlib.NamespaceThread} to send from a lab host.
 */
final class HttpClient {

    private static final int TIMEOUT_MILLIS = 3000;

    private HttpClient() {
    }

    /** One HTTP/1.0 request on a new connection; returns the body (the real server's name). */
    static String get(String source, String host, int port) throws IOException {
        try (Socket s = connect(source, host, port)) {
            s.getOutputStream().write("GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            String response = new String(s.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            int body = response.indexOf("\r\n\r\n");
            if (!response.startsWith("HTTP/1.") || body < 0) {
                throw new IOException("not an HTTP response: " + response);
            }
            return response.substring(body + 4);
        }
    }

    private static Socket connect(String source, String host, int port) throws IOException {
        Socket s = new Socket();
        try {
            s.bind(new InetSocketAddress(source, 0));
            s.connect(new InetSocketAddress(host, port), TIMEOUT_MILLIS);
            s.setSoTimeout(TIMEOUT_MILLIS);
            return s;
        } catch (IOException e) {
            s.close();
            throw e;
        }
    }

    /** A kept-alive HTTP/1.1 connection: every request travels on the same TCP connection. */
    static final class KeepAlive implements AutoCloseable {
        private final Socket socket;

        KeepAlive(String source, String host, int port) throws IOException {
            socket = connect(source, host, port);
        }

        String get() throws IOException {
            socket.getOutputStream().write("GET / HTTP/1.1\r\nHost: vip\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            String headers = readHeaders(in);
            int length = -1;
            for (String line : headers.split("\r\n")) {
                if (line.toLowerCase().startsWith("content-length:")) {
                    length = Integer.parseInt(line.substring("content-length:".length()).strip());
                }
            }
            if (!headers.startsWith("HTTP/1.1 200") || length < 0) {
                throw new IOException("unexpected response: " + headers);
            }
            return new String(in.readNBytes(length), StandardCharsets.US_ASCII);
        }

        private static String readHeaders(InputStream in) throws IOException {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            int matched = 0;
            while (matched < 4) {
                int c = in.read();
                if (c < 0) {
                    throw new IOException("connection closed after " + b);
                }
                b.write(c);
                matched = (c == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (c == '\r' ? 1 : 0);
            }
            return b.toString(StandardCharsets.US_ASCII);
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
