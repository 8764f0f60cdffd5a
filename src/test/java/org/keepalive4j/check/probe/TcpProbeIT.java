package org.keepalive4j.check.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.keepalive4j.config.model.check.CheckerCommon;
import org.keepalive4j.config.model.check.TcpCheck;
import org.keepalive4j.testlib.Root;

/** TCP_CHECK against real listening sockets on loopback. */
class TcpProbeIT {

    private static final Duration TIMEOUT = Duration.ofMillis(1500);
    private static ProbeTesting t;

    @BeforeAll
    static void setUp() {
        Root.assume();
        t = new ProbeTesting();
    }

    @AfterAll
    static void tearDown() {
        if (t != null) {
            t.close();
        }
    }

    private static Probe tcp(CheckerCommon c) {
        return t.probes.create(new TcpCheck(c, ProbeTesting.HERE));
    }

    private static Probe tcp(InetAddress ip, int port) {
        return tcp(ProbeTesting.common(ip, port, TIMEOUT));
    }

    @Test
    void upWhenTheServerAcceptsAndTheConnectionIsClosedAtOnce() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, ProbeTesting.loopback()); Probe p = tcp(ProbeTesting.loopback(), server.getLocalPort())) {
            ProbeTesting.run(p).assertUp().assertWithin(TIMEOUT);
            server.setSoTimeout(2000);
            try (Socket s = server.accept()) {
                s.setSoTimeout(2000);
                assertEquals(-1, s.getInputStream().read(), "the probe closes its connection");
            }
        }
    }

    @Test
    void upOverIpv6() throws Exception {
        InetAddress v6 = ProbeTesting.address("::1");
        try (ServerSocket server = new ServerSocket(0, 50, v6); Probe p = tcp(v6, server.getLocalPort())) {
            ProbeTesting.run(p).assertUp();
        }
    }

    @Test
    void downWhenRefused() throws Exception {
        int port = freePort();
        try (Probe p = tcp(ProbeTesting.loopback(), port)) {
            ProbeTesting.run(p).assertDown("connection refused").assertWithin(TIMEOUT);
        }
    }

    @Test
    void downByTimeoutWhenTheAcceptQueueIsFull() throws Exception {
        List<Socket> fillers = new ArrayList<>();
        try (ServerSocket server = new ServerSocket(0, 1, ProbeTesting.loopback())) {
            fillAcceptQueue(server, fillers);
            try (Probe p = tcp(ProbeTesting.loopback(), server.getLocalPort())) {
                ProbeTesting.run(p).assertDown("timeout after 1500 ms").assertAtLeast(TIMEOUT).assertWithin(TIMEOUT);
            }
        } finally {
            for (Socket s : fillers) {
                s.close();
            }
        }
    }

    @Test
    void closingTheProbeEndsTheAttemptInFlight() throws Exception {
        List<Socket> fillers = new ArrayList<>();
        try (ServerSocket server = new ServerSocket(0, 1, ProbeTesting.loopback())) {
            fillAcceptQueue(server, fillers);
            Probe p = tcp(ProbeTesting.common(ProbeTesting.loopback(), server.getLocalPort(), Duration.ofSeconds(20)));
            long t0 = System.nanoTime();
            java.util.concurrent.CompletableFuture<ProbeResult> f = p.attempt();
            ProbeTesting.sleep(Duration.ofMillis(200));
            p.close();
            ProbeResult r = f.get(2, java.util.concurrent.TimeUnit.SECONDS);
            assertEquals(ProbeResult.down("probe closed"), r);
            assertTrue(System.nanoTime() - t0 < Duration.ofSeconds(2).toNanos());
        } finally {
            for (Socket s : fillers) {
                s.close();
            }
        }
    }

    @Test
    void recoversWhenTheServerComesBack() throws Exception {
        ServerSocket server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(ProbeTesting.loopback(), 0));
        int port = server.getLocalPort();
        try (Probe p = tcp(ProbeTesting.loopback(), port)) {
            ProbeTesting.run(p).assertUp();
            server.close();
            ProbeTesting.run(p).assertDown("connection refused");
            try (ServerSocket again = new ServerSocket()) {
                again.setReuseAddress(true);
                again.bind(new InetSocketAddress(ProbeTesting.loopback(), port));
                ProbeTesting.run(p).assertUp();
            }
        } finally {
            server.close();
        }
    }

    @Test
    void connectsFromBindtoAndBindPort() throws Exception {
        InetAddress from = ProbeTesting.address("127.0.0.2");
        int fromPort = freePort();
        try (ServerSocket server = new ServerSocket(0, 50, ProbeTesting.loopback())) {
            CheckerCommon c = new CheckerCommon(ProbeTesting.loopback(), server.getLocalPort(), from, fromPort, null,
                    null, TIMEOUT, 0, Duration.ofSeconds(1), Duration.ZERO, Duration.ofSeconds(5), false, false);
            try (Probe p = tcp(c)) {
                ProbeTesting.run(p).assertUp();
            }
            server.setSoTimeout(2000);
            try (Socket s = server.accept()) {
                assertEquals(new InetSocketAddress(from, fromPort), s.getRemoteSocketAddress());
            }
        }
    }

    @Test
    void describeNamesTheTarget() {
        try (Probe p = tcp(ProbeTesting.loopback(), 8080)) {
            assertEquals("TCP_CHECK 127.0.0.1:8080", p.describe());
        }
    }

    /** Connects until a connect no longer completes: from then on the kernel drops new SYNs. */
    private static void fillAcceptQueue(ServerSocket server, List<Socket> fillers) throws IOException {
        for (int i = 0; i < 16; i++) {
            Socket s = new Socket();
            try {
                s.connect(server.getLocalSocketAddress(), 300);
                fillers.add(s);
            } catch (SocketTimeoutException e) {
                s.close();
                return;
            }
        }
        throw new IllegalStateException("the accept queue never filled");
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, ProbeTesting.loopback())) {
            return s.getLocalPort();
        }
    }
}
