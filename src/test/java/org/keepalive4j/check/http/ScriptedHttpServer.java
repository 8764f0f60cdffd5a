package org.keepalive4j.check.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.keepalive4j.testlib.Processes;

/**
 * A real HTTP(S) server on 127.0.0.1 whose answers the test sets byte for byte: each response goes out
 * in one write and the connection is closed, so what the client reads is exactly what was set (and
 * genhash -v dumps compare). It records every request and, for TLS, the SNI name the client sent.
 */
final class ScriptedHttpServer implements AutoCloseable {

    /** What the client sent. */
    record Seen(String request, String sni, InetSocketAddress from) {
        String requestLine() {
            return request.substring(0, request.indexOf("\r\n"));
        }

        String header(String name) {
            for (String line : request.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).strip();
                }
            }
            return null;
        }
    }

    /** Never answers: accepts, reads the request, keeps the connection open. */
    static final byte[] SILENCE = new byte[0];

    private final ServerSocket server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "scripted-http");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, byte[]> responses = new ConcurrentHashMap<>();
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile byte[] fallback = response(404, "Not Found", "no such path\n");

    private ScriptedHttpServer(ServerSocket server) {
        this.server = server;
        threads.submit(this::acceptLoop);
    }

    static ScriptedHttpServer plain() throws IOException {
        return plain(InetAddress.getLoopbackAddress());
    }

    /** On another loopback address (::1 for IPv6). */
    static ScriptedHttpServer plain(InetAddress address) throws IOException {
        return new ScriptedHttpServer(new ServerSocket(0, 50, address));
    }

    /** HTTPS with a self-signed certificate made by keytool in {@code dir}. */
    static ScriptedHttpServer tls(Path dir) throws Exception {
        Path ks = dir.resolve("server.p12");
        if (!Files.exists(ks)) {
            String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
            Processes.run(keytool, "-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048",
                    "-dname", "CN=real-server.test", "-validity", "2", "-storetype", "PKCS12",
                    "-keystore", ks.toString(), "-storepass", "changeit", "-keypass", "changeit").orThrow();
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(ks)) {
            store.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(store, "changeit".toCharArray());
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);
        SSLServerSocket s = (SSLServerSocket) ctx.getServerSocketFactory()
                .createServerSocket(0, 50, InetAddress.getLoopbackAddress());
        return new ScriptedHttpServer(s);
    }

    int port() {
        return server.getLocalPort();
    }

    /** Sets the raw response for a path ({@link #SILENCE} for none). */
    void answer(String path, byte[] raw) {
        responses.put(path, raw);
    }

    void answer(String path, int status, String body) {
        answer(path, response(status, status == 200 ? "OK" : "Status", body));
    }

    void answerEverything(byte[] raw) {
        fallback = raw;
    }

    List<Seen> seen() {
        return List.copyOf(seen);
    }

    void forget() {
        seen.clear();
    }

    static byte[] response(int status, String reason, String body) {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        return concat("HTTP/1.0 " + status + " " + reason + "\r\nServer: scripted\r\nContent-Type: text/plain\r\n"
                + "Content-Length: " + b.length + "\r\n\r\n", b);
    }

    /** An HTTP/1.1 response with the body in chunks, framing as a server sends it. */
    static byte[] chunked(String... chunks) {
        StringBuilder sb = new StringBuilder("HTTP/1.1 200 OK\r\nServer: scripted\r\nTransfer-Encoding: chunked\r\n"
                + "Connection: close\r\n\r\n");
        for (String c : chunks) {
            sb.append(Integer.toHexString(c.getBytes(StandardCharsets.UTF_8).length)).append("\r\n").append(c)
                    .append("\r\n");
        }
        sb.append("0\r\n\r\n");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] concat(String head, byte[] body) {
        byte[] h = head.getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[h.length + body.length];
        System.arraycopy(h, 0, all, 0, h.length);
        System.arraycopy(body, 0, all, h.length, body.length);
        return all;
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                open.add(s);
                threads.submit(() -> serve(s));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket s) {
        try {
            s.setSoTimeout(20_000);
            String sni = null;
            if (s instanceof SSLSocket tls) {
                tls.startHandshake();
                if (tls.getSession() instanceof ExtendedSSLSession ext) {
                    for (SNIServerName n : ext.getRequestedServerNames()) {
                        if (n instanceof SNIHostName h) {
                            sni = h.getAsciiName();
                        }
                    }
                }
            }
            String request = readRequest(s.getInputStream());
            seen.add(new Seen(request, sni, (InetSocketAddress) s.getRemoteSocketAddress()));
            String[] words = request.split(" ", 3);
            byte[] raw = words.length > 1 ? responses.getOrDefault(words[1], fallback) : fallback;
            if (raw == SILENCE) {
                return; // keep the connection open, never answer; close() ends it
            }
            OutputStream out = s.getOutputStream();
            out.write(raw);
            out.flush();
            s.close();
        } catch (IOException e) {
            closeQuietly(s);
        }
    }

    private static String readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int state = 0;
        while (state < 4) {
            int c = in.read();
            if (c < 0) {
                break;
            }
            buf.write(c);
            state = (c == '\r' && (state == 0 || state == 2)) || (c == '\n' && (state == 1 || state == 3))
                    ? state + 1 : (c == '\r' ? 1 : 0);
        }
        return buf.toString(StandardCharsets.ISO_8859_1);
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // already gone
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        open.forEach(ScriptedHttpServer::closeQuietly);
        threads.shutdownNow();
    }
}
