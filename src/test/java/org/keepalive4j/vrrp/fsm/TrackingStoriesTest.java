package org.keepalive4j.vrrp.fsm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.keepalive4j.vrrp.fsm.SimulatedNetwork.ip;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.keepalive4j.vrrp.fsm.SimulatedNetwork.Router;

/** Trackers: FAULT on weight-0 objects, floating priority on weighted ones. */
class TrackingStoriesTest {

    private final SimulatedNetwork net = new SimulatedNetwork();

    private static VrrpParameters v2(String name, String address, int priority, TrackerSpec... trackers) {
        return VrrpParameters.defaults(name, 2, ip(address), priority, Duration.ofSeconds(1))
                .withTrackers(List.of(trackers));
    }

    private void settle() {
        net.startAll();
        net.runFor(Duration.ofSeconds(10));
    }

    @Test
    void trackedInterfaceDownPutsTheMasterInFaultAndRecoveryReturnsToBackup() {
        Router master = net.add(v2("m", "10.0.0.1", 150, TrackerSpec.iface("eth1", 0, false)));
        Router backup = net.add(v2("b", "10.0.0.2", 100));
        settle();
        assertEquals(VrrpState.MASTER, master.machine.state());

        long down = net.now();
        master.handle(new VrrpEvent.InterfaceChanged("eth1", false));
        assertEquals(VrrpState.FAULT, master.machine.state());
        assertFalse(master.holdsVips);
        assertEquals(VrrpStateMachine.NO_DEADLINE, master.machine.nextDeadline());
        // keepalived sends priority 0 twice here (leave_master for FAULT, then restore_interface).
        long zeros = net.actionsOf(master.machine, down).stream()
                .filter(a -> a.equals(VrrpAction.SendAdvert.of(0))).count();
        assertEquals(2, zeros);
        net.runFor(Duration.ofSeconds(1));
        assertEquals(VrrpState.MASTER, backup.machine.state());

        master.handle(new VrrpEvent.InterfaceChanged("eth1", true));
        assertEquals(VrrpState.BACKUP, master.machine.state());
        net.runFor(Duration.ofSeconds(5));
        assertEquals(VrrpState.MASTER, master.machine.state(), "preempts again after recovery");
        assertEquals(1, net.vipHolders("1"));
    }

    @Test
    void reversedInterfaceFaultsWhenItComesUp() {
        Router r = net.add(v2("r", "10.0.0.1", 100, TrackerSpec.iface("standby0", 0, true)));
        r.handle(new VrrpEvent.InterfaceChanged("standby0", false));
        r.handle(VrrpEvent.STARTUP);
        assertEquals(VrrpState.BACKUP, r.machine.state());
        r.handle(new VrrpEvent.InterfaceChanged("standby0", true));
        assertEquals(VrrpState.FAULT, r.machine.state());
    }

    @Test
    void faultedAtStartupStaysInFaultUntilTheInterfaceComesUp() {
        Router r = net.add(v2("r", "10.0.0.1", 100, TrackerSpec.iface("eth0", 0, false)));
        r.handle(new VrrpEvent.InterfaceChanged("eth0", false));
        r.handle(VrrpEvent.STARTUP);
        assertEquals(VrrpState.FAULT, r.machine.state());
        net.runFor(Duration.ofSeconds(10));
        assertEquals(VrrpState.FAULT, r.machine.state());
        r.handle(new VrrpEvent.InterfaceChanged("eth0", true));
        assertEquals(VrrpState.BACKUP, r.machine.state());
    }

    @Test
    void weightZeroScriptHoldsTheInstanceUntilItsFirstResult() {
        Router r = net.add(v2("r", "10.0.0.1", 100, TrackerSpec.script("chk", 0, false, false)));
        r.handle(VrrpEvent.STARTUP);
        assertEquals(VrrpState.FAULT, r.machine.state());
        r.handle(new VrrpEvent.ScriptChanged("chk", true));
        assertEquals(VrrpState.BACKUP, r.machine.state());
        r.handle(new VrrpEvent.ScriptChanged("chk", false));
        assertEquals(VrrpState.FAULT, r.machine.state());
    }

    @Test
    void failingTrackScriptLowersThePriorityAndMovesTheVip() {
        Router a = net.add(v2("a", "10.0.0.1", 150, TrackerSpec.script("haproxy", -60, false, false)));
        Router b = net.add(v2("b", "10.0.0.2", 100));
        a.handle(new VrrpEvent.ScriptChanged("haproxy", true));
        settle();
        assertEquals(VrrpState.MASTER, a.machine.state());

        a.handle(new VrrpEvent.ScriptChanged("haproxy", false));
        assertEquals(90, a.machine.effectivePriority());
        net.runFor(Duration.ofSeconds(6));
        assertEquals(VrrpState.MASTER, b.machine.state());
        assertEquals(VrrpState.BACKUP, a.machine.state());

        a.handle(new VrrpEvent.ScriptChanged("haproxy", true));
        assertEquals(150, a.machine.effectivePriority());
        net.runFor(Duration.ofSeconds(6));
        assertEquals(VrrpState.MASTER, a.machine.state());
        assertEquals(1, net.vipHolders("1"));
    }

    @Test
    void positiveWeightCountsWhileUpAndReverseNegatesIt() {
        Router r = net.add(v2("r", "10.0.0.1", 100,
                TrackerSpec.script("plus", 20, false, false),
                TrackerSpec.iface("eth1", 30, true)));
        assertEquals(70, r.machine.effectivePriority(), "eth1 starts up: reversed +30 gives −30");
        r.handle(new VrrpEvent.ScriptChanged("plus", true));
        assertEquals(90, r.machine.effectivePriority());
        r.handle(new VrrpEvent.InterfaceChanged("eth1", false));
        assertEquals(120, r.machine.effectivePriority());
    }

    @Test
    void trackersClampBetweenOneAnd254AndNeverMoveAnOwner() {
        Router high = net.add(v2("h", "10.0.0.1", 200, TrackerSpec.script("s", 100, false, false)));
        high.handle(new VrrpEvent.ScriptChanged("s", true));
        assertEquals(254, high.machine.effectivePriority());

        Router low = net.add(v2("l", "10.0.0.2", 20, TrackerSpec.script("s", -100, false, true)));
        assertEquals(1, low.machine.effectivePriority(), "init_fail starts failed");

        Router owner = net.add(v2("o", "10.0.0.3", 255, TrackerSpec.script("s", -100, false, true)));
        assertEquals(255, owner.machine.effectivePriority());
    }

    @Test
    void backupsMasterDownFollowsItsPriorityChange() {
        Router master = net.add(v2("m", "10.0.0.1", 200));
        Router backup = net.add(v2("b", "10.0.0.2", 100, TrackerSpec.script("s", 50, false, false)));
        settle();
        long deadline = backup.machine.nextDeadline();
        backup.handle(new VrrpEvent.ScriptChanged("s", true));
        // Skew shrinks from 156/256 s to 106/256 s: the running timer moves by the difference.
        assertEquals(deadline - (609_375 - 414_062) * 1000L, backup.machine.nextDeadline());
        assertTrue(master.holdsVips);
    }
}
