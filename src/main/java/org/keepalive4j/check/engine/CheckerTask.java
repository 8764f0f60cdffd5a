package org.keepalive4j.check.engine;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.keepalive4j.check.probe.Probe;
import org.keepalive4j.check.probe.ProbeResult;
import org.keepalive4j.check.state.CheckerState;
import org.keepalive4j.check.state.RealServerState;
import org.keepalive4j.check.state.VirtualServerState;
import org.keepalive4j.config.model.check.Checker;
import org.keepalive4j.config.model.check.MiscCheck;

/**
 * The loop of one checker of one real server: attempt, post the result to the owner thread, let the
 * state decide, schedule the next attempt. Everything but the probe's own work runs on the owner
 * thread; a task that was closed (reload, stop) ignores a result still in flight.
 */
final class CheckerTask {

    private static final Logger LOG = LogManager.getLogger(CheckerTask.class);

    private final VirtualServerState vs;
    private final RealServerState rs;
    private final int index;
    private final Checker checker;
    private final Probe probe;
    private final Timers timers;
    private final Executor owner;
    private Timers.Cancellable next;
    private Timers.Cancellable watchdog;
    private long attemptSeq;
    private boolean inFlight;
    private boolean closed;
    private long attempts;
    private long failures;
    private String lastDetail = "";

    CheckerTask(VirtualServerState vs, RealServerState rs, int index, Checker checker, Probe probe, Timers timers,
                Executor owner) {
        this.vs = vs;
        this.rs = rs;
        this.index = index;
        this.checker = checker;
        this.probe = probe;
        this.timers = timers;
        this.owner = owner;
    }

    void start(Duration firstDelay) {
        schedule(firstDelay);
    }

    private void schedule(Duration delay) {
        if (!closed) {
            next = timers.after(delay, this::attempt);
        }
    }

    private void attempt() {
        next = null;
        if (closed) {
            return;
        }
        if (vs.isSuspended()) {
            // ha_suspend: the state stays as it is; look again after a delay_loop
            schedule(rs.checker(index).delayLoop());
            return;
        }
        inFlight = true;
        attempts++;
        long seq = ++attemptSeq;
        // the probe promises an answer within its own limit; should one break that promise, the loop
        // must still go on: count the attempt as failed and ignore the late answer
        watchdog = timers.after(answerLimit(checker), () -> {
            watchdog = null;
            if (seq == attemptSeq && inFlight && !closed) {
                LOG.error("{} of {} gave no answer within {} ms; counting a failure", probe.describe(),
                        vs.describe(), answerLimit(checker).toMillis());
                attemptSeq++;
                onResult(ProbeResult.down("no answer from the probe"), attemptSeq);
            }
        });
        CompletableFuture<ProbeResult> f;
        try {
            f = probe.attempt();
        } catch (RuntimeException e) {
            f = CompletableFuture.completedFuture(ProbeResult.down("probe error: " + e));
        }
        f.whenComplete((r, e) -> {
            ProbeResult result = r != null ? r : ProbeResult.down("probe error: " + e);
            owner.execute(() -> onResult(result, seq));
        });
    }

    /** The probe's own limit (connect_timeout, misc_timeout) plus a generous margin. */
    static Duration answerLimit(Checker checker) {
        Duration own = checker instanceof MiscCheck m ? m.timeout() : checker.common().connectTimeout();
        if (own == null) {
            own = checker.common().delayLoop();
        }
        return own.plusSeconds(5);
    }

    private void onResult(ProbeResult r, long seq) {
        if (closed || seq != attemptSeq) {
            return;
        }
        inFlight = false;
        if (watchdog != null) {
            watchdog.cancel();
            watchdog = null;
        }
        if (!r.up()) {
            failures++;
        }
        lastDetail = r.detail();
        boolean dynamic = checker instanceof MiscCheck m && m.dynamic();
        CheckerState.Step step = vs.onAttempt(rs, index, r.up(), dynamic, r.weight());
        log(r, step);
        schedule(step.nextAttemptIn());
    }

    private void log(ProbeResult r, CheckerState.Step step) {
        String what = probe.describe() + " of " + vs.describe();
        switch (step.verdict()) {
            case DOWN -> {
                int retry = checker.common().retry();
                LOG.info("{} failed{}: {}", what, retry > 0 ? " after " + retry + " retries" : "", r.detail());
            }
            case UP -> LOG.info("{} succeeded: {}", what, r.detail());
            case RETRY -> LOG.info("{} failed: {}; retry {} of {} in {} ms", what, r.detail(),
                    rs.checker(index).retriesDone(), checker.common().retry(), step.nextAttemptIn().toMillis());
            default -> {
                if (!r.up() && checker.common().logAllFailures()) {
                    LOG.info("{} failed: {}", what, r.detail());
                }
            }
        }
    }

    void close() {
        closed = true;
        if (watchdog != null) {
            watchdog.cancel();
            watchdog = null;
        }
        if (next != null) {
            next.cancel();
            next = null;
        }
        try {
            probe.close();
        } catch (RuntimeException e) {
            LOG.warn("{}: close failed: {}", probe.describe(), e.toString());
        }
    }

    long attempts() {
        return attempts;
    }

    long failures() {
        return failures;
    }

    boolean inFlight() {
        return inFlight;
    }

    String lastDetail() {
        return lastDetail;
    }

    String describe() {
        return probe.describe();
    }
}
