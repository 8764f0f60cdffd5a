package org.keepalive4j.check.probe;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A tiny SMTP server for the tests: answers the greeting, HELO and QUIT with the codes it was given
 * (null greeting: accepts and never says anything), and records the lines it received.
 */
final class SmtpResponder implements AutoCloseable {

    final List<String> received = new CopyOnWriteArrayList<>();
    private final ServerSocket server;
    private final String greeting;
    private final String heloReply;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    SmtpResponder(InetAddress address, int port, String greeting, String heloReply) throws IOException {
        this.server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(address, port));
        this.greeting = greeting;
        this.heloReply = heloReply;
        acceptor = new Thread(this::serve, "smtp-responder-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    private void serve() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                open.add(s);
                Thread t = new Thread(() -> talk(s), "smtp-session");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void talk(Socket s) {
        try (s) {
            if (greeting == null) {
                s.getInputStream().read();
                return;
            }
            OutputStream out = s.getOutputStream();
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
            out.write(greeting.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String line;
            while ((line = in.readLine()) != null) {
                received.add(line);
                if (line.startsWith("HELO")) {
                    out.write(heloReply.getBytes(StandardCharsets.US_ASCII));
                } else if (line.equals("QUIT")) {
                    out.write("221 bye\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    return;
                } else {
                    out.write("500 what?\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                out.flush();
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        // the JDK finishes closing a listening socket when the thread blocked in accept() leaves it
        try {
            acceptor.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Socket s : open) {
            s.close();
        }
    }
}
