package org.keepalive4j.vrrp.fsm;

import java.util.EnumMap;
import java.util.Map;
import org.keepalive4j.vrrp.fsm.VrrpEvent.Kind;

/**
 * Which code runs for each (state, event) pair, in the shape of FRR vrrpd's state table. A pair
 * missing from the table is ignored: adverts in INIT, FAULT and STOP (keepalived drops them
 * unread), timers where none run, anything after STOP.
 */
final class TransitionTable {

    @FunctionalInterface
    interface Handler {
        void handle(VrrpStateMachine machine, VrrpEvent event, long now, ActionSink out);
    }

    private static final Handler IGNORE = (m, e, now, out) -> { };
    private static final Handler[][] TABLE = new Handler[VrrpState.values().length][Kind.values().length];

    static {
        Handler interfaceChanged = (m, e, now, out) -> m.interfaceChanged((VrrpEvent.InterfaceChanged) e, now, out);
        Handler scriptChanged = (m, e, now, out) -> m.scriptChanged((VrrpEvent.ScriptChanged) e, now, out);
        Handler priority = (m, e, now, out) -> m.basePriorityChanged((VrrpEvent.BasePriorityChanged) e, now, out);
        Handler preempt = (m, e, now, out) -> m.preemptChanged((VrrpEvent.PreemptChanged) e);
        Handler stop = (m, e, now, out) -> m.stop(now, out);

        Map<Kind, Handler> common = new EnumMap<>(Kind.class);
        common.put(Kind.INTERFACE_CHANGED, interfaceChanged);
        common.put(Kind.SCRIPT_CHANGED, scriptChanged);
        common.put(Kind.BASE_PRIORITY_CHANGED, priority);
        common.put(Kind.PREEMPT_CHANGED, preempt);
        common.put(Kind.STOP_REQUESTED, stop);

        for (VrrpState state : new VrrpState[] {VrrpState.INIT, VrrpState.BACKUP, VrrpState.MASTER, VrrpState.FAULT}) {
            common.forEach((kind, handler) -> put(state, kind, handler));
        }
        put(VrrpState.INIT, Kind.STARTUP, (m, e, now, out) -> m.startup(now, out));
        put(VrrpState.BACKUP, Kind.ADVERT_RECEIVED,
                (m, e, now, out) -> m.backupReceiveAdvert((VrrpEvent.AdvertReceived) e, now, out));
        put(VrrpState.BACKUP, Kind.TIMER_EXPIRED, (m, e, now, out) -> m.backupTimerExpired(now, out));
        put(VrrpState.MASTER, Kind.ADVERT_RECEIVED,
                (m, e, now, out) -> m.masterReceiveAdvert((VrrpEvent.AdvertReceived) e, now, out));
        put(VrrpState.MASTER, Kind.TIMER_EXPIRED, (m, e, now, out) -> m.masterTimerExpired(now, out));
    }

    private TransitionTable() {
    }

    private static void put(VrrpState state, Kind kind, Handler handler) {
        TABLE[state.ordinal()][kind.ordinal()] = handler;
    }

    static Handler handler(VrrpState state, Kind kind) {
        Handler handler = TABLE[state.ordinal()][kind.ordinal()];
        return handler == null ? IGNORE : handler;
    }

    /** Whether the pair does anything; for tests and documentation. */
    static boolean handles(VrrpState state, Kind kind) {
        return TABLE[state.ordinal()][kind.ordinal()] != null;
    }
}
