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
}
