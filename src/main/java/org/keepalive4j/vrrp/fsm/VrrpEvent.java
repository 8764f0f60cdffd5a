package org.keepalive4j.vrrp.fsm;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Objects;

/** What the engine tells a state machine. Each event carries a {@link Kind} for the transition table. */
public sealed interface VrrpEvent {

    enum Kind {
        STARTUP, ADVERT_RECEIVED, TIMER_EXPIRED, INTERFACE_CHANGED, SCRIPT_CHANGED,
        BASE_PRIORITY_CHANGED, PREEMPT_CHANGED, STOP_REQUESTED
    }

    Kind kind();

    /** The daemon has opened its sockets; leave INIT (RFC 5798 §6.4.1 Startup event). */
    Startup STARTUP = new Startup();
    /** The instance's earliest deadline ({@link VrrpStateMachine#nextDeadline()}) has passed. */
    TimerExpired TIMER_EXPIRED = new TimerExpired();
    /** The daemon is shutting down (RFC 5798 §6.4.3 Shutdown event). */
    StopRequested STOP_REQUESTED = new StopRequested();

    record Startup() implements VrrpEvent {
        @Override public Kind kind() { return Kind.STARTUP; }
    }

    record TimerExpired() implements VrrpEvent {
        @Override public Kind kind() { return Kind.TIMER_EXPIRED; }
    }

    record StopRequested() implements VrrpEvent {
        @Override public Kind kind() { return Kind.STOP_REQUESTED; }
    }

    /**
     * A valid advertisement for this instance (the codec and the engine have already checked
     * version, VRID, TTL, authentication and addresses).
     *
     * @param source         the sender's primary address, compared with ours to break priority ties
     * @param advertInterval the interval the sender advertises (v3: centiseconds on the wire)
     */
    record AdvertReceived(InetAddress source, int priority, Duration advertInterval) implements VrrpEvent {
        public AdvertReceived {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(advertInterval, "advertInterval");
            if (priority < 0 || priority > 255) {
                throw new IllegalArgumentException("priority " + priority);
            }
        }

        @Override public Kind kind() { return Kind.ADVERT_RECEIVED; }
    }

    /** A network interface went up or down (tracked, or the instance's own). */
    record InterfaceChanged(String name, boolean up) implements VrrpEvent {
        @Override public Kind kind() { return Kind.INTERFACE_CHANGED; }
    }

    /** A vrrp_script crossed its rise/fall threshold (see {@link ScriptTracker}). */
    record ScriptChanged(String name, boolean ok) implements VrrpEvent {
        @Override public Kind kind() { return Kind.SCRIPT_CHANGED; }
    }

    /** The base priority was set at run time (SNMP SET of vrrpInstanceBasePriority). */
    record BasePriorityChanged(int priority) implements VrrpEvent {
        public BasePriorityChanged {
            // keepalived's SNMP handler refuses 0, which is reserved for "I am leaving".
            if (priority < 1 || priority > 255) {
                throw new IllegalArgumentException("priority " + priority);
            }
        }

        @Override public Kind kind() { return Kind.BASE_PRIORITY_CHANGED; }
    }

    /** Preemption was switched on or off at run time (SNMP SET of vrrpInstancePreempt). */
    record PreemptChanged(boolean preempt) implements VrrpEvent {
        @Override public Kind kind() { return Kind.PREEMPT_CHANGED; }
    }
}
