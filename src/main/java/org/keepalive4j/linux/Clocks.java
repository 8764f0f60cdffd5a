package org.keepalive4j.linux;

import com.sun.jna.LastErrorException;

/** clock_gettime(2) for the clocks other processes compare with ours. */
public final class Clocks {

    private static final int CLOCK_MONOTONIC = 1;

    private Clocks() {
    }

    /**
     * CLOCK_MONOTONIC in microseconds, the clock systemd's MONOTONIC_USEC= means. Read from the kernel rather
     * than derived from System.nanoTime(), whose origin the JVM does not promise.
     */
    public static long monotonicMicros() throws ErrnoException {
        long[] timespec = new long[2];
        try {
            LibC.clock_gettime(CLOCK_MONOTONIC, timespec);
        } catch (LastErrorException e) {
            throw Errno.check(e, "clock_gettime(CLOCK_MONOTONIC)");
        }
        return timespec[0] * 1_000_000L + timespec[1] / 1_000L;
    }
}
