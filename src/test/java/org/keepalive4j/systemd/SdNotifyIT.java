package org.keepalive4j.systemd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.keepalive4j.testlib.Host;
import org.keepalive4j.testlib.ManagedProcess;
import org.keepalive4j.testlib.NetnsLab;
import org.keepalive4j.testlib.Root;

/**
 * keepalive4j under a stand-in for systemd: a Python process binds the notify socket, reads each sender's
 * pid from the kernel (SO_PASSCRED) and logs every datagram with its CLOCK_MONOTONIC arrival time. The
 * daemon is started the way the unit starts it, through the launcher script, with NOTIFY_SOCKET and
 * WATCHDOG_USEC=500000 in its environment, in a lab namespace (it runs a real VRRP instance there).
 *
 * <p>The story: READY=1 from the JVM's own pid once started (the launcher exec'd it: systemd's
 * NotifyAccess=main would drop anything else); WATCHDOG=1 every 250 ms, never 500 ms apart (systemd's
 * limit); SIGHUP brings RELOADING=1 with MONOTONIC_USEC, then READY=1; SIGSTOP silences the pings and
 * SIGCONT brings them back; stalling only the VRRP event loop (the test-only fault injection, see
 * vrrp.engine.LoopStallFaultInjection) silences them while the process and its lifecycle thread live on,
 * which shows the ping comes from the loop; SIGTERM sends STOPPING=1. With -C (no VRRP engine) and an
 * abstract socket, the check engine's thread pings.
 */
class SdNotifyIT {

    private static final Path BASE = Path.of(System.getProperty("keepalive4j.basedir", "."));
    private static final Path LAUNCHER = BASE.resolve("scripts/keepalive4j");
    private static final Path LISTENER = BASE.resolve("src/test/resources/systemd/notify-listener.py");
    private static final Duration STARTUP = Duration.ofSeconds(60);
    private static final Duration WAIT = Duration.ofSeconds(15);
    /** WATCHDOG_USEC: a ping is due every 250 ms. */
    private static final long WATCHDOG_MICROS = 500_000;
    private static final String STALL_SIGNAL = "URG";

    private static NetnsLab lab;

    @BeforeAll
    static void lab() {
        Root.assume();
        lab = NetnsLab.builder().hosts(1).start();
    }

    @AfterAll
    static void closeLab() {
        if (lab != null) {
            lab.close();
        }
    }

    /** One datagram as the listener saw it. */
    record Received(long atMicros, long pid, String payload) {
        boolean is(String assignment) {
            return ("|" + payload + "|").contains("|" + assignment + "|");
        }

        String value(String variable) {
            for (String a : payload.split("\\|")) {
                if (a.startsWith(variable + "=")) {
                    return a.substring(variable.length() + 1);
                }
            }
            throw new AssertionError("no " + variable + " in " + payload);
        }
    }

    @Test
    void readyWatchdogFromTheVrrpLoopReloadAndStop() throws Exception {
        Host host = lab.host(1);
        Path dir = host.workDir();
        String socket = dir.resolve("notify.sock").toString();
        ManagedProcess listener = listen(host, socket);
        Path conf = dir.resolve("keepalived.conf");
        Files.writeString(conf, "vrrp_instance VI_1 {\n  state MASTER\n  interface eth0\n  virtual_router_id 61\n"
                + "  priority 150\n  advert_int 1\n  virtual_ipaddress {\n    10.77.0.100/24\n  }\n}\n");
        ManagedProcess daemon = host.start("keepalive4j", List.of(LAUNCHER.toAbsolutePath().toString(), "--dont-fork",
                "-l", "-P", "-f", conf.toString(), "-p", dir.resolve("k.pid").toString(),
                "-r", dir.resolve("v.pid").toString(), "-c", dir.resolve("c.pid").toString()),
                Map.of("NOTIFY_SOCKET", socket, "WATCHDOG_USEC", Long.toString(WATCHDOG_MICROS),
                        "KEEPALIVE4J_DUMP_DIR", dir.toString(),
                        "KEEPALIVE4J_JAVA_OPTS", "-Dkeepalive4j.faultInjection.stallVrrpLoopOnSignal=" + STALL_SIGNAL));
        try {
            daemon.waitForOutput("keepalive4j \\S+ started", STARTUP);
            Received ready = await(listener, r -> r.is("READY=1"), 0, "READY=1");
            assertEquals(daemon.pid(), ready.pid(), "READY=1 comes from the main process (the JVM the launcher exec'd)");
            assertTrue(ready.value("STATUS").startsWith("Running"), ready.payload());
            assertEquals(1, received(listener).stream().filter(r -> r.is("READY=1")).count(), "one READY=1 at start");

            assertPingsEvery250Ms(listener, daemon.pid());

            // SIGHUP: RELOADING=1 with the reload's CLOCK_MONOTONIC, then READY=1
            int beforeReload = received(listener).size();
            daemon.signal("HUP");
            Received reloading = await(listener, r -> r.is("RELOADING=1"), beforeReload, "RELOADING=1");
            long started = Long.parseLong(reloading.value("MONOTONIC_USEC"));
            assertTrue(started <= reloading.atMicros() && reloading.atMicros() - started < 5_000_000,
                    "MONOTONIC_USEC " + started + " is CLOCK_MONOTONIC just before the datagram arrived ("
                            + reloading.atMicros() + ")");
            int afterReloading = received(listener).indexOf(reloading) + 1;
            Received reloaded = await(listener, r -> r.is("READY=1"), afterReloading, "READY=1 after the reload");
            assertTrue(reloaded.value("STATUS").contains("reloaded"), reloaded.payload());

            // the whole process stopped: no pings; continued: pings again
            daemon.signal("STOP");
            assertNoPingsFor(listener, Duration.ofMillis(1500), "while the process is stopped");
            daemon.signal("CONT");
            awaitPings(listener, 3);

            // only the VRRP loop stalled: no pings, although the JVM lives and answers a dump request
            daemon.signal(STALL_SIGNAL);
            daemon.waitForOutput("FAULT INJECTION: VRRP event loop stalled", WAIT);
            assertNoPingsFor(listener, Duration.ofMillis(1500), "while the VRRP loop is stalled");
            assertTrue(daemon.isAlive());
            String stats = statsDump(daemon, dir);
            assertTrue(stats.contains("VRRP event loop not answering"), stats);
            daemon.signal(STALL_SIGNAL);
            daemon.waitForOutput("FAULT INJECTION: VRRP event loop released", WAIT);
            awaitPings(listener, 3);

            int beforeStop = received(listener).size();
            daemon.signal("TERM");
            assertEquals(0, daemon.waitForExit(WAIT));
            Received stopping = await(listener, r -> r.is("STOPPING=1"), beforeStop, "STOPPING=1");
            assertEquals(daemon.pid(), stopping.pid());
        } finally {
            if (daemon.isAlive()) {
                daemon.signal("CONT");
                daemon.stop();
            }
            listener.stop();
        }
    }

    /** -C: no VRRP engine, so the check engine's thread pings; the socket is in the abstract namespace. */
    @Test
    void withChecksOnlyTheCheckEnginePingsThroughAnAbstractSocket() throws Exception {
        Host host = lab.host(1);
        Path dir = host.workDir().resolve("checks-only");
        Files.createDirectories(dir);
        String socket = "@k4j-notify-" + ProcessHandle.current().pid();
        // abstract names belong to the network namespace: the listener must be in the daemon's
        ManagedProcess listener = listen(host, socket);
        Path conf = dir.resolve("keepalived.conf");
        Files.writeString(conf, "global_defs {\n  router_id checks\n}\n");
        ManagedProcess daemon = host.start("keepalive4j-checks", List.of(LAUNCHER.toAbsolutePath().toString(),
                "-n", "-l", "-C", "-f", conf.toString(), "-p", dir.resolve("k.pid").toString(),
                "-r", dir.resolve("v.pid").toString(), "-c", dir.resolve("c.pid").toString()),
                Map.of("NOTIFY_SOCKET", socket, "WATCHDOG_USEC", Long.toString(WATCHDOG_MICROS),
                        "KEEPALIVE4J_DUMP_DIR", dir.toString()));
        try {
            daemon.waitForOutput("keepalive4j \\S+ started", STARTUP);
            assertEquals(daemon.pid(), await(listener, r -> r.is("READY=1"), 0, "READY=1").pid());
            assertPingsEvery250Ms(listener, daemon.pid());
            int beforeStop = received(listener).size();
            daemon.signal("TERM");
            assertEquals(0, daemon.waitForExit(WAIT));
            await(listener, r -> r.is("STOPPING=1"), beforeStop, "STOPPING=1");
        } finally {
            if (daemon.isAlive()) {
                daemon.stop();
            }
            listener.stop();
        }
    }

    private static ManagedProcess listen(Host host, String address) {
        ManagedProcess listener = host.start("notify-listener-" + address.replaceAll("\\W", ""),
                List.of("python3", LISTENER.toAbsolutePath().toString(), address), Map.of());
        listener.waitForOutput("listening on", WAIT);
        return listener;
    }

    /**
     * Eight pings after the current ones: each from the daemon's pid, none more than the watchdog timeout
     * after the previous (systemd would kill the daemon), and the median gap near the 250 ms ping interval.
     */
    private static void assertPingsEvery250Ms(ManagedProcess listener, long pid) {
        int from = received(listener).size();
        awaitPings(listener, 9);
        List<Received> all = received(listener); // one snapshot: the listener keeps writing meanwhile
        List<Received> pings = all.subList(from, all.size()).stream().filter(r -> r.is("WATCHDOG=1")).toList();
        List<Long> gaps = new ArrayList<>();
        for (int i = 1; i < pings.size(); i++) {
            assertEquals(pid, pings.get(i).pid());
            gaps.add(pings.get(i).atMicros() - pings.get(i - 1).atMicros());
        }
        List<Long> sorted = gaps.stream().sorted().toList();
        long median = sorted.get(sorted.size() / 2);
        System.out.println("SdNotifyIT: WATCHDOG=1 gaps (µs) " + gaps + ", median " + median);
        assertTrue(sorted.get(sorted.size() - 1) < WATCHDOG_MICROS, "a gap reached the watchdog timeout: " + gaps);
        assertTrue(median >= 240_000 && median <= 320_000, "median ping gap " + median + " µs: " + gaps);
    }

    private static void awaitPings(ManagedProcess listener, int count) {
        int from = received(listener).size();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (pingsSince(listener, from) < count) {
            assertTrue(System.nanoTime() < deadline, "fewer than " + count + " WATCHDOG=1 within " + WAIT
                    + ": " + listener.stdout());
            sleep(20);
        }
    }

    /** WATCHDOG=1 datagrams after the first {@code from} received, from one snapshot of the listener's log. */
    private static long pingsSince(ManagedProcess listener, int from) {
        List<Received> all = received(listener);
        return all.subList(Math.min(from, all.size()), all.size()).stream().filter(r -> r.is("WATCHDOG=1")).count();
    }

    /**
     * Waits a little for datagrams sent before the stop to be logged, then asserts that no ping arrives
     * for {@code quiet} (6 ping intervals).
     */
    private static void assertNoPingsFor(ManagedProcess listener, Duration quiet, String when) {
        sleep(300);
        long before = pings(listener);
        sleep(quiet.toMillis());
        assertEquals(before, pings(listener), "WATCHDOG=1 " + when);
    }

    private static long pings(ManagedProcess listener) {
        return received(listener).stream().filter(r -> r.is("WATCHDOG=1")).count();
    }

    private static Received await(ManagedProcess listener, Predicate<Received> what, int from, String name) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            List<Received> all = received(listener);
            for (Received r : all.subList(Math.min(from, all.size()), all.size())) {
                if (what.test(r)) {
                    return r;
                }
            }
            assertTrue(System.nanoTime() < deadline, "no " + name + " within " + WAIT + ": " + listener.stdout());
            sleep(20);
        }
    }

    private static List<Received> received(ManagedProcess listener) {
        List<Received> out = new ArrayList<>();
        for (String line : listener.stdout().split("\n")) {
            String[] f = line.split(" ", 3);
            if (f.length == 3 && f[0].matches("\\d+")) {
                out.add(new Received(Long.parseLong(f[0]), Long.parseLong(f[1]), f[2]));
            }
        }
        return out;
    }

    /** The SIGUSR2 dump; the VRRP part waits up to 2 s for the loop. */
    private static String statsDump(ManagedProcess daemon, Path dir) {
        Path file = dir.resolve("keepalived.stats");
        try {
            Files.deleteIfExists(file);
            daemon.signal("USR2");
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (!Files.exists(file)) {
                assertTrue(System.nanoTime() < deadline, "no statistics dump");
                sleep(50);
            }
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
