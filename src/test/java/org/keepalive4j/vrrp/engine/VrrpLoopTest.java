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
