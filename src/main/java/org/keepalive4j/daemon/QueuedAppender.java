package org.keepalive4j.daemon;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.LifeCycle2;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.message.SimpleMessage;

/**
 * Puts log events on a bounded queue that one writer thread empties into the real sinks (console,
 * syslog), so that a thread which logs never waits for them. The VRRP loop logs every transition; when
 * stderr is a pipe nobody reads fast enough, or /dev/log is backed up, a synchronous write would stall the
 * loop, and a stalled master stops advertising and loses its VIP over a log line.
 *
 * <p>When the queue is full the event is dropped and counted, never waited for; the writer reports the
 * count ("N log lines dropped") as soon as it catches up, so a gap in the log is never silent. Order is
 * preserved: one queue, one writer. On stop the writer drains what is queued (bounded by the stop timeout).
 */
final class QueuedAppender extends AbstractAppender {

    static final int DEFAULT_CAPACITY = 8192;
    private static final long MIN_DRAIN_MILLIS = 2000;

    private final List<Appender> sinks;
    private final BlockingQueue<LogEvent> queue;
    private final AtomicLong dropped = new AtomicLong();
    private final Thread writer;
    private volatile boolean stopping;

    QueuedAppender(String name, List<Appender> sinks, int capacity) {
        super(name, null, null, true, Property.EMPTY_ARRAY);
        this.sinks = List.copyOf(sinks);
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.writer = new Thread(this::writeLoop, "log-writer");
        writer.setDaemon(true);
    }

    @Override
    public synchronized void start() {
        // log4j starts a configuration's appenders again when it starts the configuration
        if (writer.getState() == Thread.State.NEW) {
            writer.start();
        }
        super.start();
    }

    @Override
    public void append(LogEvent event) {
        // the event object may be reused by the caller's logger once this returns
        LogEvent copy = event.toImmutable();
        if (stopping) {
            writeNow(copy); // the writer may already be gone
        } else if (!queue.offer(copy)) {
            dropped.incrementAndGet();
        }
    }

    /** Log lines dropped because the sinks could not keep up, since start. */
    long dropped() {
        return dropped.get();
    }

    private void writeLoop() {
        long reported = 0;
        while (true) {
            LogEvent event;
            try {
                event = queue.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            long lost = dropped.get();
            if (lost > reported) {
                writeNow(droppedNotice(lost - reported));
                reported = lost;
            }
            if (event != null) {
                writeNow(event);
            } else if (stopping) {
                return;
            }
        }
    }

    private void writeNow(LogEvent event) {
        for (Appender sink : sinks) {
            try {
                sink.append(event);
            } catch (RuntimeException e) {
                // a failing sink must not take the others (or the writer thread) down with it
                error("log sink " + sink.getName() + " failed: " + e.getMessage());
            }
        }
    }

    private LogEvent droppedNotice(long count) {
        return Log4jLogEvent.newBuilder()
                .setLoggerName(QueuedAppender.class.getName())
                .setLevel(Level.WARN)
                .setMessage(new SimpleMessage(count + " log line(s) dropped: the log output (console or syslog)"
                        + " did not keep up"))
                .setTimeMillis(System.currentTimeMillis())
                .build();
    }

    @Override
    public boolean stop(long timeout, TimeUnit timeUnit) {
        setStopping();
        stopping = true;
        try {
            // log4j may pass 0 ("no timeout"); the last lines ("Stopped") matter, so wait a little anyway
            writer.join(Math.max(MIN_DRAIN_MILLIS, timeUnit.toMillis(timeout)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Appender sink : sinks) {
            if (sink instanceof LifeCycle2 stoppable) {
                stoppable.stop(timeout, timeUnit);
            } else {
                sink.stop();
            }
        }
        setStopped();
        return !writer.isAlive();
    }
}
