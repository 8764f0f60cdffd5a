package org.keepalive4j.notify;

import java.time.Duration;

/**
 * How a script run ended. {@code exitCode} is meaningful only for {@link Outcome#EXITED}; a script
 * killed at its timeout, one that could not start and one refused because too many were running all
 * count as failures for trackers and checkers.
 */
public record ScriptResult(Outcome outcome, int exitCode, Duration elapsed) {

    public enum Outcome { EXITED, TIMED_OUT, NOT_STARTED, REJECTED }

    public boolean succeeded() {
        return outcome == Outcome.EXITED && exitCode == 0;
    }
}
