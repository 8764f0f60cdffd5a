package org.keepalive4j.vrrp.fsm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.keepalive4j.vrrp.fsm.SimulatedNetwork.ip;
import static org.keepalive4j.vrrp.fsm.SimulatedNetwork.ms;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.keepalive4j.vrrp.fsm.SimulatedNetwork.Router;

/** A reload applied in place: the running router keeps its state and its adverts keep coming. */
class ReconfigureStoriesTest {

    private final SimulatedNetwork net = new SimulatedNetwork();

    private static VrrpParameters v2(String name, String address, int priority, TrackerSpec... trackers) {
        return VrrpParameters.defaults(name, 2, ip(address), priority, Duration.ofSeconds(1))
                .withTrackers(List.of(trackers));
    }

    private static VrrpParameters withPriority(VrrpParameters p, int priority) {
        return new VrrpParameters(p.name(), p.version(), p.primaryAddress(), priority, p.preempt(), p.preemptDelay(),
                p.wantMaster(), p.advertInterval(), p.downTimerAdverts(), p.garpMasterDelay(), p.garpMasterRepeat(),
                p.garpMasterRefresh(), p.garpMasterRefreshRepeat(), p.garpLowerPrioDelay(), p.garpLowerPrioRepeat(),
                p.lowerPrioNoAdvert(), p.higherPrioSendAdvert(), p.trackers());
    }

    private static VrrpParameters withInterval(VrrpParameters p, Duration interval) {
        return new VrrpParameters(p.name(), p.version(), p.primaryAddress(), p.priority(), p.preempt(),
                p.preemptDelay(), p.wantMaster(), interval, p.downTimerAdverts(), p.garpMasterDelay(),
                p.garpMasterRepeat(), p.garpMasterRefresh(), p.garpMasterRefreshRepeat(), p.garpLowerPrioDelay(),
                p.garpLowerPrioRepeat(), p.lowerPrioNoAdvert(), p.higherPrioSendAdvert(), p.trackers());
    }

    private static final java.util.function.BiFunction<TrackerSpec.Kind, String, Boolean> UNKNOWN = (k, n) -> null;

    /** Times of the adverts (priority > 0) {@code m} sent at or after {@code from}. */
    private List<Long> advertTimes(VrrpStateMachine m, long from) {
        List<Long> times = new ArrayList<>();
        for (SimulatedNetwork.Emitted e : net.log) {
            if (e.instance() == m && e.time() >= from && e.action() instanceof VrrpAction.SendAdvert s
                    && s.priority() > 0) {
                times.add(e.time());
            }
        }
        return times;
    }

    private static long largestGap(List<Long> times) {
        long gap = 0;
        for (int i = 1; i < times.size(); i++) {
            gap = Math.max(gap, times.get(i) - times.get(i - 1));
        }
        return gap;
    }

    private Router[] masterAndBackup(VrrpParameters master) {
        Router m = net.add(master);
        Router b = net.add(v2("b", "10.0.0.2", 100));
        net.startAll();
        net.runFor(Duration.ofSeconds(10));
        assertEquals(VrrpState.MASTER, m.machine.state());
        return new Router[] {m, b};
    }

    @Test
    void aNewPriorityAboveTheBackupKeepsTheMasterAndItsAdvertsCarryIt() {
        VrrpParameters p = v2("m", "10.0.0.1", 150);
        Router[] r = masterAndBackup(p);
        long reload = net.now();
        r[0].reconfigure(withPriority(p, 120), UNKNOWN);
        net.runFor(Duration.ofSeconds(10));
        assertEquals(VrrpState.MASTER, r[0].machine.state());
        assertEquals(VrrpState.BACKUP, r[1].machine.state());
        assertEquals(120, r[0].machine.effectivePriority());
        assertTrue(net.actionsOf(r[0].machine, reload).contains(new VrrpAction.EffectivePriorityChanged(150, 120)));
        assertTrue(net.actionsOf(r[0].machine, reload).stream().noneMatch(a -> a == VrrpAction.REMOVE_VIPS));
        assertTrue(largestGap(advertTimes(r[0].machine, reload - ms(1000))) <= ms(1000));
    }

    @Test
    void aMasterLoweredBelowItsBackupIsPreemptedByIt() {
        VrrpParameters p = v2("m", "10.0.0.1", 150);
        Router[] r = masterAndBackup(p);
        r[0].reconfigure(withPriority(p, 50), UNKNOWN);
        net.runFor(Duration.ofSeconds(6));
        assertEquals(VrrpState.MASTER, r[1].machine.state());
        assertEquals(VrrpState.BACKUP, r[0].machine.state());
        assertEquals(1, net.vipHolders("1"));
    }

    @Test
    void aShorterAdvertIntervalTakesEffectWithoutAGap() {
        VrrpParameters p = v2("m", "10.0.0.1", 150);
        Router[] r = masterAndBackup(p);
        long due = r[0].machine.nextDeadline();
        long reload = net.now();
        r[0].reconfigure(withInterval(p, Duration.ofSeconds(3)), UNKNOWN);
        net.runFor(Duration.ofSeconds(12));
        List<Long> after = advertTimes(r[0].machine, reload);
        assertEquals(due, after.get(0), "the advert already due comes at its time");
        for (int i = 1; i < after.size(); i++) {
            assertEquals(ms(3000), after.get(i) - after.get(i - 1));
        }
        r[0].reconfigure(withInterval(p, Duration.ofSeconds(1)), UNKNOWN);
        long shortened = net.now();
        net.runFor(Duration.ofSeconds(5));
        List<Long> later = advertTimes(r[0].machine, shortened);
        assertTrue(later.get(0) - shortened <= ms(1000), "no wait for the long interval's advert");
        assertEquals(ms(1000), later.get(1) - later.get(0));
    }

    @Test
    void aWeightZeroScriptAddedToAMasterDoesNotDemoteItUntilItFails() {
        VrrpParameters p = v2("m", "10.0.0.1", 150);
        Router[] r = masterAndBackup(p);
        r[0].reconfigure(p.withTrackers(List.of(TrackerSpec.script("chk", 0, false, false))), UNKNOWN);
        assertEquals(VrrpState.MASTER, r[0].machine.state());
        r[0].handle(new VrrpEvent.ScriptChanged("chk", true));
        net.runFor(Duration.ofSeconds(5));
        assertEquals(VrrpState.MASTER, r[0].machine.state());
        r[0].handle(new VrrpEvent.ScriptChanged("chk", false));
        assertEquals(VrrpState.FAULT, r[0].machine.state());
    }

    @Test
    void trackersKeepTheirStateAndANewDownInterfaceFaultsTheInstance() {
        VrrpParameters p = v2("m", "10.0.0.1", 150, TrackerSpec.script("weighted", -60, false, false));
        Router m = net.add(p);
        Router b = net.add(v2("b", "10.0.0.2", 100));
        m.handle(new VrrpEvent.ScriptChanged("weighted", false));
        net.startAll();
        net.runFor(Duration.ofSeconds(10));
        assertEquals(VrrpState.MASTER, b.machine.state(), "150 - 60 = 90 < 100");

        // the weight goes from -60 to -20: the failed script's state is kept, so the priority is 130
        m.reconfigure(p.withTrackers(List.of(TrackerSpec.script("weighted", -20, false, false))), UNKNOWN);
        assertEquals(130, m.machine.effectivePriority());
        net.runFor(Duration.ofSeconds(6));
        assertEquals(VrrpState.MASTER, m.machine.state(), "preempts back at 130");

        m.reconfigure(p.withTrackers(List.of(TrackerSpec.iface("eth9", 0, false))),
                (kind, name) -> kind == TrackerSpec.Kind.INTERFACE && name.equals("eth9") ? false : null);
        assertEquals(VrrpState.FAULT, m.machine.state());
        m.reconfigure(p.withTrackers(List.of()), UNKNOWN);
        assertEquals(VrrpState.BACKUP, m.machine.state(), "the fault cleared with the tracker's removal");
    }

    @Test
    void becomingTheAddressOwnerNeedsARestart() {
        VrrpParameters p = v2("m", "10.0.0.1", 150);
        Router[] r = masterAndBackup(p);
        assertThrows(IllegalArgumentException.class, () -> r[0].reconfigure(withPriority(p, 255), UNKNOWN));
        assertEquals(150, r[0].machine.effectivePriority());
    }
}
