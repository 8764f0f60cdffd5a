package org.keepalive4j.check.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.keepalive4j.check.state.CheckerState.Step;
import org.keepalive4j.check.state.CheckerState.Verdict;

class CheckerStateTest {

    private static final Duration DBR = Duration.ofSeconds(2);
    private static final Duration LOOP = Duration.ofSeconds(10);

    private static CheckerState checker(int retry, boolean alpha) {
        return new CheckerState(retry, DBR, LOOP, Duration.ZERO, !alpha);
    }

    @Test
    void an_up_checker_goes_down_only_after_its_retries_each_after_delay_before_retry() {
        CheckerState c = checker(3, false);
        assertEquals(new Step(Verdict.CONFIRMED, LOOP), c.onAttempt(true));
        assertEquals(new Step(Verdict.RETRY, DBR), c.onAttempt(false));
        assertEquals(new Step(Verdict.RETRY, DBR), c.onAttempt(false));
        assertEquals(new Step(Verdict.RETRY, DBR), c.onAttempt(false));
        assertTrue(c.isUp(), "still up with the last retry to come");
        assertEquals(new Step(Verdict.DOWN, LOOP), c.onAttempt(false));
        assertFalse(c.isUp());
    }

    @Test
    void a_success_between_retries_resets_the_count() {
        CheckerState c = checker(1, false);
        c.onAttempt(true);
        assertEquals(Verdict.RETRY, c.onAttempt(false).verdict());
        assertEquals(Verdict.NONE, c.onAttempt(true).verdict());
        assertEquals(Verdict.RETRY, c.onAttempt(false).verdict(), "a fresh failure starts the retries anew");
        assertEquals(Verdict.DOWN, c.onAttempt(false).verdict());
    }

    @Test
    void a_down_checker_does_not_retry_and_comes_up_on_the_first_success() {
        CheckerState c = checker(3, false);
        c.onAttempt(true);
        for (int i = 0; i < 4; i++) {
            c.onAttempt(false);
        }
        assertFalse(c.isUp());
        assertEquals(new Step(Verdict.NONE, LOOP), c.onAttempt(false), "down: one attempt per delay_loop");
        assertEquals(new Step(Verdict.UP, LOOP), c.onAttempt(true));
    }

    @Test
    void without_retries_the_first_failure_takes_it_down() {
        CheckerState c = checker(0, false);
        assertEquals(new Step(Verdict.DOWN, LOOP), c.onAttempt(false));
    }

    @Test
    void alpha_starts_down_and_its_first_failure_only_confirms_that() {
        CheckerState c = checker(0, true);
        assertFalse(c.isUp());
        assertEquals(new Step(Verdict.CONFIRMED, LOOP), c.onAttempt(false));
        assertEquals(new Step(Verdict.NONE, LOOP), c.onAttempt(false));
        assertEquals(new Step(Verdict.UP, LOOP), c.onAttempt(true));
    }

    @Test
    void alpha_with_retries_fails_quietly_until_the_first_success() {
        CheckerState c = checker(2, true);
        assertEquals(Verdict.NONE, c.onAttempt(false).verdict());
        assertEquals(Verdict.UP, c.onAttempt(true).verdict());
    }

    @Test
    void warmup_spreads_the_first_attempt_within_its_bound() {
        CheckerState c = new CheckerState(1, DBR, LOOP, Duration.ofSeconds(5), true);
        assertEquals(Duration.ZERO, c.firstDelay(bound -> 0));
        assertEquals(Duration.ofSeconds(5), c.firstDelay(bound -> bound - 1));
        assertEquals(Duration.ZERO, checker(1, false).firstDelay(bound -> {
            throw new AssertionError("no warmup, no random draw");
        }));
    }

    @Test
    void continuing_keeps_the_verdict_of_the_previous_state() {
        CheckerState old = checker(0, false);
        old.onAttempt(false);
        CheckerState fresh = checker(0, false).continuing(old);
        assertFalse(fresh.isUp());
        assertEquals(Verdict.UP, fresh.onAttempt(true).verdict());
    }
}
