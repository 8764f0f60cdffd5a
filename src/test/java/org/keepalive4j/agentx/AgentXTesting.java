package org.keepalive4j.agentx;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/** Waiting helpers for the AgentX tests. */
final class AgentXTesting {

    private AgentXTesting() {
    }

    static void awaitConnected(AgentXSubsystem agentx, Duration timeout) {
        await(() -> agentx.state() == SubagentState.CONNECTED, timeout, "AgentX session; " + agentx.stats());
    }

    static void await(BooleanSupplier condition, Duration timeout, String what) {
        await(condition, timeout, () -> what);
    }

    /** Polls {@code condition} every 5 ms; {@code what} describes the failure when time runs out. */
    static void await(BooleanSupplier condition, Duration timeout, Supplier<String> what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached within " + timeout + ": " + what.get());
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }

    static String quote(String literal) {
        return Pattern.quote(literal);
    }
}
