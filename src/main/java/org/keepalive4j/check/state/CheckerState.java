package org.keepalive4j.check.state;

import java.time.Duration;
import java.util.function.LongUnaryOperator;
import org.keepalive4j.config.model.check.CheckerCommon;

/**
 * The retry rules of one checker of one real server, as keepalived applies them after each attempt
 * (no clock, no I/O: the caller schedules the next attempt after the returned delay).
 *
 * <ul>
 * <li>A checker starts up, except in alpha mode, where it starts down and has to pass once first.</li>
 * <li>The first attempt waits a random time between 0 and warmup (none when warmup is zero), so that
 *     many servers do not all get checked in the same instant.</li>
 * <li>While the checker is up, a failed attempt is retried after delay_before_retry, up to
 *     {@code retry} extra attempts; only when the last of them fails too does the checker go down.
 *     A success in between resets the count. So a server that stops answering at T is down at about
 *     T + retry × delay_before_retry (+ the attempts' own timeouts), never sooner.</li>
 * <li>While the checker is down, every attempt is one per delay_loop without retries; the first
 *     success brings it up.</li>
 * <li>After a verdict (up or down) the next round comes after delay_loop.</li>
 * <li>Special case of the very first attempt: a success of an up checker or a failure of a down
 *     (alpha) checker changes nothing but is reported as {@link Verdict#CONFIRMED} so the caller can
 *     run the notify script for the initial state, as keepalived does for alpha servers.</li>
 * </ul>
 */
public final class CheckerState {

    public enum Verdict {
        /** the checker went from down to up */
        UP,
        /** the checker went from up to down (retries exhausted) */
        DOWN,
        /** first attempt agreed with the initial state */
        CONFIRMED,
        /** failed while up with retries left: try again after delay_before_retry */
        RETRY,
        /** nothing changed */
        NONE
    }

    /** What an attempt led to, and when to make the next one. */
    public record Step(Verdict verdict, Duration nextAttemptIn) {
    }

    private final int retry;
    private final Duration delayBeforeRetry;
    private final Duration delayLoop;
    private final Duration warmup;
    private boolean up;
    private boolean hasRun;
    private int retriesDone;

    public CheckerState(CheckerCommon common) {
        this(common.retry(), common.delayBeforeRetry(), common.delayLoop(), common.warmup(), !common.alpha());
    }

    public CheckerState(int retry, Duration delayBeforeRetry, Duration delayLoop, Duration warmup, boolean initiallyUp) {
        this.retry = Math.max(0, retry);
        this.delayBeforeRetry = delayBeforeRetry;
        this.delayLoop = delayLoop;
        this.warmup = warmup == null ? Duration.ZERO : warmup;
        this.up = initiallyUp;
    }

    /** Keeps the up/down state of {@code previous} (a reload that changed timers only). */
    public CheckerState continuing(CheckerState previous) {
        this.up = previous.up;
        this.hasRun = previous.hasRun;
        return this;
    }

    public boolean isUp() {
        return up;
    }

    public boolean hasRun() {
        return hasRun;
    }

    public int retriesDone() {
        return retriesDone;
    }

    public Duration delayLoop() {
        return delayLoop;
    }

    /**
     * The wait before the first attempt.
     *
     * @param random given a bound n ≥ 1, a value in [0, n)
     */
    public Duration firstDelay(LongUnaryOperator random) {
        long bound = warmup.toMillis();
        return bound <= 0 ? Duration.ZERO : Duration.ofMillis(random.applyAsLong(bound + 1));
    }

    public Step onAttempt(boolean success) {
        Verdict verdict = Verdict.NONE;
        Duration next = delayLoop;
        if (success || ((up || !hasRun) && retriesDone >= retry)) {
            retriesDone = 0;
            if (success && !up) {
                up = true;
                verdict = Verdict.UP;
            } else if (!success && up) {
                up = false;
                verdict = Verdict.DOWN;
            } else if (!hasRun) {
                verdict = Verdict.CONFIRMED;
            }
        } else if (up) {
            retriesDone++;
            next = delayBeforeRetry;
            verdict = Verdict.RETRY;
        }
        hasRun = true;
        return new Step(verdict, next);
    }
}
