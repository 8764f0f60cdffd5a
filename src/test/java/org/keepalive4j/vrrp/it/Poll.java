package org.keepalive4j.vrrp.it;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waiting for a condition on a running lab, every few milliseconds. */
final class Poll {

    private static final long INTERVAL_MILLIS = 5;

    private Poll() {
    }

    /** Waits until {@code condition} holds and returns how long that took; fails with {@code what} after {@code timeout}. */
    static Duration until(BooleanSupplier condition, Duration timeout, Supplier<String> what) {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + timeout + ": " + what.get());
            }
            sleep(INTERVAL_MILLIS);
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void sleep(Duration duration) {
        sleep(duration.toMillis());
    }
}
