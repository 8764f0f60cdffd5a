package org.keepalive4j.check.engine;

import java.time.Duration;

/** Timers that fire on the check engine's owner thread; a fake one drives the unit tests. */
public interface Timers {

    /** Runs {@code task} on the owner thread after {@code delay}; the handle cancels it. */
    Cancellable after(Duration delay, Runnable task);

    interface Cancellable {
        void cancel();
    }
}
