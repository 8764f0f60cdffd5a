package org.keepalive4j.check.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The freshness gate between SNMP readers and the engine thread, on a fake clock. */
class StatsFreshnessTest {

    private final AtomicLong clock = new AtomicLong(1_000_000_000L);
    /** The owner thread's queue: tasks run only when the test says so. */
    private final Queue<Runnable> owner = new ArrayDeque<>();
    private final AtomicInteger readings = new AtomicInteger();
    private StatsFreshness freshness;

    private StatsFreshness gate(Duration wait, java.util.concurrent.Executor executor) {
        freshness = new StatsFreshness(clock::get, Duration.ofSeconds(1), wait, executor, () -> {
            readings.incrementAndGet();
            freshness.sample(clock.get());
        });
        return freshness;
    }

    private void advanceMillis(long ms) {
        clock.addAndGet(ms * 1_000_000L);
    }

    private void runOwner() {
        while (!owner.isEmpty()) {
            owner.poll().run();
        }
    }

    @Test
    void freshValuesAreServedWithoutAskingTheEngine() {
        StatsFreshness f = gate(Duration.ofMillis(1), owner::add);
        f.sample(clock.get());
        advanceMillis(1000);
        for (int i = 0; i < 100; i++) {
            f.beforeRead();
        }
        assertTrue(owner.isEmpty(), "nothing asked of the engine");
    }

    @Test
    void aStaleReadAsksOnceAndReadersOfTheSameRoundShareOneDeadline() {
        StatsFreshness f = gate(Duration.ofMillis(50), owner::add);
        f.sample(clock.get());
        advanceMillis(1001);
        long start = System.nanoTime();
        f.beforeRead(); // the engine does not answer: waits out the 50 ms
        long firstWait = System.nanoTime() - start;
        assertTrue(firstWait >= TimeUnit.MILLISECONDS.toNanos(45), "waited " + firstWait / 1e6 + " ms");
        advanceMillis(50); // the round's deadline has passed for everyone
        start = System.nanoTime();
        for (int i = 0; i < 1000; i++) {
            f.beforeRead();
        }
        long later = System.nanoTime() - start;
        assertTrue(later < TimeUnit.MILLISECONDS.toNanos(500), "1000 reads after the deadline took " + later / 1e6 + " ms");
        assertEquals(1, owner.size(), "one request for the whole round");

        runOwner();
        assertEquals(1, readings.get());
        f.beforeRead();
        assertTrue(owner.isEmpty(), "the reading made the values fresh");
        advanceMillis(1001);
        f.beforeRead();
        assertEquals(1, owner.size(), "stale again: a new round");
    }

    @Test
    void aRequestThatFindsTheValuesFreshTakesNoReading() {
        StatsFreshness f = gate(Duration.ofMillis(1), owner::add);
        f.sample(clock.get());
        advanceMillis(1500);
        f.beforeRead();
        f.sample(clock.get()); // the periodic reading came first
        runOwner();
        assertEquals(0, readings.get(), "the engine saw the values fresh and did not read again");
    }

    @Test
    void aWaitingReaderIsServedAsSoonAsTheReadingLands() throws Exception {
        ExecutorService engine = Executors.newSingleThreadExecutor();
        try {
            CountDownLatch asked = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            StatsFreshness f = gate(Duration.ofSeconds(30), task -> engine.execute(() -> {
                asked.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                task.run();
            }));
            Thread reader = new Thread(f::beforeRead);
            reader.start();
            assertTrue(asked.await(10, TimeUnit.SECONDS));
            Thread.sleep(50);
            assertTrue(reader.isAlive(), "the reader waits for the reading");
            release.countDown();
            reader.join(10_000);
            assertTrue(!reader.isAlive(), "the reading woke it long before the 30 s wait");
            assertEquals(1, readings.get());
        } finally {
            engine.shutdownNow();
        }
    }

    @Test
    void aStoppedEngineNeverBlocksAReader() {
        StatsFreshness f = gate(Duration.ofSeconds(30), task -> {
            throw new RejectedExecutionException("stopped");
        });
        long start = System.nanoTime();
        f.beforeRead();
        f.beforeRead();
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5));
        assertEquals(0, readings.get());
    }
}
