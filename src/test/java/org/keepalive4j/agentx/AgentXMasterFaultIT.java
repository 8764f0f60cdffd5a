package org.keepalive4j.agentx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.keepalive4j.mib.Notification;
import org.keepalive4j.testlib.Root;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.VariableBinding;

/**
 * The acceptance tests of the AgentX master faults keepalived does not survive: snmpd frozen (SIGSTOP),
 * snmpd crashing and coming back, snmpd not there yet. The subagent runs with its default settings.
 */
class AgentXMasterFaultIT {

    /** Slowest acceptable send() or value update on the caller's thread. */
    private static final long CALLER_BUDGET_NANOS = TimeUnit.MILLISECONDS.toNanos(5);
    /**
     * From snmpd's start to a full walk of our subtree: the 1 s backoff cap bounds our wait for a master
     * that is reachable; the tolerance covers snmpd's own start (it answers some 50-150 ms after exec)
     * and the walk's polling (each snmpbulkwalk is a process start, 20-50 ms on a loaded machine).
     */
    private static final long REREGISTER_BUDGET_MILLIS = 1000 + 250;
    private static final Pattern TRAP_TAG = Pattern.compile("STRING: \"trap-(\\d+)\"");

    @TempDir
    Path dir;

    @Test
    void frozenMasterDelaysNoCallerAndQueuedTrapsArriveAfterIt() throws Exception {
        Root.assume();
        TestMib mib = new TestMib(20, 5);
        try (SnmpLab lab = SnmpLab.unix(dir)) {
            lab.startSnmptrapd();
            lab.startSnmpd();
            try (AgentXSubsystem agentx = AgentXSubsystem.start(mib.server, List.of(TestMib.CAPS), lab.master,
                    AgentXSettings.defaults())) {
                AgentXTesting.awaitConnected(agentx, Duration.ofSeconds(5));
                // warm the caller's path (class loading, JIT) before anything is timed
                for (int i = 0; i < 2000; i++) {
                    mib.routerId.setValue(new Integer32(-i));
                }
                agentx.sink().send(trap(0));
                awaitTraps(lab, 1, Duration.ofSeconds(5));

                lab.snmpd().signal("STOP");
                long worstSend = 0;
                long worstUpdate = 0;
                int traps = 0;
                int updates = 0;
                long frozenUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (System.nanoTime() < frozenUntil) {
                    long t0 = System.nanoTime();
                    mib.routerId.setValue(new Integer32(++updates));
                    long t1 = System.nanoTime();
                    worstUpdate = Math.max(worstUpdate, t1 - t0);
                    if (updates % 5 == 0) {
                        Notification n = trap(++traps);
                        long t2 = System.nanoTime();
                        agentx.sink().send(n);
                        worstSend = Math.max(worstSend, System.nanoTime() - t2);
                    }
                    Thread.sleep(20);
                }
                SubagentState stateWhileFrozen = agentx.state();
                lab.snmpd().signal("CONT");
                long resumed = System.nanoTime();
                System.out.printf("frozen 10 s: %d value updates (slowest %.3f ms), %d traps raised (slowest send"
                        + " %.3f ms); subagent state at the end of the freeze: %s%n", updates, worstUpdate / 1e6,
                        traps, worstSend / 1e6, stateWhileFrozen);
                assertTrue(worstUpdate <= CALLER_BUDGET_NANOS, "slowest value update " + worstUpdate / 1e6 + " ms");
                assertTrue(worstSend <= CALLER_BUDGET_NANOS, "slowest send() " + worstSend / 1e6 + " ms");

                int expectedRouterId = updates;
                String routerIdLine = "." + TestMib.ROUTER_ID + " = INTEGER: " + expectedRouterId;
                AgentXTesting.await(() -> {
                    List<String> values = lab.bulkwalk(TestMib.ROOT.toDottedString());
                    return values.size() == mib.valueCount() && values.contains(routerIdLine);
                }, Duration.ofSeconds(10), "full walk with routerId " + expectedRouterId + " after SIGCONT");
                long walkable = System.nanoTime();
                awaitTraps(lab, traps + 1, Duration.ofSeconds(15));
                System.out.printf("after SIGCONT: walk complete in %d ms, all %d traps at snmptrapd in %d ms; %s%n",
                        TimeUnit.NANOSECONDS.toMillis(walkable - resumed), traps + 1,
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - resumed), agentx.stats());
                assertEquals(0, agentx.stats().notificationsDropped());
            }
        }
    }

    @Test
    void reRegistersWithinASecondOfEachOfTwentyRestarts() {
        Root.assume();
        TestMib mib = new TestMib(50, 5);
        try (SnmpLab lab = SnmpLab.unix(dir)) {
            lab.startSnmpd();
            try (AgentXSubsystem agentx = AgentXSubsystem.start(mib.server, List.of(TestMib.CAPS), lab.master,
                    AgentXSettings.defaults())) {
                AgentXTesting.awaitConnected(agentx, Duration.ofSeconds(5));
                List<Long> fromStart = new ArrayList<>();
                List<Long> fromUp = new ArrayList<>();
                for (int i = 1; i <= 20; i++) {
                    lab.killSnmpd();
                    long started = System.nanoTime();
                    lab.startSnmpd();
                    long up = System.nanoTime();
                    awaitFullWalk(lab, mib, Duration.ofSeconds(5));
                    long walked = System.nanoTime();
                    fromStart.add(TimeUnit.NANOSECONDS.toMillis(walked - started));
                    fromUp.add(TimeUnit.NANOSECONDS.toMillis(walked - up));
                }
                System.out.println("20 SIGKILL restarts, snmpd exec -> full walk of our subtree (ms): "
                        + distribution(fromStart) + "; snmpd announced -> full walk: " + distribution(fromUp)
                        + "; " + agentx.stats());
                for (int i = 0; i < fromStart.size(); i++) {
                    assertTrue(fromStart.get(i) <= REREGISTER_BUDGET_MILLIS,
                            "restart " + (i + 1) + " took " + fromStart.get(i) + " ms: " + fromStart);
                }
                assertTrue(agentx.stats().reconnects() >= 20, agentx.stats().toText());
            }
        }
    }

    @Test
    void orderlyRestartIsFollowedLikeACrash() {
        Root.assume();
        TestMib mib = new TestMib(50, 5);
        try (SnmpLab lab = SnmpLab.unix(dir)) {
            lab.startSnmpd();
            try (AgentXSubsystem agentx = AgentXSubsystem.start(mib.server, List.of(TestMib.CAPS), lab.master,
                    AgentXSettings.defaults())) {
                AgentXTesting.awaitConnected(agentx, Duration.ofSeconds(5));
                lab.snmpd().stop(); // SIGTERM: snmpd closes its sessions and removes its socket
                long started = System.nanoTime();
                lab.startSnmpd();
                awaitFullWalk(lab, mib, Duration.ofSeconds(5));
                long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
                System.out.println("SIGTERM restart: full walk " + millis + " ms after snmpd's start");
                assertTrue(millis <= REREGISTER_BUDGET_MILLIS, millis + " ms");
                assertEquals(1, agentx.stats().reconnects(), agentx.stats().toText());
            }
        }
    }

    @Test
    void absentMasterAtStartIsJoinedAsSoonAsItAppears() {
        Root.assume();
        TestMib mib = new TestMib(50, 5);
        try (SnmpLab lab = SnmpLab.unix(dir)) {
            try (AgentXSubsystem agentx = AgentXSubsystem.start(mib.server, List.of(TestMib.CAPS), lab.master,
                    AgentXSettings.defaults())) {
                AgentXTesting.await(() -> agentx.stats().connectAttempts() >= 3, Duration.ofSeconds(5),
                        "connect retries");
                assertEquals(SubagentState.DISCONNECTED, agentx.state());
                sleep(1500); // long enough for the backoff to reach its cap
                long started = System.nanoTime();
                lab.startSnmpd();
                awaitFullWalk(lab, mib, Duration.ofSeconds(5));
                long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
                System.out.printf("master absent at start: %d attempts before it came, registered and walked %d ms"
                        + " after snmpd's start%n", agentx.stats().connectAttempts(), millis);
                assertTrue(millis <= REREGISTER_BUDGET_MILLIS, millis + " ms");
                assertEquals(0, agentx.stats().reconnects());
            }
        }
    }

    @Test
    void stopIsBoundedWhileTheMasterIsFrozen() {
        Root.assume();
        TestMib mib = new TestMib(1, 1);
        try (SnmpLab lab = SnmpLab.unix(dir)) {
            lab.startSnmpd();
            AgentXSubsystem agentx = AgentXSubsystem.start(mib.server, List.of(), lab.master,
                    AgentXSettings.defaults());
            AgentXTesting.awaitConnected(agentx, Duration.ofSeconds(5));
            lab.snmpd().signal("STOP");
            agentx.sink().send(trap(1)); // the sender is now waiting on an unanswered Notify
            sleep(300);
            long t0 = System.nanoTime();
            agentx.stop();
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            System.out.println("stop() with snmpd frozen took " + millis + " ms");
            assertTrue(millis <= AgentXSettings.defaults().stopTimeout().toMillis() + 100, millis + " ms");
            assertEquals(SubagentState.STOPPED, agentx.state());
        }
    }

    private static Notification trap(int n) {
        return new Notification(TestMib.TRAP_OID, List.of(new VariableBinding(TestMib.TRAP_TAG,
                new OctetString("trap-" + n))));
    }

    /** Waits until snmptrapd has printed trap-0 .. trap-(count-1), each at least once. */
    private static void awaitTraps(SnmpLab lab, int count, Duration timeout) {
        AgentXTesting.await(() -> receivedTraps(lab).size() >= count, timeout,
                () -> "traps at snmptrapd: " + receivedTraps(lab).size() + " of " + count);
        Set<Integer> got = receivedTraps(lab);
        for (int i = 0; i < count; i++) {
            assertTrue(got.contains(i), "trap-" + i + " missing: " + got);
        }
    }

    private static Set<Integer> receivedTraps(SnmpLab lab) {
        Set<Integer> tags = new TreeSet<>();
        Matcher m = TRAP_TAG.matcher(lab.snmptrapd().stdout());
        while (m.find()) {
            tags.add(Integer.parseInt(m.group(1)));
        }
        return tags;
    }

    private static void awaitFullWalk(SnmpLab lab, TestMib mib, Duration timeout) {
        AgentXTesting.await(() -> lab.bulkwalk(TestMib.ROOT.toDottedString()).size() == mib.valueCount(), timeout,
                "full walk of " + TestMib.ROOT);
    }

    private static String distribution(List<Long> millis) {
        List<Long> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        return "min " + sorted.get(0) + ", median " + sorted.get(sorted.size() / 2) + ", p90 "
                + sorted.get((int) Math.ceil(sorted.size() * 0.9) - 1) + ", max " + sorted.get(sorted.size() - 1)
                + " (all: " + millis + ")";
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
