package org.keepalive4j.vrrp.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.keepalive4j.testlib.NetnsLab;
import org.keepalive4j.testlib.Root;

/**
 * Two keepalive4j directors in lab namespaces, told as the operator's stories: who holds the VIP, how
 * fast the backup takes over when the master dies or stops, preemption, VRRPv3 over IPv4 and IPv6,
 * unicast, a tracking script and notify scripts, the tie-break by address, preempt_delay, AH authentication
 * and a sync group spanning two links.
 *
 * <p>Timing tolerance: the checks poll {@code ip addr} about every 20-50 ms (each is a fork/exec), the
 * engine adds the address within a few ms of its timer firing, and the JVM's pauses on this tiny heap
 * are tens of ms; {@link #TOLERANCE} (400 ms) covers these with room to spare on a loaded CI machine,
 * while still being far below one advert interval, so a takeover that waited for one more interval
 * fails.
 */
class VrrpEngineIT {

    private static final Duration TOLERANCE = Duration.ofMillis(400);
    private static final String VIP = "10.77.0.100/24";
    private static final Duration ELECTION = Duration.ofSeconds(20);

    private static NetnsLab lab;
    private final List<Director> directors = new ArrayList<>();

    @BeforeAll
    static void lab() {
        Root.assume();
        lab = NetnsLab.builder().hosts(2).ipv6().secondLink().start();
    }

    @AfterAll
    static void closeLab() {
        if (lab != null) {
            lab.close();
        }
    }

    @AfterEach
    void stopDirectors() {
        directors.forEach(Director::stopAll);
    }

    @Test
    void theHigherPriorityDirectorHoldsTheVipAndTheBackupTakesOverWhenItIsKilled() {
        Director d1 = director(1, instance("MASTER", 150, "1", "", VIP, notifyTo(1)));
        Director d2 = director(2, instance("BACKUP", 100, "1", "", VIP, notifyTo(2)));
        d2.start();
        d1.start();
        awaitVipOn(d1, d2, VIP, ELECTION);
        await("director 1 notify_master ran", ELECTION, () -> notified(1).contains("INSTANCE VI_1 MASTER 150"));
        await("director 2 notify_backup ran", ELECTION, () -> notified(2).contains("INSTANCE VI_1 BACKUP 100"));
        assertTrue(notified(1).contains("MASTER-ONLY"), notified(1));
        assertEquals(1, d1.loopThreadPolicy(), "the VRRP loop thread runs SCHED_FIFO");

        String stats = d1.stats();
        assertTrue(stats.contains("vrrp.VI_1.state MASTER\n"), stats);
        assertTrue(stats.contains("vrrp.VI_1.effective_priority 150\n"), stats);
        assertTrue(stats.contains("vrrp.VI_1.drop.AUTH_FAILURE 0\n"), stats);
        assertTrue(stats.contains("vrrp.unknown_vrid 0\n"), stats);

        long killed = System.nanoTime();
        d1.kill();
        // master_down = 3 x advert_int + skew, skew = (256 - 100) / 256 s for the backup's priority 100
        Duration limit = Duration.ofMillis(3000 + 156 * 1000 / 256).plus(TOLERANCE);
        Duration took = awaitVip(d2, VIP, limit.plusSeconds(5), killed);
        report("SIGKILL failover (v2, 1 s): VIP on the backup after ", took, limit);
        assertTrue(took.compareTo(limit) <= 0, "took " + took.toMillis() + " ms, limit " + limit.toMillis());
    }

    @Test
    void anOrderlyStopHandsOverAfterTheSkewAndARestartedMasterPreemptsBack() {
        Director d1 = director(1, instance("MASTER", 150, "1", "", VIP, ""));
        Director d2 = director(2, instance("BACKUP", 100, "1", "", VIP, ""));
        d1.start();
        d2.start();
        awaitVipOn(d1, d2, VIP, ELECTION);

        long stopped = System.nanoTime();
        d1.process().signal("TERM");
        // a priority 0 advert makes the backup take over after its skew alone
        Duration limit = Duration.ofMillis(156 * 1000 / 256).plus(TOLERANCE);
        Duration took = awaitVip(d2, VIP, limit.plusSeconds(5), stopped);
        report("SIGTERM failover (v2, 1 s): VIP on the backup after ", took, limit);
        assertEquals(0, d1.process().waitForExit(Duration.ofSeconds(15)));
        assertFalse(d1.hasVip(VIP), "the stopped director released the VIP");
        assertTrue(took.compareTo(limit) <= 0, "took " + took.toMillis() + " ms, limit " + limit.toMillis());
        assertTrue(d2.stats().contains("vrrp.VI_1.priority_zero_received 1\n"));

        d1.start();
        awaitVipOn(d1, d2, VIP, ELECTION);
    }

    @Test
    void withNopreemptARestartedHigherPriorityDirectorStaysBackup() {
        Director d1 = director(1, instance("BACKUP", 150, "1", "nopreempt", VIP, ""));
        Director d2 = director(2, instance("BACKUP", 100, "1", "nopreempt", VIP, ""));
        d2.start();
        awaitVip(d2, VIP, ELECTION);
        d1.start();
        // one master_down interval (3 x 1 s + skew) and a margin: a preemption would have happened by now
        Director.sleep(5000);
        assertTrue(d2.hasVip(VIP));
        assertFalse(d1.hasVip(VIP));
        assertTrue(d1.stats().contains("vrrp.VI_1.state BACKUP\n"));
    }

    @Test
    void vrrpV3At100MillisecondsFailsOverWithinThreeIntervalsAndTheSkew() {
        Director d1 = director(1, "global_defs {\n  vrrp_version 3\n}\n" + instance("MASTER", 150, "0.1", "", VIP, ""));
        Director d2 = director(2, "global_defs {\n  vrrp_version 3\n}\n" + instance("BACKUP", 100, "0.1", "", VIP, ""));
        d1.start();
        d2.start();
        awaitVipOn(d1, d2, VIP, ELECTION);
        long killed = System.nanoTime();
        d1.kill();
        // RFC 5798: skew = (256 - priority) x interval / 256
        Duration limit = Duration.ofMillis(300 + 156 * 100 / 256).plus(TOLERANCE);
        Duration took = awaitVip(d2, VIP, limit.plusSeconds(5), killed);
        report("SIGKILL failover (v3, 100 ms): VIP on the backup after ", took, limit);
        assertTrue(took.compareTo(limit) <= 0, "took " + took.toMillis() + " ms, limit " + limit.toMillis());
    }

    @Test
    void vrrpV3OverIpv6MovesAnIpv6Vip() {
        String vip6 = "fd00:77::100/64";
        Director d1 = director(1, instance("MASTER", 150, "1", "", vip6, ""));
        Director d2 = director(2, instance("BACKUP", 100, "1", "", vip6, ""));
        d1.start();
        d2.start();
        awaitVipOn(d1, d2, vip6, ELECTION);
        d1.kill();
        awaitVip(d2, vip6, Duration.ofSeconds(10));
        assertTrue(d2.stats().contains("vrrp.VI_1.state MASTER\n"));
    }

    @Test
    void unicastPeersElectAndFailOver() {
        Director d1 = director(1, instance("MASTER", 150, "1",
                "unicast_src_ip 10.77.0.11\n  unicast_peer {\n    10.77.0.12\n  }", VIP, ""));
        Director d2 = director(2, instance("BACKUP", 100, "1",
                "unicast_src_ip 10.77.0.12\n  unicast_peer {\n    10.77.0.11\n  }", VIP, ""));
        d1.start();
        d2.start();
        awaitVipOn(d1, d2, VIP, ELECTION);
        awaitAdvertsReceived(d2);
        d1.kill();
        awaitVip(d2, VIP, Duration.ofSeconds(10));
    }

    @Test
    void aFailingTrackScriptLowersThePriorityAndTheVipMoves() throws IOException {
        Path flag = lab.host(1).workDir().resolve("healthy");
        Files.writeString(flag, "ok");
        String script = "vrrp_script chk_flag {\n  script \"/usr/bin/test -e " + flag + "\"\n  interval 1\n"
                + "  weight -60\n}\n";
        Director d1 = director(1, script + instance("MASTER", 150, "1", "track_script {\n    chk_flag\n  }", VIP, ""));
        Director d2 = director(2, instance("BACKUP", 100, "1", "", VIP, ""));
        d1.start();
        d2.start();
        awaitVipOn(d1, d2, VIP, ELECTION);

        Files.delete(flag);
        // 150 - 60 = 90 < 100: the backup preempts after the script's next run and one advert
        awaitVipOn(d2, d1, VIP, Duration.ofSeconds(10));
        assertTrue(d1.stats().contains("vrrp.VI_1.effective_priority 90\n"));

        Files.writeString(flag, "ok");
        awaitVipOn(d1, d2, VIP, Duration.ofSeconds(10));
    }

    @Test
    void aReloadRestartsAnInstanceWhoseVridChangedAndLeavesTheOtherRunning() {
        String vi1 = instance("VI_1", 51, "MASTER", 150, "1", "", VIP, "");
        Director d1 = director(1, vi1 + instance("VI_2", 52, "MASTER", 150, "1", "", "10.77.0.101/24", ""));
        d1.start();
        await("both VIPs on director 1", ELECTION, () -> d1.hasVip(VIP) && d1.hasVip("10.77.0.101/24"));

        // a new VRID is another virtual router: that, unlike a new priority (ReloadIT), needs a restart
        d1.rewrite(vi1 + instance("VI_2", 53, "MASTER", 120, "1", "", "10.77.0.101/24", ""));
        d1.process().signal("HUP");
        d1.process().waitForOutput("Configuration reloaded", Duration.ofSeconds(10));
        d1.process().waitForOutput("\\(VI_2\\) Restarting for the reload: virtualRouterId, priority changed",
                Duration.ofSeconds(1));
        d1.process().waitForOutput("\\(VI_2\\) Stopping for the reload", Duration.ofSeconds(1));
        await("VI_2 master again", Duration.ofSeconds(10), () -> d1.hasVip("10.77.0.101/24"));

        String stats = d1.stats();
        assertTrue(stats.contains("vrrp.VI_1.state MASTER\n"), stats);
        assertTrue(stats.contains("vrrp.VI_1.became_master 1\n"), stats);
        assertTrue(stats.contains("vrrp.VI_1.released_master 0\n"), stats);
        assertTrue(stats.contains("vrrp.VI_2.effective_priority 120\n"), stats);
        // the daemon logs to stderr (-l)
        assertFalse(d1.process().stderr().contains("(VI_1) Stopping"), "VI_1 was restarted");
        assertFalse(d1.process().stderr().contains("(VI_1) Updated"), "VI_1 did not change");
        assertTrue(d1.hasVip(VIP));
    }

    @Test
    void afterASplitBrainHealsTheHigherAddressKeepsTheVipAtEqualPriority() {
        Director d1 = director(1, instance("BACKUP", 100, "1", "", VIP, ""));
        Director d2 = director(2, instance("BACKUP", 100, "1", "", VIP, ""));
        // the split: each host drops every VRRP packet it receives, so both elect themselves
        partitionVrrp(1, true);
        partitionVrrp(2, true);
        try {
            d1.start();
            d2.start();
            await("both directors master during the split", ELECTION, () -> d1.hasVip(VIP) && d2.hasVip(VIP));
        } finally {
            partitionVrrp(1, false);
            partitionVrrp(2, false);
        }
        // RFC 3768 6.4.3: a master hearing an equal priority advert from a higher primary address yields;
        // 10.77.0.12 > 10.77.0.11, so director 2 keeps the VIP and director 1 steps down within an advert
        awaitVipOn(d2, d1, VIP, Duration.ofSeconds(3));
        Director.sleep(3000); // no flapping back: the lower address stays backup
        assertTrue(d2.hasVip(VIP) && !d1.hasVip(VIP));
        assertTrue(d1.stats().contains("vrrp.VI_1.state BACKUP\n"));
        assertTrue(d2.stats().contains("vrrp.VI_1.state MASTER\n"));
    }

    @Test
    void preemptDelayHoldsAHigherPriorityBackupBackForTheDelay() {
        Director d2 = director(2, instance("MASTER", 100, "1", "", VIP, ""));
        d2.start();
        awaitVip(d2, VIP, ELECTION);
        Director d1 = director(1, instance("BACKUP", 150, "1", "preempt_delay 4", VIP, ""));
        d1.start();
        long started = System.nanoTime();
        // the delay runs from the first lower priority advert (within 1 s of the start); until it ends
        // the advert is obeyed, then it is ignored and master_down (3 s + skew 0.4 s) runs out
        await("director 1 holds the VIP", Duration.ofSeconds(20), () -> d1.hasVip(VIP));
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        report("preempt_delay 4 s: the higher priority backup preempted after ", took, Duration.ofMillis(9400));
        assertTrue(took.toMillis() >= 4000, "preempted after " + took.toMillis() + " ms, before preempt_delay");
        assertTrue(took.toMillis() <= 1000 + 4000 + 3400 + 1000, "took " + took.toMillis() + " ms");
        awaitVipOn(d1, d2, VIP, Duration.ofSeconds(3));
    }

    @Test
    void vrrpV2WithAhAuthenticationElectsAndFailsOver() {
        Director d1 = director(1, ah(instance("MASTER", 150, "1", "", VIP, "")));
        Director d2 = director(2, ah(instance("BACKUP", 100, "1", "", VIP, "")));
        d1.start();
        d2.start();
        awaitVipOn(d1, d2, VIP, ELECTION);
        String backupStats = awaitAdvertsReceived(d2);
        assertTrue(backupStats.contains("vrrp.VI_1.drop.AUTH_FAILURE 0\n"), backupStats);
        d1.kill();
        awaitVip(d2, VIP, Duration.ofSeconds(10));
    }

    @Test
    void aSyncGroupOnTwoLinksMovesBothInstancesWhenOneLinkFails() {
        String vip2 = "10.78.0.100/24";
        Director d1 = director(1, syncGroup(1) + instance("VI_1", 51, "MASTER", 150, "1", "", VIP, "")
                + onSecondLink(instance("VI_2", 52, "MASTER", 150, "1", "", vip2, "")));
        Director d2 = director(2, syncGroup(2) + instance("VI_1", 51, "BACKUP", 100, "1", "", VIP, "")
                + onSecondLink(instance("VI_2", 52, "BACKUP", 100, "1", "", vip2, "")));
        d1.start();
        d2.start();
        await("director 1 alone holds both VIPs", ELECTION, () -> d1.hasVip(VIP) && d1.hasVip(vip2)
                && !d2.hasVip(VIP) && !d2.hasVip(vip2));
        await("group notify on director 1", ELECTION, () -> notified(1).contains("GROUP G1 MASTER"));

        // only eth1's cable is pulled: VI_2 faults, and the group takes VI_1 down with it
        lab.host(1).secondLinkDown();
        try {
            await("director 2 holds both VIPs", Duration.ofSeconds(10), () -> d2.hasVip(VIP) && d2.hasVip(vip2));
            await("director 1 released both", Duration.ofSeconds(5), () -> !d1.hasVip(VIP) && !d1.hasVip(vip2));
            String stats = d1.stats();
            assertTrue(stats.contains("vrrp.VI_2.state FAULT\n"), stats);
            // as in keepalived, a faulted member takes the whole group, and so every member, to FAULT
            assertTrue(stats.contains("vrrp.VI_1.state FAULT\nvrrp.VI_1.wanted_state FAULT\n"), stats);
            await("group notify on director 2", Duration.ofSeconds(5), () -> notified(2).contains("GROUP G1 MASTER"));
        } finally {
            lab.host(1).secondLinkUp();
        }
        await("director 1 takes both back", Duration.ofSeconds(20), () -> d1.hasVip(VIP) && d1.hasVip(vip2)
                && !d2.hasVip(VIP) && !d2.hasVip(vip2));
    }

    @Test
    void aMasterWhoseInterfaceIsDeletedAndCreatedAgainResumesOnTheNewOne() {
        Director d1 = director(1, instance("MASTER", 150, "1", "", VIP, ""));
        Director d2 = director(2, instance("BACKUP", 100, "1", "", VIP, ""));
        d1.start();
        d2.start();
        awaitVipOn(d1, d2, VIP, ELECTION);

        lab.host(1).deleteLink();
        awaitVip(d2, VIP, Duration.ofSeconds(10));
        assertTrue(d1.stats().contains("vrrp.VI_1.state FAULT\n"));
        lab.host(1).createLinkAgain();
        // the old socket is bound to the deleted interface's index: only a fresh one lets director 1 be
        // heard again and preempt (and only then does director 2 let go)
        awaitVipOn(d1, d2, VIP, Duration.ofSeconds(15));
        d1.process().waitForOutput("reopened .* socket", Duration.ofSeconds(1));
    }

    // ------------------------------------------------------------------ helpers

    /** The measured figure goes to the test output, for the report and for regressions. */
    private static void report(String what, Duration took, Duration limit) {
        System.out.printf("VrrpEngineIT: %s%d ms (limit %d ms)%n", what, took.toMillis(), limit.toMillis());
    }

    private Director director(int host, String config) {
        Director d = new Director(lab.host(host), config);
        directors.add(d);
        return d;
    }

    /** A vrrp_instance VI_1 on eth0, VRID 51, PASS authentication for VRRPv2. */
    private static String instance(String state, int priority, String advertInt, String extra, String vip,
                                   String notify) {
        return instance("VI_1", 51, state, priority, advertInt, extra, vip, notify);
    }

    static String instance(String name, int vrid, String state, int priority, String advertInt, String extra,
                                   String vip, String notify) {
        return "vrrp_instance " + name + " {\n  state " + state + "\n  interface eth0\n  virtual_router_id " + vrid
                + "\n"
                + "  priority " + priority + "\n  advert_int " + advertInt + "\n"
                + "  authentication {\n    auth_type PASS\n    auth_pass k4jtest\n  }\n"
                + "  " + extra + "\n" + notify
                + "  virtual_ipaddress {\n    " + vip + "\n  }\n}\n";
    }

    private static String ah(String config) {
        return config.replace("auth_type PASS", "auth_type AH");
    }

    private static String onSecondLink(String instance) {
        return instance.replace("interface eth0", "interface eth1");
    }

    /** vrrp_sync_group G1 of VI_1 and VI_2, with a group notify script logging to the host's notify.log. */
    private static String syncGroup(int host) {
        Path dir = lab.host(host).workDir();
        Path script = dir.resolve("group-notify.sh");
        Director.write(script, "#!/bin/sh\necho \"$*\" >> " + dir.resolve("notify.log") + "\n");
        script.toFile().setExecutable(true);
        return "vrrp_sync_group G1 {\n  group {\n    VI_1\n    VI_2\n  }\n  notify \"" + script + "\"\n}\n";
    }

    /** Drops (or stops dropping) every VRRP packet arriving at a host, with an nftables table of the test's own. */
    private static void partitionVrrp(int host, boolean drop) {
        if (drop) {
            lab.host(host).exec("nft", "add table inet k4j_split; add chain inet k4j_split in "
                    + "{ type filter hook input priority 0; }; add rule inet k4j_split in meta l4proto 112 drop")
                    .orThrow();
        } else {
            lab.host(host).exec("nft", "delete table inet k4j_split").orThrow();
        }
    }

    /** A generic notify script and a notify_master one, both appending their argv to a file. */
    private static String notifyTo(int host) {
        Path dir = lab.host(host).workDir();
        Path script = dir.resolve("notify.sh");
        Director.write(script, "#!/bin/sh\necho \"$*\" >> " + dir.resolve("notify.log") + "\n");
        script.toFile().setExecutable(true);
        return "  notify \"" + script + "\"\n  notify_master \"" + script + " MASTER-ONLY\"\n";
    }

    private static String notified(int host) {
        try {
            Path log = lab.host(host).workDir().resolve("notify.log");
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Waits until {@code master} has the VIP and {@code backup} does not. */
    private static void awaitVipOn(Director master, Director backup, String vip, Duration timeout) {
        await(master.host() + " alone holds " + vip, timeout, () -> master.hasVip(vip) && !backup.hasVip(vip));
    }

    /**
     * Waits until the backup has counted an advert from the master and returns its stats. The master may
     * hold the VIP before the backup's JVM is up (its configured state is MASTER), so the count is awaited
     * rather than read once; three advert intervals are plenty once the backup runs.
     */
    private static String awaitAdvertsReceived(Director backup) {
        String[] last = {""};
        try {
            await(backup.host() + " counted adverts from the master", Duration.ofSeconds(10), () -> {
                last[0] = backup.stats();
                return last[0].matches("(?s).*vrrp\\.VI_1\\.adverts_received [1-9].*");
            });
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; last statistics:\n" + last[0], e);
        }
        return last[0];
    }

    private static Duration awaitVip(Director d, String vip, Duration timeout) {
        return awaitVip(d, vip, timeout, System.nanoTime());
    }

    /** Waits for the VIP on {@code d}; returns the time since {@code since} (System.nanoTime()). */
    private static Duration awaitVip(Director d, String vip, Duration timeout, long since) {
        await(d.host() + " holds " + vip, timeout, () -> d.hasVip(vip));
        return Duration.ofNanos(System.nanoTime() - since);
    }

    static void await(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + ": not within " + timeout.toMillis() + " ms");
            }
            Director.sleep(10);
        }
    }
}
