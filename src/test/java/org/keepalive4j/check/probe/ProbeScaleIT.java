package org.keepalive4j.check.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.keepalive4j.config.model.check.PingCheck;
import org.keepalive4j.config.model.check.TcpCheck;
import org.keepalive4j.config.model.check.UdpCheck;
import org.keepalive4j.testlib.Root;

/**
 * Many probes in flight at once, as a large configuration has them: all must pass, without a thread per
 * probe. Prints the figures (wall time for the batch, slowest attempt, threads added).
 */
class ProbeScaleIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
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

    @Test
    void thousandTcpProbesAtOnce() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 4096, ProbeTesting.loopback())) {
            Thread acceptor = new Thread(() -> {
                while (!server.isClosed()) {
                    try (Socket s = server.accept()) {
                        s.getInputStream(); // accepted; closed at once
                    } catch (IOException e) {
                        return;
                    }
                }
            }, "scale-acceptor");
            acceptor.setDaemon(true);
            acceptor.start();
            batch("TCP_CHECK", 1000, i -> t.probes.create(new TcpCheck(
                    ProbeTesting.common(ProbeTesting.loopback(), server.getLocalPort(), TIMEOUT), ProbeTesting.HERE)));
        }
    }

    @Test
    void thousandUdpProbesWithRequiredRepliesAtOnce() throws Exception {
        List<UdpEchoServer> servers = new ArrayList<>();
        try {
            for (int i = 0; i < 10; i++) {
                servers.add(new UdpEchoServer(ProbeTesting.loopback(), 0, false));
            }
            batch("UDP_CHECK", 1000, i -> t.probes.create(new UdpCheck(
                    ProbeTesting.common(ProbeTesting.loopback(), servers.get(i % servers.size()).port(), TIMEOUT),
                    "0102", true, "0102", 0, 255, ProbeTesting.HERE)));
        } finally {
            servers.forEach(UdpEchoServer::close);
        }
    }

    @Test
    void fiveHundredPingProbesAtOnce() throws Exception {
        batch("PING_CHECK", 500, i -> t.probes.create(new PingCheck(
                ProbeTesting.common(ProbeTesting.address("127.0.0." + (1 + i % 200)), null, TIMEOUT), ProbeTesting.HERE)));
    }

    private static void batch(String what, int n, IntFunction<Probe> factory) throws Exception {
        List<Probe> probes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            probes.add(factory.apply(i));
        }
        ManagementFactory.getThreadMXBean().resetPeakThreadCount();
        int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
        long t0 = System.nanoTime();
        List<CompletableFuture<Long>> done = new ArrayList<>();
        for (Probe p : probes) {
            long start = System.nanoTime();
            done.add(p.attempt().thenApply(r -> {
                if (!r.up()) {
                    throw new AssertionError(p.describe() + ": " + r.detail());
                }
                return System.nanoTime() - start;
            }));
        }
        long slowest = 0;
        for (CompletableFuture<Long> f : done) {
            slowest = Math.max(slowest, f.get(30, TimeUnit.SECONDS));
        }
        long wall = System.nanoTime() - t0;
        int threadsAdded = ManagementFactory.getThreadMXBean().getPeakThreadCount() - threadsBefore;
        probes.forEach(Probe::close);
        System.out.printf("SCALE %s: %d probes up in %d ms (slowest attempt %d ms), threads added %d%n", what, n,
                wall / 1_000_000, slowest / 1_000_000, threadsAdded);
        assertEquals(n, done.size());
        assertTrue(slowest < TIMEOUT.toNanos(), "slowest attempt " + slowest / 1_000_000 + " ms");
        assertTrue(threadsAdded < 40, "no thread per probe: " + threadsAdded + " threads added for " + n + " probes");
    }
}
