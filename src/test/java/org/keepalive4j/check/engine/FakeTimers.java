package org.keepalive4j.check.engine;

import java.time.Duration;
import java.util.PriorityQueue;

/** Virtual time for the check engine: tasks run, in order, only when the test advances the clock. */
final class FakeTimers implements Timers {

    private record Entry(long at, long seq, Runnable task, boolean[] cancelled) {
    }

    private final PriorityQueue<Entry> queue = new PriorityQueue<>(
            (a, b) -> a.at != b.at ? Long.compare(a.at, b.at) : Long.compare(a.seq, b.seq));
    private long now;
    private long seq;

    @Override
    public Cancellable after(Duration delay, Runnable task) {
        boolean[] cancelled = new boolean[1];
        queue.add(new Entry(now + delay.toMillis(), seq++, task, cancelled));
        return () -> cancelled[0] = true;
    }

    long nowMillis() {
        return now;
    }

    /** Runs everything due up to now + d, advancing the clock task by task. */
    void advance(Duration d) {
        long end = now + d.toMillis();
        while (!queue.isEmpty() && queue.peek().at <= end) {
            Entry e = queue.poll();
            now = e.at;
            if (!e.cancelled[0]) {
                e.task.run();
            }
        }
        now = end;
    }
}
