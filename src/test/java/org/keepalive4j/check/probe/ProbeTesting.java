package org.keepalive4j.check.probe;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.keepalive4j.config.SourceLocation;
import org.keepalive4j.config.model.check.CheckerCommon;
import org.keepalive4j.notify.ScriptRunner;

/** Shared resources and small helpers for the probe tests. */
final class ProbeTesting implements AutoCloseable {

    static final SourceLocation HERE = new SourceLocation(Path.of("ProbeIT.conf"), 1);
    /** How late a probe may complete after its own limit: timer and scheduling slack on a busy machine. */
    static final Duration TOLERANCE = Duration.ofMillis(700);

    final ScheduledExecutorService timers = Executors.newScheduledThreadPool(2);
    final ExecutorService blocking = Executors.newFixedThreadPool(2);
    final ScriptRunner scripts = new ScriptRunner(4, 16, null, null);
    final ProbeResources resources = new ProbeResources(timers, blocking, scripts);
    final Probes probes = new Probes(resources);

    static CheckerCommon common(InetAddress ip, Integer port, Duration connectTimeout) {
        return new CheckerCommon(ip, port, null, null, null, null, connectTimeout, 0, Duration.ofSeconds(1),
                Duration.ZERO, Duration.ofSeconds(5), false, false);
    }

    static InetAddress loopback() {
        return InetAddress.getLoopbackAddress();
    }

    static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }

    /** A finished attempt and how long it took. */
    record Timed(ProbeResult result, Duration elapsed) {
        Timed assertUp() {
            assertTrue(result.up(), "expected up, got " + result);
            return this;
        }

        Timed assertDown(String detailPart) {
            assertTrue(!result.up() && result.detail().contains(detailPart),
                    "expected down with '" + detailPart + "', got " + result);
            return this;
        }

        Timed assertWithin(Duration limit) {
            assertTrue(elapsed.compareTo(limit.plus(TOLERANCE)) <= 0,
                    "took " + elapsed.toMillis() + " ms, limit " + limit.toMillis() + " ms + tolerance");
            return this;
        }

        Timed assertAtLeast(Duration min) {
            assertTrue(elapsed.compareTo(min) >= 0, "took only " + elapsed.toMillis() + " ms, expected >= "
                    + min.toMillis() + " ms");
            return this;
        }
    }

    /** Runs one attempt and waits for it; the wait itself is bounded so a broken probe fails the test. */
    static Timed run(Probe probe) {
        long t0 = System.nanoTime();
        try {
            ProbeResult r = probe.attempt().get(30, TimeUnit.SECONDS);
            return new Timed(r, Duration.ofNanos(System.nanoTime() - t0));
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            return fail(probe.describe() + ": attempt did not complete normally: " + e);
        }
    }

    /** Attempts until one is up or down as wanted, for recovery tests; fails after {@code within}. */
    static ProbeResult until(Probe probe, boolean up, Duration within) {
        long end = System.nanoTime() + within.toNanos();
        ProbeResult last = null;
        while (System.nanoTime() < end) {
            last = run(probe).result();
            if (last.up() == up) {
                return last;
            }
            sleep(Duration.ofMillis(100));
        }
        return fail(probe.describe() + ": not " + (up ? "up" : "down") + " within " + within + "; last " + last);
    }

    static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        scripts.close();
        blocking.shutdownNow();
        timers.shutdownNow();
    }
}
