package org.keepalive4j.agentx;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.keepalive4j.mib.Notification;
import org.keepalive4j.mib.NotificationSink;

/**
 * The {@link NotificationSink} engines raise traps into. {@link #send} only puts the notification in a
 * bounded queue and returns; a sender thread delivers them while a session is up, one Notify at a time,
 * and keeps a notification whose Notify went unanswered for the next session, so traps raised while the
 * master is frozen or restarting arrive once it is back.
 *
 * <p>When the queue is full the <em>oldest</em> notification is dropped: keepalived's traps report state
 * changes, and the newest ones describe the state the manager has to act on, while the oldest have
 * already been superseded by them. Drops are counted and logged, at most once per
 * {@link #DROP_LOG_INTERVAL_NANOS}, by the sender thread (never by the caller, whose thread must not
 * wait on a log appender).
 *
 * <p>Delivery is at least once: a Notify the master received but answered too late is sent again.
 */
public final class AsyncNotificationSender implements NotificationSink {

    private static final Logger LOG = LogManager.getLogger(AsyncNotificationSender.class);
    static final long DROP_LOG_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);
    /** How long the idle sender sleeps before it looks at the drop counter again. */
    private static final long IDLE_POLL_MILLIS = 1000;

    private final DropOldestQueue<Notification> queue;
    private final SessionSource sessions;
    private final Delivery delivery;
    private final long notifyTimeoutMillis;
    private final LongAdder sent = new LongAdder();
    private final LongAdder rejected = new LongAdder();
    private final LongAdder retried = new LongAdder();
    private final Thread thread;
    private volatile boolean stopping;
    /** Taken from the queue, not yet delivered; owned by the sender thread. */
    private volatile Notification inFlight;

    /** How one notification goes out on a session; the subagent's Notify in production. */
    @FunctionalInterface
    interface Delivery {
        Snmp4jSubagent.SendResult deliver(ActiveSession session, Notification notification, long timeoutMillis);

        Delivery AGENTX_NOTIFY = (s, n, timeout) -> s.subagent().notify(s.session(), n, timeout);
    }

    AsyncNotificationSender(int capacity, SessionSource sessions, Delivery delivery, long notifyTimeoutMillis) {
        this.queue = new DropOldestQueue<>(capacity);
        this.sessions = sessions;
        this.delivery = delivery;
        this.notifyTimeoutMillis = notifyTimeoutMillis;
        this.thread = new Thread(this::run, "agentx-notify");
        thread.setDaemon(true);
    }

    /** Never waits beyond one short lock; when the queue is full, the oldest notification makes room. */
    @Override
    public void send(Notification notification) {
        queue.add(notification);
    }

    void start() {
        thread.start();
    }

    /** Stops the sender within about {@code boundMillis}; what is still queued is counted as dropped. */
    void stop(long boundMillis) throws InterruptedException {
        stopping = true;
        thread.interrupt();
        thread.join(Math.max(1, boundMillis));
        int left = queue.size() + (inFlight == null ? 0 : 1);
        if (left > 0) {
            LOG.warn("AgentX: stopping with {} notifications undelivered", left);
        }
    }

    /** Accepted by send(), including those dropped later. */
    public long queued() {
        return queue.added();
    }

    /** Acknowledged by the master. */
    public long sent() {
        return sent.sum();
    }

    /** Pushed out of the full queue by newer ones. */
    public long dropped() {
        return queue.dropped();
    }

    /** Answered by the master with an error (malformed, refused): not sent again. */
    public long rejected() {
        return rejected.sum();
    }

    /** Notify attempts that went unanswered and were repeated. */
    public long retried() {
        return retried.sum();
    }

    /** Waiting for delivery, the one being delivered included. */
    public int pending() {
        return queue.size() + (inFlight == null ? 0 : 1);
    }

    private Snmp4jSubagent.SendResult deliver(ActiveSession session) {
        try {
            return delivery.deliver(session, inFlight, notifyTimeoutMillis);
        } catch (RuntimeException e) {
            // the notification stays queued; a broken session is the supervisor's to replace
            LOG.error("AgentX: sending notification {} failed", inFlight.trapOid(), e);
            return Snmp4jSubagent.SendResult.FAILED;
        }
    }

    private void run() {
        ActiveSession failedOn = null;
        long droppedLogged = 0;
        long lastDropLog = System.nanoTime() - DROP_LOG_INTERVAL_NANOS;
        try {
            while (!stopping) {
                long drops = queue.dropped();
                if (drops != droppedLogged && System.nanoTime() - lastDropLog >= DROP_LOG_INTERVAL_NANOS) {
                    LOG.warn("AgentX: notification queue full ({} held), dropped {} oldest notifications since the"
                            + " last report, {} in all", queue.capacity(),
                            drops - droppedLogged, drops);
                    droppedLogged = drops;
                    lastDropLog = System.nanoTime();
                }
                if (inFlight == null) {
                    inFlight = queue.poll(IDLE_POLL_MILLIS, TimeUnit.MILLISECONDS);
                    if (inFlight == null) {
                        continue;
                    }
                }
                ActiveSession session = sessions.awaitSession(failedOn, IDLE_POLL_MILLIS);
                if (session == null) {
                    continue;
                }
                switch (deliver(session)) {
                    case OK -> {
                        sent.increment();
                        inFlight = null;
                        failedOn = null;
                    }
                    case REJECTED -> {
                        rejected.increment();
                        LOG.warn("AgentX: master refused notification {}", inFlight.trapOid());
                        inFlight = null;
                    }
                    case FAILED -> {
                        // keep it; ask the supervisor to check the master and wait for a new session
                        // (or, if the master still answers pings, try this one again after a while)
                        if (stopping) {
                            break;
                        }
                        retried.increment();
                        failedOn = session;
                        sessions.suspect(session);
                    }
                }
            }
        } catch (InterruptedException e) {
            // stop(): the interrupt is the signal
        }
    }
}
