package org.keepalive4j.vrrp.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.keepalive4j.linux.ErrnoException;
import org.keepalive4j.linux.Pollable;
import org.keepalive4j.linux.Poller;
import org.keepalive4j.linux.Scheduling;

/**
 * The VRRP event loop: one thread that sleeps in ppoll(2) until a registered socket is readable, another
 * thread posts a task, or the next deadline (a one-shot timer, or what {@code machineDeadline} reports for
 * the state machines) arrives. Everything registered here runs on that thread only.
 */
final class VrrpLoop {

    private static final Logger LOG = LogManager.getLogger(VrrpLoop.class);
    /** The longest sleep, so the heartbeat moves even on an idle loop (the watchdog reads it). */
    private static final long MAX_SLEEP_NANOS = 1_000_000_000L;

    /** A one-shot timer; cancel() is for the loop thread. */
    static final class Timer {
        private final long deadline;
        private final long sequence;
        private final Runnable task;
        private boolean cancelled;

        private Timer(long deadline, long sequence, Runnable task) {
            this.deadline = deadline;
            this.sequence = sequence;
            this.task = task;
        }

        void cancel() {
            cancelled = true;
        }
    }

    private final Poller poller;
    private final ConcurrentLinkedQueue<Runnable> inbox = new ConcurrentLinkedQueue<>();
    private final Thread thread;
    // loop thread only
    private final Map<Pollable, Runnable> readers = new IdentityHashMap<>();
    private final PriorityQueue<Timer> timers = new PriorityQueue<>((a, b) -> a.deadline != b.deadline
            ? Long.compare(a.deadline, b.deadline) : Long.compare(a.sequence, b.sequence));
    private long timerSequence;
    private LongSupplier machineDeadline = () -> Long.MAX_VALUE;
    private Runnable machineTick = () -> { };

    private volatile Realtime realtime = Realtime.NONE;
    // the heartbeat (systemd's watchdog ping): set before start, then loop thread only
    private Runnable heartbeat;
    private long heartbeatPeriodNanos;
    private long heartbeatDue;
    private volatile boolean running = true;
    private volatile long lastIterationNanos = System.nanoTime();

    VrrpLoop() throws ErrnoException {
        poller = new Poller();
        thread = new Thread(this::run, "vrrp-loop");
        // A VRRP master must not be slowed by busy threads elsewhere in the JVM.
        thread.setPriority(Thread.MAX_PRIORITY);
    }

    /**
     * How the loop thread is scheduled. Real time by default: keepalived's VRRP process is alone in its
     * process, while this loop shares the JVM with GC, JIT and SNMP threads, and on a busy host a
     * normal-priority thread can wait several milliseconds for a CPU, which shows as advert jitter.
     *
     * @param priority       SCHED_FIFO priority (vrrp_rt_priority), 0: stay SCHED_OTHER
     * @param rttimeMicros   RLIMIT_RTTIME (vrrp_rlimit_rttime): the CPU the thread may use without blocking
     */
    record Realtime(int priority, long rttimeMicros) {
        static final Realtime NONE = new Realtime(0, 0);
        /** A low real-time priority: above every normal thread, below the kernel's own RT threads. */
        static final int DEFAULT_PRIORITY = 1;
        /**
         * keepalived's default is 10 ms; a JVM thread can spend longer in a class load or a
         * deoptimisation without being in a loop, so the guard is set at 1 s, which only a runaway
         * loop reaches.
         */
        static final long DEFAULT_RTTIME_MICROS = 1_000_000L;
    }

    /** Must be called before {@link #start()}. */
    void realtime(Realtime settings) {
        this.realtime = settings;
    }

    /**
     * Runs {@code beat} on the loop every {@code period} (the first time at once), in the loop's own
     * iterations: if the loop stalls, so does the beat. Must be called before {@link #start()}.
     */
    void heartbeat(Duration period, Runnable beat) {
        if (period.isZero() || period.isNegative()) {
            throw new IllegalArgumentException("heartbeat period must be positive: " + period);
        }
        heartbeatPeriodNanos = period.toNanos();
        heartbeat = beat;
    }

    void start() {
        heartbeatDue = System.nanoTime();
        thread.start();
    }

    /** On the loop thread: a host that refuses real time (no CAP_SYS_NICE) still gets a working loop. */
    private void applyRealtime() {
        Realtime r = realtime;
        if (r.priority() == 0) {
            return;
        }
        try {
            Scheduling.limitRealtimeCpu(r.rttimeMicros());
            Scheduling.realtimeFifoForCallingThread(r.priority());
            LOG.info("VRRP event loop runs at real-time priority {} (SCHED_FIFO)", r.priority());
        } catch (ErrnoException e) {
            LOG.warn("VRRP event loop stays at normal priority: {}", e.getMessage());
        }
    }

    /** The state machines' earliest deadline and the code that fires the due ones (loop thread). */
    void machines(LongSupplier earliestDeadline, Runnable tick) {
        machineDeadline = earliestDeadline;
        machineTick = tick;
    }

    /** Runs {@code task} on the loop. Safe from any thread; never blocks. */
    void execute(Runnable task) {
        inbox.add(task);
        try {
            poller.wakeup();
        } catch (ErrnoException e) {
            LOG.error("VRRP: cannot wake the event loop: {}", e.getMessage());
        }
    }

    /** Runs {@code task} on the loop and waits for its result, at most {@code timeout}. Not from the loop. */
    <T> T call(Callable<T> task, Duration timeout) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        execute(() -> {
            try {
                result.complete(task.call());
            } catch (Exception | Error e) {
                result.completeExceptionally(e);
            }
        });
        try {
            return result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        } catch (TimeoutException e) {
            throw new TimeoutException("the VRRP loop did not answer within " + timeout.toMillis() + " ms");
        }
    }

    void register(Pollable pollable, Runnable onReadable) {
        readers.put(pollable, onReadable);
        poller.register(pollable);
    }

    void unregister(Pollable pollable) {
        if (readers.remove(pollable) != null) {
            poller.unregister(pollable);
        }
    }

    /** A one-shot timer at {@code deadline} (System.nanoTime()). Loop thread. */
    Timer schedule(long deadline, Runnable task) {
        Timer t = new Timer(deadline, timerSequence++, task);
        timers.add(t);
        return t;
    }

    boolean inLoop() {
        return Thread.currentThread() == thread;
    }

    /** When the loop last went round: the watchdog's heartbeat (System.nanoTime()). */
    long lastIterationNanos() {
        return lastIterationNanos;
    }

    boolean isRunning() {
        return thread.isAlive();
    }

    /** Ends the loop after the tasks already posted; waits up to {@code timeout} for the thread. */
    void shutdown(Duration timeout) throws InterruptedException {
        execute(() -> running = false);
        thread.join(timeout.toMillis());
        if (!thread.isAlive()) {
            poller.close();
        }
    }

    private void run() {
        applyRealtime();
        LOG.debug("VRRP event loop started");
        while (running) {
            long now = System.nanoTime();
            lastIterationNanos = now;
            try {
                if (heartbeat != null && now - heartbeatDue >= 0) {
                    // from now: after a stall, one beat and then the normal period (no burst of catch-up beats)
                    heartbeatDue = now + heartbeatPeriodNanos;
                    heartbeat.run();
                }
                runTasks();
                runTimers(now);
                if (machineDeadline.getAsLong() <= System.nanoTime()) {
                    // A machine timer is due. If this thread was held up (a GC pause, a slow CPU), adverts
                    // may be waiting in the sockets: read them first, so that a backup never declares a
                    // master dead whose advert has already arrived.
                    dispatch(poller.pollNanos(0));
                }
                machineTick.run();
                if (!running) {
                    break;
                }
                dispatch(poller.pollNanos(sleepNanos(System.nanoTime())));
            } catch (ErrnoException | RuntimeException e) {
                // One bad event must not end VRRP for every instance: log it and go on.
                LOG.error("VRRP event loop: {}", e.toString(), e);
                pause();
            }
        }
        LOG.debug("VRRP event loop ended");
    }

    private void dispatch(List<Pollable> ready) {
        for (Pollable p : ready) {
            Runnable reader = readers.get(p);
            if (reader != null) {
                reader.run();
            }
        }
    }

    private void runTasks() {
        for (Runnable task; (task = inbox.poll()) != null; ) {
            task.run();
        }
    }

    private void runTimers(long now) {
        List<Timer> due = new ArrayList<>();
        while (!timers.isEmpty() && timers.peek().deadline <= now) {
            due.add(timers.poll());
        }
        for (Timer t : due) {
            if (!t.cancelled) {
                t.task.run();
            }
        }
    }

    private long sleepNanos(long now) {
        long deadline = machineDeadline.getAsLong();
        while (!timers.isEmpty() && timers.peek().cancelled) {
            timers.poll();
        }
        if (!timers.isEmpty()) {
            deadline = Math.min(deadline, timers.peek().deadline);
        }
        if (heartbeat != null) {
            deadline = Math.min(deadline, heartbeatDue);
        }
        if (!inbox.isEmpty()) {
            return 0;
        }
        if (deadline == Long.MAX_VALUE) {
            return MAX_SLEEP_NANOS;
        }
        // In nanoseconds: rounded up to whole milliseconds, every advert would leave up to 1 ms late.
        return Math.max(0, Math.min(deadline - now, MAX_SLEEP_NANOS));
    }

    private static void pause() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
