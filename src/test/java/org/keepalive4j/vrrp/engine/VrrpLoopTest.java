package org.keepalive4j.vrrp.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keepalive4j.linux.ErrnoException;
import org.keepalive4j.linux.EventFd;

class VrrpLoopTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private VrrpLoop loop;

    @BeforeEach
    void start() throws Exception {
        loop = new VrrpLoop();
        loop.start();
    }

    @AfterEach
    void stop() throws InterruptedException {
        loop.shutdown(WAIT);
    }

    @Test
    void callRunsOnTheLoopThreadAndReturnsItsResult() throws Exception {
        String name = loop.call(() -> Thread.currentThread().getName(), WAIT);
        assertEquals("vrrp-loop", name);
        assertTrue(loop.call(loop::inLoop, WAIT));
    }

    @Test
    void timersFireInDeadlineOrderNotBefore() throws Exception {
        List<String> fired = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(2);
        long start = System.nanoTime();
        AtomicLong firstAt = new AtomicLong();
        loop.execute(() -> {
            loop.schedule(start + 60_000_000, () -> {
                fired.add("late");
                done.countDown();
            });
            loop.schedule(start + 20_000_000, () -> {
                firstAt.set(System.nanoTime());
                fired.add("early");
                done.countDown();
            });
        });
        assertTrue(done.await(WAIT.toMillis(), TimeUnit.MILLISECONDS));
        assertEquals(List.of("early", "late"), loop.call(() -> List.copyOf(fired), WAIT));
        assertTrue(firstAt.get() - start >= 20_000_000, "fired early");
    }

    @Test
    void theMachinesDeadlineWakesTheLoop() throws Exception {
        CountDownLatch ticked = new CountDownLatch(1);
        long due = System.nanoTime() + 30_000_000;
        loop.execute(() -> loop.machines(() -> due, () -> {
            if (System.nanoTime() >= due) {
                ticked.countDown();
            }
        }));
        assertTrue(ticked.await(WAIT.toMillis(), TimeUnit.MILLISECONDS));
    }

    /**
     * A stalled loop (here: a slow task) must not let a backup's master_down fire while the master's
     * advert is already waiting in the socket: what arrived is read before a due machine timer runs.
     */
    @Test
    void whatArrivedDuringAStallIsReadBeforeADueMachineTimer() throws Exception {
        List<String> order = new ArrayList<>();
        CountDownLatch ticked = new CountDownLatch(1);
        try (EventFd socket = EventFd.open()) {
            long due = System.nanoTime() + 40_000_000;
            loop.call(() -> {
                loop.register(socket, () -> {
                    try {
                        if (socket.drain()) {
                            order.add("advert read");
                        }
                    } catch (ErrnoException e) {
                        throw new IllegalStateException(e);
                    }
                });
                loop.machines(() -> due, () -> {
                    if (System.nanoTime() >= due && ticked.getCount() > 0) {
                        order.add("timer fired");
                        ticked.countDown();
                    }
                });
                return null;
            }, WAIT);
            // the stall: the loop is busy past the deadline, and the advert arrives meanwhile
            loop.execute(() -> Director.sleep(100));
            Thread.sleep(20);
            socket.signal();
            assertTrue(ticked.await(WAIT.toMillis(), TimeUnit.MILLISECONDS));
            assertEquals(List.of("advert read", "timer fired"), loop.call(() -> List.copyOf(order), WAIT));
            loop.call(() -> {
                loop.unregister(socket);
                return null;
            }, WAIT);
        }
    }

    @Test
    void aFailingTaskIsReportedToTheCallerAndTheLoopGoesOn() throws Exception {
        assertThrows(IllegalStateException.class, () -> loop.call(() -> {
            throw new IllegalStateException("boom");
        }, WAIT));
        loop.execute(() -> {
            throw new IllegalArgumentException("a bad event");
        });
        assertEquals(42, loop.call(() -> 42, WAIT));
        assertTrue(System.nanoTime() - loop.lastIterationNanos() < WAIT.toNanos());
    }

    /**
     * The heartbeat (systemd's watchdog ping) comes from the loop's own iterations: on an idle loop, whose
     * longest sleep is 1 s, it still beats every 100 ms; while a task holds the loop it stops, and it comes
     * back when the loop does.
     */
    @Test
    void theHeartbeatFollowsTheLoopAndStopsWhileTheLoopIsHeld() throws Exception {
        List<Long> beats = java.util.Collections.synchronizedList(new ArrayList<>());
        VrrpLoop beating = new VrrpLoop();
        beating.heartbeat(Duration.ofMillis(100), () -> beats.add(System.nanoTime()));
        beating.start();
        try {
            assertTrue(beating.call(() -> Thread.currentThread().getName(), WAIT).equals("vrrp-loop"));
            awaitBeats(beats, 6);
            List<Long> idle = List.copyOf(beats);
            for (int i = 1; i < idle.size(); i++) {
                long gap = idle.get(i) - idle.get(i - 1);
                // never early; late only by scheduling (generous for a loaded machine, far below the 1 s sleep)
                assertTrue(gap >= 99_000_000L && gap < 600_000_000L, "beat gap " + gap / 1_000_000 + " ms");
            }

            CountDownLatch held = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            beating.execute(() -> {
                held.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            assertTrue(held.await(WAIT.toMillis(), TimeUnit.MILLISECONDS));
            int before = beats.size();
            Thread.sleep(500);
            assertEquals(before, beats.size(), "no beat while the loop is held");
            release.countDown();
            awaitBeats(beats, before + 2);
        } finally {
            beating.shutdown(WAIT);
        }
    }

    private static void awaitBeats(List<Long> beats, int count) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (beats.size() < count) {
            assertTrue(System.nanoTime() < deadline, "only " + beats.size() + " beats, waited for " + count);
            Thread.sleep(10);
        }
    }
}
