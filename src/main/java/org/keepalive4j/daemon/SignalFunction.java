package org.keepalive4j.daemon;

import java.util.Optional;

/**
 * The signals keepalive4j acts on, by the function names keepalived's --signum knows. keepalived's
 * STATS_CLEAR and JSON use real-time signals, which the JVM cannot catch, so they have no entry.
 * The numbers are Linux's on x86 and ARM, the platforms keepalive4j runs on.
 */
enum SignalFunction {
    STOP("TERM", 15), RELOAD("HUP", 1), DATA("USR1", 10), STATS("USR2", 12);

    final String signalName;
    final int number;

    SignalFunction(String signalName, int number) {
        this.signalName = signalName;
        this.number = number;
    }

    static Optional<SignalFunction> byName(String function) {
        for (SignalFunction f : values()) {
            if (f.name().equals(function)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
