package org.keepalive4j.vrrp.fsm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.keepalive4j.vrrp.fsm.SimulatedNetwork.ip;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** One row per (state, event): the state reached and the actions emitted, for a lone v2 router. */
class TransitionTableTest {

    private static final long T0 = 1_000_000_000L;
    private static final VrrpAction ADVERT_100 = VrrpAction.SendAdvert.of(100);
    private static final VrrpAction ADVERT_0 = VrrpAction.SendAdvert.of(0);

    private static VrrpEvent advert(String from, int priority) {
        return new VrrpEvent.AdvertReceived(ip(from), priority, Duration.ofSeconds(1));
    }

    /** A router with priority 100 at 10.0.0.5, tracking eth0 with weight 0, brought to {@code state}. */
    private static VrrpStateMachine in(VrrpState state) {
        VrrpStateMachine m = new VrrpStateMachine(VrrpParameters.defaults("r", 2, ip("10.0.0.5"), 100,
                Duration.ofSeconds(1)).withTrackers(List.of(TrackerSpec.iface("eth0", 0, false))));
        ActionSink none = (i, a) -> { };
        switch (state) {
            case INIT -> { }
            case BACKUP -> m.handle(VrrpEvent.STARTUP, T0, none);
            case MASTER -> {
                m.handle(VrrpEvent.STARTUP, T0, none);
                m.handle(VrrpEvent.TIMER_EXPIRED, m.nextDeadline(), none);
            }
            case FAULT -> {
                m.handle(new VrrpEvent.InterfaceChanged("eth0", false), T0, none);
                m.handle(VrrpEvent.STARTUP, T0, none);
            }
            case STOP -> m.handle(VrrpEvent.STOP_REQUESTED, T0, none);
        }
        assertEquals(state, m.state());
        return m;
    }

    private static VrrpAction changed(VrrpState from, VrrpState to, TransitionReason why) {
        return new VrrpAction.StateChanged(from, to, why);
    }

    static Stream<Arguments> rows() {
        VrrpAction garp5 = new VrrpAction.SendGarp(5);
        return Stream.of(
                Arguments.of(VrrpState.INIT, VrrpEvent.STARTUP, VrrpState.BACKUP,
                        List.of(VrrpAction.REMOVE_VIPS, changed(VrrpState.INIT, VrrpState.BACKUP, TransitionReason.STARTUP))),
                Arguments.of(VrrpState.INIT, advert("10.0.0.9", 200), VrrpState.INIT, List.of()),
                Arguments.of(VrrpState.INIT, VrrpEvent.STOP_REQUESTED, VrrpState.STOP,
                        List.of(changed(VrrpState.INIT, VrrpState.STOP, TransitionReason.STOP_REQUESTED))),
                Arguments.of(VrrpState.BACKUP, VrrpEvent.STARTUP, VrrpState.BACKUP, List.of()),
                Arguments.of(VrrpState.BACKUP, advert("10.0.0.9", 200), VrrpState.BACKUP, List.of()),
                Arguments.of(VrrpState.BACKUP, advert("10.0.0.9", 50), VrrpState.BACKUP, List.of()),
                Arguments.of(VrrpState.BACKUP, advert("10.0.0.9", 0), VrrpState.BACKUP, List.of()),
                Arguments.of(VrrpState.BACKUP, VrrpEvent.TIMER_EXPIRED, VrrpState.MASTER,
                        List.of(ADVERT_100, VrrpAction.ADD_VIPS, garp5,
                                changed(VrrpState.BACKUP, VrrpState.MASTER, TransitionReason.MASTER_NO_RESPONSE))),
                Arguments.of(VrrpState.BACKUP, new VrrpEvent.InterfaceChanged("eth0", false), VrrpState.FAULT,
                        List.of(changed(VrrpState.BACKUP, VrrpState.FAULT, TransitionReason.FAULT))),
                Arguments.of(VrrpState.BACKUP, new VrrpEvent.InterfaceChanged("eth9", false), VrrpState.BACKUP, List.of()),
                Arguments.of(VrrpState.BACKUP, new VrrpEvent.BasePriorityChanged(120), VrrpState.BACKUP,
                        List.of(new VrrpAction.EffectivePriorityChanged(100, 120))),
                Arguments.of(VrrpState.BACKUP, VrrpEvent.STOP_REQUESTED, VrrpState.STOP,
                        List.of(changed(VrrpState.BACKUP, VrrpState.STOP, TransitionReason.STOP_REQUESTED))),
                Arguments.of(VrrpState.MASTER, VrrpEvent.TIMER_EXPIRED, VrrpState.MASTER, List.of(ADVERT_100)),
                Arguments.of(VrrpState.MASTER, advert("10.0.0.9", 200), VrrpState.BACKUP,
                        List.of(VrrpAction.REMOVE_VIPS,
                                changed(VrrpState.MASTER, VrrpState.BACKUP, TransitionReason.HIGHER_PRIORITY_ADVERT))),
                Arguments.of(VrrpState.MASTER, advert("10.0.0.9", 100), VrrpState.BACKUP,
                        List.of(VrrpAction.REMOVE_VIPS,
                                changed(VrrpState.MASTER, VrrpState.BACKUP, TransitionReason.HIGHER_PRIORITY_ADVERT))),
                Arguments.of(VrrpState.MASTER, advert("10.0.0.1", 100), VrrpState.MASTER,
                        List.of(ADVERT_100, new VrrpAction.LowerPriorityAdvertReceived(ip("10.0.0.1"), 100))),
                Arguments.of(VrrpState.MASTER, advert("10.0.0.9", 50), VrrpState.MASTER,
                        List.of(ADVERT_100, new VrrpAction.LowerPriorityAdvertReceived(ip("10.0.0.9"), 50))),
                Arguments.of(VrrpState.MASTER, advert("10.0.0.9", 0), VrrpState.MASTER, List.of(ADVERT_100)),
                Arguments.of(VrrpState.MASTER, new VrrpEvent.InterfaceChanged("eth0", false), VrrpState.FAULT,
                        List.of(ADVERT_0, ADVERT_0, VrrpAction.REMOVE_VIPS,
                                changed(VrrpState.MASTER, VrrpState.FAULT, TransitionReason.FAULT))),
                Arguments.of(VrrpState.MASTER, new VrrpEvent.PreemptChanged(false), VrrpState.MASTER, List.of()),
                Arguments.of(VrrpState.MASTER, VrrpEvent.STOP_REQUESTED, VrrpState.STOP,
                        List.of(ADVERT_0, VrrpAction.REMOVE_VIPS,
                                changed(VrrpState.MASTER, VrrpState.STOP, TransitionReason.STOP_REQUESTED))),
                Arguments.of(VrrpState.FAULT, advert("10.0.0.9", 200), VrrpState.FAULT, List.of()),
                Arguments.of(VrrpState.FAULT, VrrpEvent.TIMER_EXPIRED, VrrpState.FAULT, List.of()),
                Arguments.of(VrrpState.FAULT, new VrrpEvent.InterfaceChanged("eth0", true), VrrpState.BACKUP,
                        List.of(changed(VrrpState.FAULT, VrrpState.BACKUP, TransitionReason.FAULT_CLEARED))),
                Arguments.of(VrrpState.FAULT, VrrpEvent.STOP_REQUESTED, VrrpState.STOP,
                        List.of(changed(VrrpState.FAULT, VrrpState.STOP, TransitionReason.STOP_REQUESTED))),
                Arguments.of(VrrpState.STOP, VrrpEvent.STARTUP, VrrpState.STOP, List.of()),
                Arguments.of(VrrpState.STOP, advert("10.0.0.9", 200), VrrpState.STOP, List.of()),
                Arguments.of(VrrpState.STOP, new VrrpEvent.InterfaceChanged("eth0", false), VrrpState.STOP, List.of()));
    }

    @ParameterizedTest(name = "{0} + {1} -> {2}")
    @MethodSource("rows")
    void transition(VrrpState from, VrrpEvent event, VrrpState to, List<VrrpAction> expected) {
        VrrpStateMachine m = in(from);
        List<VrrpAction> actions = new ArrayList<>();
        long now = event == VrrpEvent.TIMER_EXPIRED ? Math.max(T0, m.nextDeadline()) : T0 + 1;
        if (now == VrrpStateMachine.NO_DEADLINE) {
            now = T0 + 1;
        }
        m.handle(event, now, (i, a) -> actions.add(a));
        assertEquals(to, m.state());
        assertEquals(expected, actions);
    }

    @Test
    void stopIsTerminal() {
        for (VrrpEvent.Kind kind : VrrpEvent.Kind.values()) {
            assertEquals(false, TransitionTable.handles(VrrpState.STOP, kind), kind.name());
        }
    }

    @Test
    void advertsAreReadOnlyInBackupAndMaster() {
        for (VrrpState state : VrrpState.values()) {
            boolean expected = state == VrrpState.BACKUP || state == VrrpState.MASTER;
            assertEquals(expected, TransitionTable.handles(state, VrrpEvent.Kind.ADVERT_RECEIVED), state.name());
        }
    }

    @Test
    void nextDeadlinesFollowTheState() {
        VrrpStateMachine backup = in(VrrpState.BACKUP);
        assertEquals(T0 + 3_609_375_000L, backup.nextDeadline());
        backup.handle(advert("10.0.0.9", 0), T0 + 1000, (i, a) -> { });
        assertEquals(T0 + 1000 + 609_375_000L, backup.nextDeadline(), "priority 0: skew only");
        VrrpStateMachine master = in(VrrpState.MASTER);
        long garpDue = master.nextDeadline();
        assertEquals(T0 + 3_609_375_000L + 1_000_000_000L, garpDue, "next advert");
        assertEquals(VrrpStateMachine.NO_DEADLINE, in(VrrpState.FAULT).nextDeadline());
    }
}
