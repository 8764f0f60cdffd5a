package org.keepalive4j.linux;

import com.sun.jna.LastErrorException;

/**
 * Real-time scheduling for one thread. Linux schedules threads, not processes, so giving the calling
 * thread SCHED_FIFO leaves the rest of the JVM (GC, JIT, SNMP threads) at normal priority.
 */
public final class Scheduling {

    private static final int SCHED_FIFO = 1;
    private static final int RLIMIT_RTTIME = 15;
    private static final long RLIM_INFINITY = -1L;

    private Scheduling() {
    }

    /** Moves the calling thread to SCHED_FIFO at {@code priority} (1..99); needs CAP_SYS_NICE. */
    public static void realtimeFifoForCallingThread(int priority) throws ErrnoException {
        if (priority < 1 || priority > 99) {
            throw new IllegalArgumentException("real-time priority must be 1..99, not " + priority);
        }
        try {
            LibC.sched_setscheduler(0, SCHED_FIFO, new int[] {priority});
        } catch (LastErrorException e) {
            throw Errno.check(e, "sched_setscheduler(SCHED_FIFO, " + priority + ")");
        }
    }

    /**
     * Sets RLIMIT_RTTIME: a real-time thread that runs {@code micros} of CPU without blocking gets SIGXCPU
     * (and SIGKILL a second later), so a runaway loop cannot take a CPU from the host for good. Only
     * lowers or keeps the hard limit the process already has.
     */
    public static void limitRealtimeCpu(long micros) throws ErrnoException {
        long[] current = new long[2];
        try {
            LibC.getrlimit(RLIMIT_RTTIME, current);
            long hard = current[1];
            long soft = hard == RLIM_INFINITY ? micros : Math.min(micros, hard);
            long newHard = hard == RLIM_INFINITY ? micros + 1_000_000L : hard;
            LibC.setrlimit(RLIMIT_RTTIME, new long[] {soft, newHard});
        } catch (LastErrorException e) {
            throw Errno.check(e, "setrlimit(RLIMIT_RTTIME, " + micros + ")");
        }
    }
}
