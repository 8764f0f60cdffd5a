package org.keepalive4j.vrrp.fsm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.keepalive4j.vrrp.fsm.SimulatedNetwork.ip;
import static org.keepalive4j.vrrp.fsm.SimulatedNetwork.ms;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.keepalive4j.vrrp.fsm.SimulatedNetwork.Router;

/** Operator stories: routers exchanging adverts on a simulated LAN with a virtual clock. */
class ElectionStoriesTest {

    private static final Duration ONE_SECOND = Duration.ofSeconds(1);
    private static final long TICK = ms(1);

    private final SimulatedNetwork net = new SimulatedNetwork();

    private static VrrpParameters v2(String name, String address, int priority) {
        return VrrpParameters.defaults(name, 2, ip(address), priority, ONE_SECOND);
    }

    private static VrrpParameters v3(String name, String address, int priority, Duration interval) {
        return VrrpParameters.defaults(name, 3, ip(address), priority, interval);
    }

    /** Starts both, lets the first win, and returns once it is master and the other backup. */
    private void settle(Router master, Router backup) {
        net.startAll();
        net.runFor(Duration.ofSeconds(10));
        assertEquals(VrrpState.MASTER, master.machine.state());
        assertEquals(VrrpState.BACKUP, backup.machine.state());
        assertEquals(1, net.vipHolders("1"));
        assertTrue(master.holdsVips);
    }

    private long becameMasterAt(Router r, long from) {
        return net.firstTime(from, e -> e.instance() == r.machine
                && e.action() instanceof VrrpAction.StateChanged c && c.to() == VrrpState.MASTER);
    }

    @Test
    void stateMasterStillStartsInBackupAndWaitsMasterDown() {
        Router a = net.add(v2("a", "10.0.0.1", 150).withWantMaster(true));
        net.startAll();
        assertEquals(VrrpState.BACKUP, a.machine.state());
        net.runFor(Duration.ofSeconds(5));
        // 3 × 1 s + (256 − 150)/256 s = 3.414062 s (keepalived truncates to the microsecond)
        assertEquals(ms(3414.062), becameMasterAt(a, 0));
    }

    @Test
    void higherPriorityWinsTheElection() {
        Router low = net.add(v2("low", "10.0.0.9", 100));
        Router high = net.add(v2("high", "10.0.0.1", 150));
        settle(high, low);
        assertEquals(ip("10.0.0.1"), low.machine.masterAddress());
        assertEquals(150, low.machine.masterPriority());
    }

    @Test
    void equalPriorityIsWonByTheHigherAddress() {
        Router lowAddress = net.add(v2("a", "10.0.0.1", 100));
        Router highAddress = net.add(v2("b", "10.0.0.2", 100));
        // Both time out together and, with the adverts still in flight, both become master; on
        // hearing each other the lower address yields to the higher (RFC 5798 §6.4.3).
        net.setDelay(Duration.ofMillis(5));
        settle(highAddress, lowAddress);
        assertTrue(becameMasterAt(lowAddress, 0) >= 0, "both were master for a moment");
    }

    @Test
    void backupTakesOverAfterThreeIntervalsPlusSkewWhenTheMasterDies() {
        Router master = net.add(v2("m", "10.0.0.1", 150));
        Router backup = net.add(v2("b", "10.0.0.2", 100));
        settle(master, backup);
        long lastAdvert = net.firstTime(net.now() - ms(1000), e -> e.instance() == master.machine
                && e.action() instanceof VrrpAction.SendAdvert);
        master.crash();
        net.runFor(Duration.ofSeconds(5));
        // Master_Down_Interval for priority 100: 3 × 1 s + 156/256 s = 3.609375 s after the last advert.
        long took = becameMasterAt(backup, lastAdvert) - lastAdvert;
        assertTrue(Math.abs(took - ms(3609.375)) <= TICK, "took " + took);
        assertTrue(backup.holdsVips);
    }

    @Test
    void orderlyStopHandsOverAfterTheSkewTimeOnly() {
        Router master = net.add(v2("m", "10.0.0.1", 150));
        Router backup = net.add(v2("b", "10.0.0.2", 100));
        settle(master, backup);
        long stoppedAt = net.now();
        master.handle(VrrpEvent.STOP_REQUESTED);
        assertEquals(VrrpState.STOP, master.machine.state());
        assertTrue(!master.holdsVips);
        net.runFor(Duration.ofSeconds(2));
        // Priority 0 received: master_down becomes Skew_Time = 156/256 s = 0.609375 s.
        assertEquals(ms(609.375), becameMasterAt(backup, stoppedAt) - stoppedAt);
    }

    @Test
    void aRecoveredHigherPriorityRouterPreempts() {
        Router master = net.add(v2("m", "10.0.0.1", 150));
        Router backup = net.add(v2("b", "10.0.0.2", 100));
        settle(master, backup);
        master.handle(VrrpEvent.STOP_REQUESTED);
        net.runFor(Duration.ofSeconds(2));
        assertEquals(VrrpState.MASTER, backup.machine.state());

        Router returning = net.add(v2("m2", "10.0.0.1", 150));
        returning.handle(VrrpEvent.STARTUP);
        net.runFor(Duration.ofSeconds(6));
        assertEquals(VrrpState.MASTER, returning.machine.state());
        assertEquals(VrrpState.BACKUP, backup.machine.state());
        assertEquals(1, net.vipHolders("1"));
    }

    @Test
    void nopreemptLeavesTheCurrentMasterInPlace() {
        Router master = net.add(v2("b", "10.0.0.2", 100));
        master.handle(VrrpEvent.STARTUP);
        net.runFor(Duration.ofSeconds(5));
        assertEquals(VrrpState.MASTER, master.machine.state());

        Router better = net.add(v2("a", "10.0.0.1", 150).withPreempt(false, Duration.ZERO));
        better.handle(VrrpEvent.STARTUP);
        net.runFor(Duration.ofSeconds(20));
        assertEquals(VrrpState.BACKUP, better.machine.state());
        assertEquals(VrrpState.MASTER, master.machine.state());

        // Preempt switched on at run time (SNMP vrrpInstancePreempt): it takes over.
        better.handle(new VrrpEvent.PreemptChanged(true));
        net.runFor(Duration.ofSeconds(5));
        assertEquals(VrrpState.MASTER, better.machine.state());
        assertEquals(VrrpState.BACKUP, master.machine.state());
    }

    @Test
    void preemptDelayHoldsOffTheTakeover() {
        Router master = net.add(v2("b", "10.0.0.2", 100));
        master.handle(VrrpEvent.STARTUP);
        net.runFor(Duration.ofSeconds(5));

        Router better = net.add(v2("a", "10.0.0.1", 150).withPreempt(true, Duration.ofSeconds(10)));
        long started = net.now();
        better.handle(VrrpEvent.STARTUP);
        net.runFor(Duration.ofSeconds(30));
        long took = becameMasterAt(better, started) - started;
        // Lower priority adverts are accepted for 10 s from the first one, then ignored, so the
        // takeover comes one master_down (3.414 s) after the last accepted advert.
        assertTrue(took > ms(10_000) && took <= ms(10_000 + 1000 + 3415), "took " + took);
        assertEquals(VrrpState.BACKUP, master.machine.state());
    }

    @Test
    void addressOwnerConfiguredMasterTakesOverAtOnce() {
        Router backup = net.add(v2("b", "10.0.0.2", 100));
        backup.handle(VrrpEvent.STARTUP);
        net.runFor(Duration.ofSeconds(5));
        assertEquals(VrrpState.MASTER, backup.machine.state());

        Router owner = net.add(v2("o", "10.0.0.1", 255).withWantMaster(true));
        long started = net.now();
        owner.handle(VrrpEvent.STARTUP);
        assertEquals(VrrpState.MASTER, owner.machine.state());
        net.runFor(Duration.ofMillis(10));
        assertEquals(VrrpState.BACKUP, backup.machine.state());
        assertEquals(started, becameMasterAt(owner, started));
    }

    @Test
    void loweringTheMastersBasePriorityMovesTheVipAndRaisingItBackPreempts() {
        Router a = net.add(v2("a", "10.0.0.1", 150));
        Router b = net.add(v2("b", "10.0.0.2", 100));
        settle(a, b);

        // SNMP SET vrrpInstanceBasePriority = 50 on the master. keepalived sends nothing at once:
        // its next advert carries 50, the backup (preempting) discards it, and its master_down
        // timer, last reset by a priority 150 advert, runs out. So the VIP moves within one
        // advert interval plus one Master_Down_Interval, not within one advert interval.
        long changed = net.now();
        a.handle(new VrrpEvent.BasePriorityChanged(50));
        assertEquals(50, a.machine.effectivePriority());
        long moved = net.runUntilTrue(() -> b.holdsVips && !a.holdsVips, Duration.ofSeconds(10)) - changed;
        assertTrue(moved <= ms(1000 + 3609.375) + TICK, "moved after " + moved);
        net.runFor(ONE_SECOND);
        assertEquals(VrrpState.BACKUP, a.machine.state());

        long raised = net.now();
        a.handle(new VrrpEvent.BasePriorityChanged(150));
        long back = net.runUntilTrue(() -> a.holdsVips && !b.holdsVips, Duration.ofSeconds(10)) - raised;
        // a (150) now discards b's priority 100 adverts and takes over at its own master_down.
        assertTrue(back <= ms(1000 + 3414.062) + TICK, "back after " + back);
        assertEquals(1, net.vipHolders("1"));
    }

    @Test
    void v3AtTenMillisecondsFailsOverInThirtySixMilliseconds() {
        Duration tenMs = Duration.ofMillis(10);
        Router master = net.add(v3("m", "10.0.0.1", 150, tenMs));
        Router backup = net.add(v3("b", "10.0.0.2", 100, tenMs));
        settle(master, backup);
        long lastAdvert = net.firstTime(net.now() - ms(10), e -> e.instance() == master.machine
                && e.action() instanceof VrrpAction.SendAdvert);
        master.crash();
        net.runFor(ONE_SECOND);
        // 3 × 10 ms + (156 × 1 cs × 625 / 16) µs = 30 ms + 6.093 ms
        assertEquals(ms(36.093), becameMasterAt(backup, lastAdvert) - lastAdvert);
    }

    @Test
    void v3BackupAdoptsTheMastersAdvertInterval() {
        Router master = net.add(v3("m", "10.0.0.1", 150, Duration.ofMillis(100)));
        Router backup = net.add(v3("b", "10.0.0.2", 100, ONE_SECOND));
        settle(master, backup);
        assertEquals(100_000, backup.machine.masterAdvertIntervalMicros());
        // 3 × 100 ms + 156 × 10 cs × 625 / 16 µs = 300 ms + 60.937 ms
        assertEquals(360_937, backup.machine.masterDownMicros());
        long lastAdvert = net.firstTime(net.now() - ms(100), e -> e.instance() == master.machine
                && e.action() instanceof VrrpAction.SendAdvert);
        master.crash();
        net.runFor(Duration.ofSeconds(2));
        assertEquals(ms(360.937), becameMasterAt(backup, lastAdvert) - lastAdvert);
        // As master it advertises its own interval again.
        assertEquals(1_000_000, backup.machine.masterAdvertIntervalMicros());
    }

    @Test
    void lostAdvertsBelowTheThresholdDoNotCauseATakeover() {
        Router master = net.add(v2("m", "10.0.0.1", 150));
        Router backup = net.add(v2("b", "10.0.0.2", 100));
        net.setDelay(Duration.ofMillis(2));
        settle(master, backup);
        int[] count = {0};
        net.setLoss(e -> e.instance() == master.machine && count[0]++ % 3 != 2); // lose 2 of every 3
        net.runFor(Duration.ofSeconds(30));
        assertEquals(VrrpState.BACKUP, backup.machine.state());
        assertEquals(1, net.vipHolders("1"));
    }
}
