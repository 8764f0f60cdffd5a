package org.keepalive4j.check.engine;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;

/**
 * Keeps the MIB's statistics at most {@code maxAge} old for whoever reads them, while the check engine's
 * thread stays the only one that talks to the dataplane. A reader (an AgentX thread, before serving a
 * statistics cell) calls {@link #beforeRead}: when the last reading is fresh it returns at once;
 * otherwise it asks the owner thread for a reading and waits for it, but only until {@code maxWait}
 * after the request was made — all readers of one round share that deadline, so a walk that meets a
 * busy engine waits once, not once per cell, and is then served the previous values. The owner thread
 * calls {@link #sample} for every reading it takes, asked for or periodic.
 *
 * <p>Readings are never taken closer together than {@code maxAge}, so the rates computed from two of
 * them always span at least that long.
 */
final class StatsFreshness {

    private final LongSupplier nanos;
    private final long maxAgeNanos;
    private final long maxWaitNanos;
    private final Executor owner;
    private final Runnable take;
    private final Object lock = new Object();
    private volatile long takenAt;
    private volatile boolean taken;
    private Round round; // guarded by lock

    private record Round(long deadline, CompletableFuture<Void> done) {
    }

    /**
     * @param owner where readings are taken (the check engine's thread)
     * @param take  takes a reading on the owner thread and reports it with {@link #sample}
     */
    StatsFreshness(LongSupplier nanos, Duration maxAge, Duration maxWait, Executor owner, Runnable take) {
        this.nanos = nanos;
        this.maxAgeNanos = maxAge.toNanos();
        this.maxWaitNanos = maxWait.toNanos();
        this.owner = owner;
        this.take = take;
    }

    /** Whether a reading taken now would come too soon after the last one (owner thread). */
    boolean fresh() {
        return fresh(nanos.getAsLong());
    }

    private boolean fresh(long now) {
        return taken && now - takenAt <= maxAgeNanos;
    }

    /** The time a reading is taken at, before the dataplane is asked (so its age is never understated). */
    long now() {
        return nanos.getAsLong();
    }

    /** A reading taken at {@code at} is in the rows now; wakes the readers waiting for it (owner thread). */
    void sample(long at) {
        takenAt = at;
        taken = true;
        releaseReaders();
    }

    /** Nothing to read (no reading needed or it failed): readers stop waiting and get what is there. */
    void skip() {
        releaseReaders();
    }

    private void releaseReaders() {
        Round r;
        synchronized (lock) {
            r = round;
            round = null;
        }
        if (r != null) {
            r.done.complete(null);
        }
    }

    /** On a reader's thread before it serves a statistics value. */
    void beforeRead() {
        long now = nanos.getAsLong();
        if (fresh(now)) {
            return;
        }
        Round r;
        boolean ask = false;
        synchronized (lock) {
            r = round;
            if (r == null) {
                r = new Round(now + maxWaitNanos, new CompletableFuture<>());
                round = r;
                ask = true;
            }
        }
        if (ask) {
            try {
                owner.execute(this::onOwner);
            } catch (RejectedExecutionException stopped) {
                skip();
                return;
            }
        }
        long wait = r.deadline - now;
        if (wait <= 0 || r.done.isDone()) {
            return;
        }
        try {
            r.done.get(wait, TimeUnit.NANOSECONDS);
        } catch (TimeoutException slowEngine) {
            // serve the previous values; the reading lands when the engine gets to it
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    private void onOwner() {
        if (fresh()) {
            skip();
        } else {
            take.run();
        }
    }
}
