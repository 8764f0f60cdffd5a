package org.keepalive4j.agentx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.keepalive4j.mib.Notification;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.VariableBinding;

/** Queue semantics of the sink against a scripted master. */
class AsyncNotificationSenderTest {

    private static final OID TRAP = new OID("1.3.6.1.4.1.9586.100.5.2.0.1");
    private static final OID TAG = new OID("1.3.6.1.4.1.9586.100.5.1.9.0");

    /** Sessions come and go as the test says; each delivery is recorded. */
    private static final class ScriptedMaster implements SessionSource {
        private ActiveSession current;
        private long epochs;
        volatile boolean answering = true;
        final List<Integer> delivered = Collections.synchronizedList(new ArrayList<>());
        volatile int suspicions;

        synchronized void up() {
            current = new ActiveSession(null, null, ++epochs);
            notifyAll();
        }

        synchronized void down() {
            current = null;
        }

        @Override
        public synchronized ActiveSession awaitSession(ActiveSession failed, long timeoutMillis)
                throws InterruptedException {
            long deadline = System.currentTimeMillis() + timeoutMillis;
            while ((current == null || current == failed) && System.currentTimeMillis() < deadline) {
                wait(Math.max(1, deadline - System.currentTimeMillis()));
            }
            return current;
        }

        @Override
        public void suspect(ActiveSession session) {
            suspicions++;
        }

        Snmp4jSubagent.SendResult deliver(ActiveSession s, Notification n, long timeout) {
            if (!answering) {
                return Snmp4jSubagent.SendResult.FAILED;
            }
            delivered.add(((Integer32) n.varbinds().get(0).getVariable()).getValue());
            return Snmp4jSubagent.SendResult.OK;
        }
    }

    private static Notification numbered(int n) {
        return new Notification(TRAP, List.of(new VariableBinding(TAG, new Integer32(n))));
    }

    private static AsyncNotificationSender sender(int capacity, ScriptedMaster master) {
        return new AsyncNotificationSender(capacity, master, master::deliver, 100);
    }

    @Test
    void aMillionSendsWithTheSenderStalledNeverBlock() throws Exception {
        ScriptedMaster master = new ScriptedMaster(); // never up: the sender waits for a session forever
        AsyncNotificationSender sender = sender(10_000, master);
        sender.start();
        try {
            Notification n = numbered(1);
            for (int i = 0; i < 20_000; i++) {
                sender.send(n); // warm-up: what is timed below is the steady state, not class loading
            }
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long cpu0 = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            for (int i = 0; i < 1_000_000; i++) {
                sender.send(n);
            }
            long wall = System.nanoTime() - start;
            long cpu = threads.getCurrentThreadCpuTime() - cpu0;
            System.out.printf("1,000,000 sends into a full queue: %d ms wall, %d ms cpu%n",
                    TimeUnit.NANOSECONDS.toMillis(wall), TimeUnit.NANOSECONDS.toMillis(cpu));
            assertTrue(wall < TimeUnit.SECONDS.toNanos(1), "1,000,000 sends took " + wall / 1e6 + " ms");
            assertEquals(1_020_000, sender.queued());
            assertEquals(0, sender.sent());
            assertEquals(sender.queued(), sender.dropped() + sender.pending(), "every notification counted once");
            assertTrue(sender.pending() >= 10_000, "queue full: " + sender.pending());
        } finally {
            sender.stop(2000);
        }
    }

    @Test
    void fullQueueDropsTheOldestAndDeliversTheNewestInOrder() throws Exception {
        ScriptedMaster master = new ScriptedMaster();
        AsyncNotificationSender sender = sender(3, master);
        for (int i = 1; i <= 7; i++) {
            sender.send(numbered(i));
        }
        assertEquals(7, sender.queued());
        assertEquals(4, sender.dropped());
        assertEquals(3, sender.pending());
        sender.start();
        try {
            master.up();
            AgentXTesting.await(() -> sender.sent() == 3, Duration.ofSeconds(5), "3 sent");
            assertEquals(List.of(5, 6, 7), master.delivered);
            assertEquals(0, sender.pending());
        } finally {
            sender.stop(2000);
        }
    }

    @Test
    void unansweredNotificationIsKeptForTheNextSession() throws Exception {
        ScriptedMaster master = new ScriptedMaster();
        master.answering = false; // frozen master: Notify times out
        AsyncNotificationSender sender = sender(100, master);
        sender.start();
        try {
            master.up();
            sender.send(numbered(1));
            sender.send(numbered(2));
            AgentXTesting.await(() -> sender.retried() >= 1, Duration.ofSeconds(5), "a failed attempt");
            assertTrue(master.suspicions >= 1, "the supervisor is asked to check the master");
            master.down();
            master.answering = true;
            master.up(); // a new session after reconnection
            AgentXTesting.await(() -> sender.sent() == 2, Duration.ofSeconds(5), "both sent");
            assertEquals(List.of(1, 2), master.delivered);
            assertEquals(0, sender.dropped());
        } finally {
            sender.stop(2000);
        }
    }

    @Test
    void nothingIsSentWhileNoSessionIsUp() throws Exception {
        ScriptedMaster master = new ScriptedMaster();
        AsyncNotificationSender sender = sender(100, master);
        sender.start();
        try {
            sender.send(numbered(1));
            Thread.sleep(200);
            assertEquals(0, sender.sent());
            assertEquals(1, sender.pending());
            master.up();
            AgentXTesting.await(() -> sender.sent() == 1, Duration.ofSeconds(5), "sent once up");
        } finally {
            sender.stop(2000);
        }
    }
}
