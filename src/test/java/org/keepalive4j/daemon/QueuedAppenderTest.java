package org.keepalive4j.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.message.SimpleMessage;
import org.junit.jupiter.api.Test;

class QueuedAppenderTest {

    /** A sink that can be held shut, as a pipe nobody reads or a backed-up /dev/log would be. */
    private static final class GatedSink extends AbstractAppender {
        final List<String> lines = new CopyOnWriteArrayList<>();
        final CountDownLatch open = new CountDownLatch(1);

        GatedSink() {
            super("gated", null, null, true, Property.EMPTY_ARRAY);
        }

        @Override
        public void append(LogEvent event) {
            try {
                open.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            lines.add(event.getMessage().getFormattedMessage());
        }
    }

    private static LogEvent event(String text) {
        return Log4jLogEvent.newBuilder().setLevel(Level.INFO).setLoggerName("t")
                .setMessage(new SimpleMessage(text)).build();
    }

    @Test
    void aStuckSinkNeverBlocksTheLoggerAndTheDropsAreReportedInOrder() throws Exception {
        GatedSink sink = new GatedSink();
        sink.start();
        QueuedAppender queued = new QueuedAppender("q", List.of(sink), 4);
        queued.start();

        // the writer takes one event and blocks in the sink; 4 more fill the queue; the rest are dropped
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
            for (int i = 0; i < 20; i++) {
                queued.append(event("line " + i));
                if (i == 0) {
                    Thread.sleep(200); // let the writer pick up line 0 and block on the gate
                }
            }
        });
        assertEquals(15, queued.dropped());

        sink.open.countDown();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (sink.lines.size() < 6 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(List.of("line 0", "15 log line(s) dropped: the log output (console or syslog) did not keep up",
                "line 1", "line 2", "line 3", "line 4"), sink.lines);
        assertTrue(queued.stop(1, TimeUnit.SECONDS));
    }

    @Test
    void stopWritesWhatIsStillQueued() {
        GatedSink sink = new GatedSink();
        sink.open.countDown();
        sink.start();
        QueuedAppender queued = new QueuedAppender("q", List.of(sink), 100);
        queued.start();
        for (int i = 0; i < 50; i++) {
            queued.append(event("line " + i));
        }
        assertTrue(queued.stop(0, TimeUnit.MILLISECONDS));
        assertEquals(50, sink.lines.size());
        assertEquals("line 49", sink.lines.get(49));
        assertEquals(0, queued.dropped());
    }
}
