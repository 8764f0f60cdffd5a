package org.keepalive4j.check.probe;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One probe attempt in flight: the future handed to the engine, the time limit that ends it, and what
 * the attempt opened (sockets) so that whoever finishes first, the I/O callback or the timer,
 * releases everything. The first {@link #finish} wins; later ones are ignored, so racing callbacks need
 * no further coordination.
 */
final class Attempt {

    private final CompletableFuture<ProbeResult> result = new CompletableFuture<>();
    private final List<AutoCloseable> owned = new ArrayList<>();
    private ScheduledFuture<?> timer;
    private boolean finished;

    private Attempt() {
    }

    /** An attempt that ends as {@code down("timeout after N ms")} unless finished before {@code limit}. */
    static Attempt withTimeLimit(ScheduledExecutorService timers, Duration limit) {
        return withTimeLimit(timers, limit, "timeout after " + limit.toMillis() + " ms");
    }

    static Attempt withTimeLimit(ScheduledExecutorService timers, Duration limit, String timeoutDetail) {
        return withTimeLimit(timers, limit, ProbeResult.down(timeoutDetail));
    }

    /** An attempt that ends as {@code onTimeout} unless finished before {@code limit}. */
    static Attempt withTimeLimit(ScheduledExecutorService timers, Duration limit, ProbeResult onTimeout) {
        Attempt a = new Attempt();
        ScheduledFuture<?> t = timers.schedule(() -> a.finish(onTimeout),
                Math.max(0, limit.toNanos()), TimeUnit.NANOSECONDS);
        synchronized (a) {
            a.timer = t;
            if (a.finished) {
                t.cancel(false);
            }
        }
        return a;
    }

    CompletableFuture<ProbeResult> future() {
        return result;
    }

    /** Closes {@code c} when the attempt ends (at once if it has ended already). */
    <T extends AutoCloseable> T own(T c) {
        boolean closeNow;
        synchronized (this) {
            closeNow = finished;
            if (!closeNow) {
                owned.add(c);
            }
        }
        if (closeNow) {
            closeQuietly(c);
        }
        return c;
    }

    boolean isFinished() {
        synchronized (this) {
            return finished;
        }
    }

    /** Ends the attempt with {@code r} unless it has ended already; returns whether this call ended it. */
    boolean finish(ProbeResult r) {
        List<AutoCloseable> toClose;
        ScheduledFuture<?> t;
        synchronized (this) {
            if (finished) {
                return false;
            }
            finished = true;
            toClose = new ArrayList<>(owned);
            owned.clear();
            t = timer;
        }
        if (t != null) {
            t.cancel(false);
        }
        toClose.forEach(Attempt::closeQuietly);
        result.complete(r);
        return true;
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            // closing what a finished attempt used; there is nobody left to tell
        }
    }
}
