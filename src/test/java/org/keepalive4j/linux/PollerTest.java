package org.keepalive4j.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The poller with eventfds only: no socket, no privilege needed. Sockets are covered by LinuxIoIT. */
class PollerTest {

    @Test
    void wakeupFromAnotherThreadEndsAnEndlessPoll() throws Exception {
        ScheduledExecutorService other = Executors.newSingleThreadScheduledExecutor();
        try (Poller poller = new Poller()) {
            long start = System.nanoTime();
            other.schedule(() -> {
                poller.wakeup();
                return null;
            }, 100, TimeUnit.MILLISECONDS);
            assertEquals(List.of(), poller.poll(Poller.FOREVER));
            long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(waited >= 90 && waited < 2_000, "woke after " + waited + " ms");
            // the wake-up was consumed: the next poll times out
            assertEquals(List.of(), poller.poll(0));
        } finally {
            other.shutdownNow();
        }
    }

    @Test
    void nanosecondTimeoutEndsBetweenMilliseconds() throws Exception {
        try (Poller poller = new Poller()) {
            long start = System.nanoTime();
            assertEquals(List.of(), poller.pollNanos(1_500_000));
            long waited = System.nanoTime() - start;
            // poll(2) would have slept whole milliseconds; the upper bound leaves room for a busy machine
            assertTrue(waited >= 1_500_000 && waited < 500_000_000, "woke after " + waited + " ns");
        }
    }

    @Test
    void reportsReadableRegisteredDescriptorsUntilDrained() throws Exception {
        try (Poller poller = new Poller(); EventFd a = EventFd.open(); EventFd b = EventFd.open()) {
            poller.register(a);
            poller.register(b);
            assertEquals(List.of(), poller.poll(10));
            b.signal();
            b.signal();
            assertEquals(List.of(b), poller.poll(1_000));
            assertTrue(b.drain());
            assertFalse(b.drain());
            a.signal();
            poller.unregister(a);
            assertEquals(List.of(), poller.poll(0));
        }
    }

    @Test
    void timeoutIsHonoured() throws Exception {
        try (Poller poller = new Poller()) {
            long start = System.nanoTime();
            assertEquals(List.of(), poller.poll(50));
            long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(waited >= 45, "returned after " + waited + " ms");
        }
    }

    @Test
    void writableRegistrationReportsWritabilityAndCanSwitchBack() throws Exception {
        try (Poller poller = new Poller(); EventFd a = EventFd.open()) {
            poller.registerWritable(a);
            assertEquals(List.of(a), poller.poll(0), "an eventfd with a zero counter is writable");
            poller.register(a);
            assertEquals(List.of(), poller.poll(0), "watched for reading again: nothing to read");
            a.signal();
            assertEquals(List.of(a), poller.poll(0));
        }
    }
}
