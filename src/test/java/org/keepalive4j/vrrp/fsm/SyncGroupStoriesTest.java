package org.keepalive4j.vrrp.fsm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.keepalive4j.vrrp.fsm.SimulatedNetwork.ip;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.keepalive4j.vrrp.fsm.SimulatedNetwork.Router;

/** Two routers, each with a sync group of two instances (VRID 1 and VRID 2), like a firewall pair. */
class SyncGroupStoriesTest {

    private final SimulatedNetwork net = new SimulatedNetwork();
    private Router a1;
    private Router a2;
    private Router b1;
    private Router b2;
    private SyncGroup groupA;
    private SyncGroup groupB;

    private static VrrpStateMachine machine(String name, String address, int priority, TrackerSpec... trackers) {
        return new VrrpStateMachine(VrrpParameters.defaults(name, 2, ip(address), priority, Duration.ofSeconds(1))
                .withTrackers(List.of(trackers)));
    }

    private void build(VrrpStateMachine ma1, VrrpStateMachine ma2) {
        VrrpStateMachine mb1 = machine("b1", "10.0.1.2", 100);
        VrrpStateMachine mb2 = machine("b2", "10.0.2.2", 100);
        groupA = new SyncGroup("A", List.of(ma1, ma2));
        groupB = new SyncGroup("B", List.of(mb1, mb2));
        a1 = net.add(ma1, "1");
        a2 = net.add(ma2, "2");
        b1 = net.add(mb1, "1");
        b2 = net.add(mb2, "2");
    }

    private void buildDefault() {
        build(machine("a1", "10.0.1.1", 150, TrackerSpec.iface("inside", 0, false)),
                machine("a2", "10.0.2.1", 150));
        net.startAll();
        net.runFor(Duration.ofSeconds(10));
        assertEquals(VrrpState.MASTER, groupA.state());
        assertEquals(VrrpState.BACKUP, groupB.state());
    }

    @Test
    void groupsSettleTogether() {
        buildDefault();
        assertTrue(a1.holdsVips && a2.holdsVips);
        assertEquals(VrrpState.BACKUP, b1.machine.state());
        assertEquals(VrrpState.BACKUP, b2.machine.state());
        assertTrue(net.log.stream().anyMatch(e -> e.action() instanceof VrrpAction.GroupStateChanged g
                && g.group().equals("A") && g.to() == VrrpState.MASTER));
    }

    @Test
    void oneMemberFaultingTakesTheWholeGroupToFaultAndTheOtherGroupTakesOver() {
        buildDefault();
        a1.handle(new VrrpEvent.InterfaceChanged("inside", false));
        assertEquals(VrrpState.FAULT, a1.machine.state());
        assertEquals(VrrpState.FAULT, a2.machine.state(), "follows its group");
        assertEquals(VrrpState.FAULT, groupA.state());
        net.runFor(Duration.ofSeconds(2));
        assertEquals(VrrpState.MASTER, b1.machine.state());
        assertEquals(VrrpState.MASTER, b2.machine.state());
        assertEquals(VrrpState.MASTER, groupB.state());

        a1.handle(new VrrpEvent.InterfaceChanged("inside", true));
        assertEquals(VrrpState.BACKUP, groupA.state());
        assertEquals(VrrpState.BACKUP, a2.machine.state());
        net.runFor(Duration.ofSeconds(6));
        assertEquals(VrrpState.MASTER, groupA.state());
        assertEquals(VrrpState.BACKUP, groupB.state());
        assertEquals(1, net.vipHolders("1"));
        assertEquals(1, net.vipHolders("2"));
    }

    @Test
    void oneBetterMemberCannotPreemptAlone() {
        buildDefault();
        // b1 outranks a1 now, but b2 still accepts a2 as master: keepalived's group prefers
        // BACKUP over thrashing, so b1 keeps waiting with wantstate MASTER.
        b1.handle(new VrrpEvent.BasePriorityChanged(200));
        net.runFor(Duration.ofSeconds(20));
        assertEquals(VrrpState.BACKUP, b1.machine.state());
        assertEquals(VrrpState.MASTER, a1.machine.state());
        assertEquals(VrrpState.MASTER, groupA.state());
    }

    @Test
    void aMemberLosingAnElectionPullsItsPartnerToBackup() {
        buildDefault();
        b1.handle(new VrrpEvent.BasePriorityChanged(200));
        b2.handle(new VrrpEvent.BasePriorityChanged(200));
        // a2 never hears b2, so only a1 learns of a better master; a2 follows a1 anyway.
        net.setLoss(e -> e.instance() == b2.machine);
        net.runFor(Duration.ofSeconds(10));
        assertEquals(VrrpState.MASTER, groupB.state());
        assertEquals(VrrpState.BACKUP, a1.machine.state());
        assertEquals(VrrpState.BACKUP, a2.machine.state());
        assertEquals(VrrpState.BACKUP, groupA.state());
        assertEquals(1, net.vipHolders("1"));
        assertEquals(1, net.vipHolders("2"));
    }

    @Test
    void aMemberWhoseMasterDiesWaitsForItsPartnerBeforeGoingMaster() {
        buildDefault();
        long crashed = net.now();
        net.setLoss(e -> e.instance() == a1.machine); // only VRID 1's adverts vanish
        net.runFor(Duration.ofSeconds(10));
        // b1's timer runs out but b2 still hears a2: the group prefers BACKUP.
        assertEquals(VrrpState.BACKUP, b1.machine.state());
        assertEquals(VrrpState.BACKUP, groupB.state());
        assertTrue(net.firstTime(crashed, e -> e.action() instanceof VrrpAction.StateChanged c
                && c.to() == VrrpState.MASTER) < 0);
    }

    @Test
    void theWholeOtherRouterDyingMovesBothInstances() {
        buildDefault();
        a1.crash();
        a2.crash();
        net.runFor(Duration.ofSeconds(10));
        assertEquals(VrrpState.MASTER, b1.machine.state());
        assertEquals(VrrpState.MASTER, b2.machine.state());
        assertEquals(VrrpState.MASTER, groupB.state());
    }
}
