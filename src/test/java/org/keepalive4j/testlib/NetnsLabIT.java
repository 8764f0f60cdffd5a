package org.keepalive4j.testlib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The lab library against the real kernel: namespaces, bridge, veth pairs, processes and teardown. */
@Timeout(120)
class NetnsLabIT {

    @BeforeAll
    static void needsRoot() {
        Root.assume();
    }

    @Test
    void hostsPingEachOtherOverTheBridgeWithIpv4AndIpv6() {
        try (NetnsLab lab = NetnsLab.builder().hosts(2).ipv6().start()) {
            Host h1 = lab.host(1);
            Host h2 = lab.host(2);
            assertEquals("10.77.0.11", h1.ipv4());
            assertEquals("fd00:77::12", h2.ipv6());
            assertPings(h1, h2.ipv4());
            assertPings(h2, h1.ipv4());
            assertPings(h1, h2.ipv6());
            assertPings(h2, h1.ipv6());
            assertPings(h1, "127.0.0.1");
        }
    }

    @Test
    void aProcessStartedInAHostRunsThereAndNowhereElse() throws IOException {
        try (NetnsLab lab = NetnsLab.start(2)) {
            String marker = uniqueSleepSeconds();
            ManagedProcess p = lab.host(1).start("sleeper", "sleep", marker);
            assertEquals(lab.host(1).namespace(), namespaceOf(p.pid()));
            assertTrue(NetnsLab.pidsIn(lab.host(1).namespace()).contains(p.pid()));
            assertFalse(NetnsLab.pidsIn(lab.host(2).namespace()).contains(p.pid()));
            assertFalse(NetnsLab.pidsIn(lab.switchNamespace()).contains(p.pid()));
            // pid() is the program itself, and no `ip netns exec` wrapper stays around it
            waitUntil(() -> Files.readString(Path.of("/proc/" + p.pid() + "/comm")).equals("sleep\n"),
                    "pid " + p.pid() + " runs sleep");
            assertEquals(List.of(p.pid()), livePidsWithArgument(marker));
        }
    }

    @Test
    void closeKillsEveryProcessOfTheLabAndDeletesItsNamespaces() throws IOException {
        String marker = uniqueSleepSeconds();
        long started;
        NetnsLab lab = NetnsLab.start(2);
        try (lab) {
            started = lab.host(1).start("sleeper", "sleep", marker).pid();
            // a daemon that detaches: no longer our child, only the namespace still knows it
            lab.host(2).exec("sh", "-c", "setsid sleep " + marker + " >/dev/null 2>&1 &").orThrow();
            waitUntil(() -> livePidsWithArgument(marker).size() == 2, "both sleepers running");
        }
        assertEquals(List.of(), namespacesOf(lab));
        assertEquals(List.of(), livePidsWithArgument(marker));
        assertFalse(isLive(started));
    }

    @Test
    void theShutdownHookTearsDownALabThatWasNeverClosed(@TempDir Path logs) throws IOException {
        String marker = uniqueSleepSeconds();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        try (ManagedProcess jvm = Processes.start(logs, "jvm", List.of(java, "-cp",
                System.getProperty("java.class.path"), AbandonedLab.class.getName(), marker), Map.of())) {
            String lab = jvm.waitForOutput("k4j\\d+n\\d+", Duration.ofSeconds(30));
            jvm.waitForOutput("ready", Duration.ofSeconds(30));
            assertEquals(List.of(lab + "-h1", lab + "-sw"), namespacesOf(lab));
            assertEquals(1, NetnsLab.pidsIn(lab + "-h1").size());

            jvm.signal("TERM");
            jvm.waitForExit(Duration.ofSeconds(30));
            assertEquals(List.of(), namespacesOf(lab));
            assertEquals(List.of(), livePidsWithArgument(marker));
        }
    }

    @Test
    void linkDownCutsTheHostOffAndLinkUpReconnectsIt() throws IOException {
        try (NetnsLab lab = NetnsLab.start(2)) {
            Host h1 = lab.host(1);
            String peer = lab.host(2).ipv4();
            assertPings(h1, peer);
            h1.linkDown();
            assertFalse(ping(h1, peer), "ping across a pulled cable");
            h1.linkUp();
            waitUntil(() -> ping(h1, peer), "ping after the cable is back");
        }
    }

    @Test
    void addressesAreTheKernelsCurrentOnes() {
        try (NetnsLab lab = NetnsLab.builder().hosts(1).ipv6().start()) {
            Host h = lab.host(1);
            assertTrue(h.addresses().contains(new AssignedAddress("eth0", "inet", "10.77.0.11", 24)), h.addresses().toString());
            assertTrue(h.hasAddress("127.0.0.1/8"));
            assertTrue(h.hasAddress("fd00:77:0::11/64"));
            assertFalse(h.hasAddress("10.77.0.21"));
            h.exec("ip", "addr", "add", "10.77.0.21/32", "dev", "eth0").orThrow();
            assertTrue(h.hasAddress("10.77.0.21/32"));
        }
    }

    @Test
    void aFailingTestBodyStillTearsTheLabDown() throws IOException {
        String marker = uniqueSleepSeconds();
        NetnsLab[] created = new NetnsLab[1];
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> {
            try (NetnsLab lab = NetnsLab.start(1)) {
                created[0] = lab;
                lab.host(1).start("sleeper", "sleep", marker);
                throw new IllegalStateException("test body failed");
            }
        });
        assertEquals("test body failed", thrown.getMessage());
        assertEquals(List.of(), namespacesOf(created[0]));
        assertEquals(List.of(), livePidsWithArgument(marker));
    }

    @Test
    void cleanupStaleRemovesLeftoversOfDeadJvmsButNotLiveLabs() throws IOException {
        // no pid can be this large (pid_max is at most 2^22), so its JVM is certainly gone
        String deadLab = NetnsLab.PREFIX + "999999999n1";
        String leftover = deadLab + "-h1";
        String marker = uniqueSleepSeconds();
        Processes.run("ip", "netns", "add", leftover).orThrow();
        Processes.run("sh", "-c", "ip netns exec " + leftover + " setsid sleep " + marker + " >/dev/null 2>&1 &")
                .orThrow();
        waitUntil(() -> livePidsWithArgument(marker).size() == 1, "the leftover's process running");
        try (NetnsLab live = NetnsLab.start(1)) {
            Path deadLabDir = Files.createDirectories(live.workDir().resolveSibling(deadLab).resolve("h1"));
            assertEquals(List.of(leftover), NetnsLab.cleanupStale(NetnsLab.PREFIX));
            assertFalse(NetnsLab.namespaceNames().contains(leftover));
            assertEquals(List.of(), livePidsWithArgument(marker));
            assertFalse(Files.exists(deadLabDir.getParent()), "the dead lab's work directory");
            assertEquals(2, namespacesOf(live).size());
            assertTrue(Files.isDirectory(live.workDir().resolve("h1")), "the live lab's work directory");
        }
    }

    // ------------------------------------------------------------------ helpers

    private static void assertPings(Host from, String to) {
        assertTrue(ping(from, to), from + " cannot ping " + to);
    }

    private static boolean ping(Host from, String to) {
        return from.exec("ping", "-n", "-c", "1", "-W", "2", to).ok();
    }

    private static List<String> namespacesOf(NetnsLab lab) {
        return namespacesOf(lab.name());
    }

    private static List<String> namespacesOf(String labName) {
        return NetnsLab.namespaceNames().stream().filter(ns -> ns.startsWith(labName + "-")).sorted().toList();
    }

    private static String namespaceOf(long pid) {
        return Processes.run("ip", "netns", "identify", Long.toString(pid)).orThrow().stdout().strip();
    }

    /** A sleep length no other process uses, to find our sleepers in /proc. */
    private static String uniqueSleepSeconds() {
        return Integer.toString(ThreadLocalRandom.current().nextInt(700_000, 800_000));
    }

    /**
     * Pids whose command line has {@code argument}. Zombies have an empty command line, so only
     * processes that still run count: an orphan's zombie lingers until init gets round to reaping it.
     */
    private static List<Long> livePidsWithArgument(String argument) throws IOException {
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            return procs.filter(p -> p.getFileName().toString().matches("\\d+"))
                    .filter(p -> List.of(cmdline(p)).contains(argument))
                    .map(p -> Long.valueOf(p.getFileName().toString()))
                    .sorted()
                    .toList();
        }
    }

    private static String[] cmdline(Path proc) {
        try {
            return new String(Files.readAllBytes(proc.resolve("cmdline")), StandardCharsets.UTF_8).split("\0");
        } catch (IOException vanished) {
            return new String[0];
        }
    }

    private static boolean isLive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private interface Check {
        boolean holds() throws IOException;
    }

    private static void waitUntil(Check check, String what) throws IOException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!check.holds()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 10 s: " + what);
            }
            Processes.sleep(50);
        }
    }
}
