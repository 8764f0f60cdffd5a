package org.keepalive4j.check.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.keepalive4j.config.SourceLocation;
import org.keepalive4j.config.model.check.CheckerCommon;
import org.keepalive4j.config.model.check.HttpCheck;
import org.keepalive4j.config.model.check.HttpUrl;

/** The probe's promises that need no server answering: it always ends, and in time. */
class HttpProbeTest {

    private final ScheduledExecutorService timers = Executors.newScheduledThreadPool(1);
    private final ExecutorService blocking = Executors.newFixedThreadPool(1);
    private final ProbeResources resources = new ProbeResources(timers, blocking, null);

    @AfterEach
    void stop() {
        timers.shutdownNow();
        blocking.shutdownNow();
    }

    private static HttpCheck check(int port, Duration timeout, String... paths) {
        CheckerCommon common = new CheckerCommon(InetAddress.getLoopbackAddress(), port, null, null, null, null,
                timeout, 1, Duration.ofSeconds(3), Duration.ZERO, Duration.ofSeconds(5), false, false);
        List<HttpUrl> urls = java.util.Arrays.stream(paths).map(p -> new HttpUrl(p, null,
                HttpUrl.DEFAULT_STATUS_CODES, null, null, false, List.of(), null, null, SourceLocation.UNKNOWN)).toList();
        return new HttpCheck(false, common, urls, null, HttpCheck.HttpProtocol.HTTP_1_0, false, null, false, null,
                SourceLocation.UNKNOWN);
    }

    @Test
    void noUrlIsUpWithoutConnecting() throws Exception {
        ProbeResult r = new HttpProbe(check(1, Duration.ofSeconds(1)), resources).attempt().get(1, TimeUnit.SECONDS);
        assertTrue(r.up());
    }

    @Test
    void noThreadOfTheBlockingPoolIsNeeded() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        blocking.submit(() -> {
            release.await();
            return null;
        });
        // a listener that never accepts: the kernel completes the connection, nobody ever answers
        try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            long t0 = System.nanoTime();
            ProbeResult r = new HttpProbe(check(silent.getLocalPort(), Duration.ofMillis(300), "/a", "/b"), resources)
                    .attempt().get(5, TimeUnit.SECONDS);
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            assertFalse(r.up());
            assertEquals("timeout after 300 ms for /a (timeout waiting for the response)", r.detail());
            assertTrue(ms >= 250 && ms < 1000, ms + " ms");
        } finally {
            release.countDown();
        }
    }

    @Test
    void closeEndsAnExchangeInFlight() throws Exception {
        // a listener that never accepts: the kernel completes the connection, nobody ever answers
        try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            HttpProbe p = new HttpProbe(check(silent.getLocalPort(), Duration.ofSeconds(20), "/"), resources);
            CompletableFuture<ProbeResult> f = p.attempt();
            Thread.sleep(300);
            long t0 = System.nanoTime();
            p.close();
            ProbeResult r = f.get(2, TimeUnit.SECONDS);
            assertFalse(r.up());
            assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0) < 1000);
            assertEquals("aborted for /", r.detail());
        }
    }

    @Test
    void describeNamesKindAndAddress() {
        assertEquals("HTTP_GET 127.0.0.1:8080", new HttpProbe(check(8080, Duration.ofSeconds(1)), resources).describe());
    }
}
