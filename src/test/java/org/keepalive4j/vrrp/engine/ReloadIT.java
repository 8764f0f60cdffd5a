package org.keepalive4j.vrrp.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.keepalive4j.vrrp.engine.VrrpEngineIT.await;
import static org.keepalive4j.vrrp.engine.VrrpEngineIT.instance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.keepalive4j.testlib.CommandResult;
import org.keepalive4j.testlib.ManagedProcess;
import org.keepalive4j.testlib.NetSnmp;
import org.keepalive4j.testlib.NetnsLab;
import org.keepalive4j.testlib.Root;
import org.keepalive4j.vrrp.engine.AdvertCapture.Advert;

/**
 * SIGHUP without flap, measured on the wire: a keepalive4j master and a backup (keepalive4j, then Debian's
 * keepalived) in lab namespaces, tcpdump on
 * the backup's side recording every advert with its capture time, {@code ip monitor address} on both
 * recording every change of the VIP. Across reloads that keep, change, add and remove things, the master's
 * adverts for the surviving instance never pause longer than one interval plus {@link #JITTER}, its VIP
 * is never taken off, and the backup never takes over.
 *
 * <p>Tolerance: adverts are 1 s apart; a gap ≤ 1.3 s allows 300 ms of lateness on a loaded CI machine
 * (the bench measured < 10 ms on a quiet one), while a restart (priority 0, addresses off, a new
 * master_down of 3.6 s) or one skipped advert (2 s) fails it.
 */
class ReloadIT {

    private static final String VIP = "10.77.0.100/24";
    private static final Duration JITTER = Duration.ofMillis(300);
    private static final Duration ELECTION = Duration.ofSeconds(30);
    /** How long the capture goes on after a reload before its gaps are measured. */
    private static final long AFTER_RELOAD_MILLIS = 3500;

    private static NetnsLab lab;
    private final List<Director> directors = new ArrayList<>();
    private final List<AutoCloseable> closeables = new ArrayList<>();
    private final List<String> figures = new ArrayList<>();

    /** The master's and the backup's own addresses: the sources of their adverts. */
    private static String masterIp;
    private static String backupIp;

    @BeforeAll
    static void lab() {
        Root.assume();
        lab = NetnsLab.builder().hosts(2).start();
        masterIp = lab.host(1).ipv4();
        backupIp = lab.host(2).ipv4();
    }

    @AfterAll
    static void closeLab() {
        if (lab != null) {
            lab.close();
        }
    }

    @AfterEach
    void stop() throws Exception {
        directors.forEach(Director::stopAll);
        for (AutoCloseable c : closeables) {
            c.close();
        }
        figures.forEach(f -> System.out.println("ReloadIT: " + f));
    }

    /**
     * @param backupDaemon keepalive4j, or Debian's keepalived: the reference must see our reloads as
     *                     nothing but a master advertising on
     */
    @ParameterizedTest(name = "backup {0}")
    @ValueSource(strings = {"keepalive4j", "keepalived"})
    void sighupKeepsTheMasterAdvertisingAndItsVipThroughEveryKindOfChange(String backupDaemon) {
        String vi1 = vi1(150, "1", VIP);
        Director master = director(1, vi1);
        String backupConfig = instance("VI_1", 51, "BACKUP", 100, "1", "", VIP, "");
        Backup backup = backupDaemon.equals("keepalived") ? new KeepalivedBackup(backupConfig)
                : new K4jBackup(director(2, backupConfig));
        AdvertCapture capture = capture(2);
        master.start();
        backup.start();
        await("the master alone holds the VIP", ELECTION,
                () -> master.hasVip(VIP) && !lab.host(2).hasAddress(VIP) && backup.log().contains("Entering BACKUP"));
        ManagedProcess masterAddresses = monitorAddresses(1);
        ManagedProcess backupAddresses = monitorAddresses(2);
        // from here on: the start-up election (the backup may start first and be master for a moment) is over
        int backupLogFrom = backup.log().length();
        long storyFrom = AdvertCapture.nowMicros();
        await("adverts on the wire", Duration.ofSeconds(5), () -> capture.from(masterIp, 51, storyFrom).size() >= 2);

        // (a) the same file: nothing changes, nothing restarts
        step(master, capture, "(a) unchanged configuration", vi1, 1, Duration.ofSeconds(1));
        assertFalse(output(master).contains("(VI_1) Updated"), "an unchanged VI_1 was touched");

        // (b) a new priority, still above the backup's: in place, and the next adverts carry it
        String lowered = vi1(140, "1", VIP);
        long b = step(master, capture, "(b) priority 150 -> 140", lowered, 2, Duration.ofSeconds(1));
        master.process().waitForOutput("\\(VI_1\\) Updated in place: priority changed; MASTER, priority 140",
                Duration.ofSeconds(1));
        List<Advert> afterB = capture.from(masterIp, 51, b);
        assertFalse(afterB.isEmpty());
        assertTrue(afterB.stream().allMatch(a -> a.priority() == 140), "adverts after the reload: " + afterB);

        // (c) a VIP added to VI_1 and a second instance added (before VI_1 in the file). VRRP peers check
        // each other's address lists (a backup drops adverts whose list differs from its own, and would
        // take over), so the operator changes both: the backup first, the master within its master_down.
        backup.reload(instance("VI_1", 51, "BACKUP", 100, "1", "", VIP + "\n    10.77.0.102/24", ""));
        String withMore = instance("VI_2", 52, "BACKUP", 150, "1", "", "10.77.0.101/24", "")
                + vi1(140, "1", VIP + "\n    10.77.0.102/24");
        long c = step(master, capture, "(c) VIP 10.77.0.102 and instance VI_2 added", withMore, 3,
                Duration.ofSeconds(1));
        master.process().waitForOutput("\\(VI_1\\) Updated in place: virtualAddresses changed", Duration.ofSeconds(1));
        assertTrue(master.hasVip("10.77.0.102/24"), "the added VIP is on the master");
        assertTrue(capture.sawGratuitousArp("10.77.0.102"), "gratuitous ARP for the added VIP");
        await("VI_2 master", Duration.ofSeconds(10), () -> master.hasVip("10.77.0.101/24"));
        assertTrue(capture.from(masterIp, 52, c).size() > 0, "VI_2 advertises");

        // (d) VI_2 removed again: it says goodbye (priority 0) and drops its VIP; VI_1 is untouched
        String withoutVi2 = vi1(140, "1", VIP + "\n    10.77.0.102/24");
        step(master, capture, "(d) instance VI_2 removed", withoutVi2, 4, Duration.ofSeconds(1));
        master.process().waitForOutput("\\(VI_2\\) Stopping removed from the configuration", Duration.ofSeconds(1));
        assertFalse(master.hasVip("10.77.0.101/24"), "the removed instance's VIP is gone");
        assertTrue(capture.from(masterIp, 52, c).stream().anyMatch(a -> a.priority() == 0),
                "the removed instance sent priority 0");

        // (e) a file with an error: rejected with file, line and keyword; the running configuration stays
        String broken = withoutVi2.replace("priority 140", "priority 300");
        int line = lineOf(broken, "priority 300");
        step(master, capture, "(e) configuration with an error", broken, 0, Duration.ofSeconds(1));
        master.process().waitForOutput("keepalived\\.conf:" + line + ": error: 'priority': 300 is outside 1\\.\\.255",
                Duration.ofSeconds(1));
        master.process().waitForOutput("Reload failed with 1 error\\(s\\); still running the previous configuration",
                Duration.ofSeconds(1));
        assertTrue(master.stats().contains("vrrp.VI_1.effective_priority 140\n"));

        // (f) advert_int 1 -> 2 s on both (VRRPv2 peers must agree): adverts go on at the new interval
        backup.reload(instance("VI_1", 51, "BACKUP", 100, "2", "", VIP + "\n    10.77.0.102/24", ""));
        long f = step(master, capture, "(f) advert_int 1 s -> 2 s", vi1(140, "2", VIP + "\n    10.77.0.102/24"), 5,
                Duration.ofSeconds(2));
        Director.sleep(4000);
        List<Advert> afterF = capture.from(masterIp, 51, f + 500_000);
        assertTrue(afterF.size() >= 3, "adverts after the reload: " + afterF);
        for (int i = 1; i < afterF.size(); i++) {
            long gap = afterF.get(i).micros() - afterF.get(i - 1).micros();
            assertTrue(gap >= 1_700_000 && gap <= 2_000_000 + JITTER.toNanos() / 1000,
                    "adverts every 2 s after the reload: " + afterF);
        }

        // the whole story: VI_1 never left MASTER, the VIP never left the master, the backup never spoke
        assertFalse(output(master).contains("(VI_1) Stopping"), "VI_1 was restarted");
        String stats = master.stats();
        assertTrue(stats.contains("vrrp.VI_1.became_master 1\n") && stats.contains("vrrp.VI_1.released_master 0\n"),
                "VI_1 left MASTER:\n" + stats);
        assertTrue(masterAddresses.stdout().contains(" 10.77.0.102/"), "the monitor saw the added VIP");
        assertTrue(masterAddresses.stdout().lines().anyMatch(l -> l.contains("Deleted") && l.contains(" 10.77.0.101/")),
                "the monitor saw the removed instance's VIP go:\n" + masterAddresses.stdout());
        assertFalse(masterAddresses.stdout().lines().anyMatch(l -> l.contains("Deleted") && l.contains(" 10.77.0.100/")),
                "the VIP was taken off the master:\n" + masterAddresses.stdout());
        String backupLog = backup.log().substring(backupLogFrom);
        assertFalse(backupAddresses.stdout().contains(" 10.77.0.100/"),
                "the backup put the VIP on:\n" + backupAddresses.stdout() + "\nbackup log:\n"
                        + backupLog.lines().filter(l -> l.contains("VI_1")).collect(Collectors.joining("\n")));
        assertFalse(backupLog.contains("(VI_1) Entering MASTER"), "the backup became master:\n" + backupLog);
        assertTrue(capture.from(backupIp, 51, storyFrom).isEmpty(),
                "the backup sent adverts: " + capture.from(backupIp, 51, storyFrom));
        Duration whole = AdvertCapture.largestGap(capture.from(masterIp, 51, storyFrom));
        figures.add("backup " + backupDaemon + ": largest gap between VI_1 adverts over the whole story: "
                + whole.toMillis() + " ms");
    }

    @Test
    void anSnmpOverrideSurvivesReloadsUntilTheFileChangesThatPriorityAndRowIndexesStay() {
        NetSnmp snmp = NetSnmp.unixMaster(lab.host(1));
        closeables.add(snmp);
        snmp.startSnmpd();
        String vi0 = instance("VI_0", 50, "MASTER", 100, "1", "", "10.77.0.110/24", "");
        String vi1 = vi1(150, "1", VIP);
        Director master = director(1, vi0 + vi1).flags("-P", "-x", "-A", snmp.agentxSocket());
        AdvertCapture capture = capture(2);
        master.start();
        await("VI_1 master", ELECTION, () -> master.hasVip(VIP));
        await("the MIB served", Duration.ofSeconds(10),
                () -> snmp.walkValues("KEEPALIVED-MIB::vrrpInstanceName").equals(List.of("VI_0", "VI_1")));

        CommandResult set = snmp.set("KEEPALIVED-MIB::vrrpInstanceBasePriority.2", "i", "120");
        assertTrue(set.ok(), set.describe());
        await("adverts at the set priority", Duration.ofSeconds(3),
                () -> capture.adverts().stream().anyMatch(a -> a.vrid() == 51 && a.priority() == 120));

        // SIGHUP with the same file: the operator's priority stays, in the MIB and on the wire
        long a = step(master, capture, "(snmp) unchanged configuration with a priority override", vi0 + vi1, 1,
                Duration.ofSeconds(1));
        assertEquals("120", snmp.get("KEEPALIVED-MIB::vrrpInstanceBasePriority.2"));
        assertEquals("120", snmp.get("KEEPALIVED-MIB::vrrpInstanceEffectivePriority.2"));
        assertTrue(capture.from(masterIp, 51, a).stream().allMatch(x -> x.priority() == 120));

        // VI_0, before VI_1 in the file, removed, and a VIP added to VI_1: VI_1 is updated in place and
        // keeps index 2 and its override (the file did not change its priority)
        long b = step(master, capture, "(snmp) the instance before VI_1 removed, a VIP added to VI_1",
                vi1(150, "1", VIP + "\n    10.77.0.102/24"), 2, Duration.ofSeconds(1));
        assertTrue(output(master).contains("(VI_1) Updated in place: virtualAddresses changed; MASTER, priority 120"),
                output(master));
        assertEquals("VI_1", snmp.get("KEEPALIVED-MIB::vrrpInstanceName.2"));
        assertEquals(List.of("VI_1"), snmp.walkValues("KEEPALIVED-MIB::vrrpInstanceName"));
        assertEquals("120", snmp.get("KEEPALIVED-MIB::vrrpInstanceBasePriority.2"));
        assertTrue(capture.from(masterIp, 51, b).stream().allMatch(x -> x.priority() == 120));
        assertTrue(master.hasVip("10.77.0.102/24"));
        assertFalse(master.hasVip("10.77.0.110/24"), "the removed VI_0 took its VIP away");

        // the file changes VI_1's priority: the administrator's file wins over the old override; a new
        // instance gets a new index (3), never VI_0's freed 1
        String vi3 = instance("VI_3", 53, "BACKUP", 100, "1", "", "10.77.0.113/24", "");
        long c = step(master, capture, "(snmp) VI_1 priority 150 -> 130 in the file, VI_3 added",
                vi1(130, "1", VIP) + vi3, 3, Duration.ofSeconds(1));
        assertEquals("130", snmp.get("KEEPALIVED-MIB::vrrpInstanceBasePriority.2"));
        await("effective priority 130", Duration.ofSeconds(2),
                () -> snmp.get("KEEPALIVED-MIB::vrrpInstanceEffectivePriority.2").equals("130"));
        assertTrue(capture.from(masterIp, 51, c).stream().skip(1).allMatch(x -> x.priority() == 130),
                capture.from(masterIp, 51, c).toString());
        assertEquals("VI_3", snmp.get("KEEPALIVED-MIB::vrrpInstanceName.3"));
        assertEquals(List.of("VI_1", "VI_3"), snmp.walkValues("KEEPALIVED-MIB::vrrpInstanceName"));
        assertFalse(output(master).contains("(VI_1) Stopping"), "VI_1 was restarted");
    }

    // ------------------------------------------------------------------ helpers

    /**
     * Writes {@code config}, sends SIGHUP, waits for the daemon to finish the reload ({@code reloadNumber}
     * "Configuration reloaded (reload N)", or 0 for a rejected file), lets adverts run on, and asserts the
     * largest gap between VI_1's adverts from the last one before the signal on stays within
     * {@code interval} + {@link #JITTER}. Returns the capture time (epoch µs) at which the reload was done.
     */
    private long step(Director d, AdvertCapture capture, String label, String config, int reloadNumber,
                      Duration interval) {
        d.rewrite(config);
        long signalled = AdvertCapture.nowMicros();
        d.process().signal("HUP");
        String done = reloadNumber > 0 ? "Configuration reloaded (reload " + reloadNumber + ")" : "Reload failed";
        await(label + ": " + done, Duration.ofSeconds(10), () -> output(d).contains(done));
        long reloaded = AdvertCapture.nowMicros();
        Director.sleep(AFTER_RELOAD_MILLIS);
        List<Advert> adverts = capture.from(masterIp, 51, signalled - interval.toNanos() / 1000 - 500_000);
        Duration gap = AdvertCapture.largestGap(adverts);
        Duration limit = interval.plus(JITTER);
        figures.add(String.format("%s: largest gap between VI_1 adverts across the reload %d ms (%d adverts, "
                + "limit %d ms; reload took %d ms)", label, gap.toMillis(), adverts.size(), limit.toMillis(),
                (reloaded - signalled) / 1000));
        assertTrue(adverts.size() >= 3, label + ": adverts " + adverts);
        assertTrue(gap.compareTo(limit) <= 0, () -> label + ": gap " + gap.toMillis() + " ms, adverts " + adverts
                + "\nlog:\n" + tail(output(d), 60));
        return reloaded;
    }

    /** The backup director of the story, reloaded by SIGHUP like the master. */
    private interface Backup {
        void start();

        /** Writes the file, sends SIGHUP and returns once the daemon has reloaded it. */
        void reload(String config);

        String log();
    }

    private static final class K4jBackup implements Backup {
        private final Director director;
        private int reloads;

        K4jBackup(Director director) {
            this.director = director;
        }

        @Override
        public void start() {
            director.start();
        }

        @Override
        public void reload(String config) {
            director.rewrite(config);
            director.process().signal("HUP");
            String done = "Configuration reloaded (reload " + ++reloads + ")";
            await("the backup reloaded", Duration.ofSeconds(10), () -> log().contains(done));
        }

        @Override
        public String log() {
            return output(director);
        }
    }

    /** Debian's keepalived (VRRP only) on host 2, logging to the console. */
    private final class KeepalivedBackup implements Backup {
        private final Path dir = lab.host(2).workDir().resolve("keepalived");
        private final Path conf = dir.resolve("keepalived.conf");
        private ManagedProcess process;
        private int reloads;

        KeepalivedBackup(String config) {
            try {
                Files.createDirectories(dir);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            Director.write(conf, config);
        }

        @Override
        public void start() {
            process = lab.host(2).start("keepalived", List.of("keepalived", "-n", "-l", "-D", "-P", "-f", conf.toString(),
                    "-p", dir.resolve("p.pid").toString(), "-r", dir.resolve("r.pid").toString(),
                    "-c", dir.resolve("c.pid").toString()), Map.of("TMPDIR", dir.toString()));
            closeables.add(process);
            process.waitForOutput("\\(VI_1\\) Entering BACKUP STATE", ELECTION);
        }

        /** keepalived's VRRP process logs a bare "Reloading" when it starts a reload and nothing at the end. */
        @Override
        public void reload(String config) {
            Director.write(conf, config);
            process.signal("HUP");
            int expected = ++reloads;
            await("keepalived reloading", Duration.ofSeconds(10),
                    () -> log().lines().filter(l -> l.endsWith(": Reloading") || l.endsWith(" Reloading")).count()
                            >= expected);
            Director.sleep(500); // it reads the file and rebuilds its instances in a few ms
        }

        @Override
        public String log() {
            return process.stdout() + process.stderr();
        }
    }

    private static String vi1(int priority, String advertInt, String vips) {
        return instance("VI_1", 51, "MASTER", priority, advertInt, "", vips, "");
    }

    private Director director(int host, String config) {
        Director d = new Director(lab.host(host), config);
        directors.add(d);
        return d;
    }

    private AdvertCapture capture(int host) {
        AdvertCapture c = AdvertCapture.start(lab.host(host));
        closeables.add(c);
        return c;
    }

    /** {@code ip monitor address} in a host: one line per address added or ("Deleted ...") removed. */
    private ManagedProcess monitorAddresses(int host) {
        ManagedProcess p = lab.host(host).start("ip-monitor", List.of("ip", "-o", "-ts", "monitor", "address"), Map.of());
        closeables.add(p);
        Director.sleep(200); // ip monitor prints nothing when it is ready
        return p;
    }

    private static String output(Director d) {
        return d.process().stdout() + d.process().stderr();
    }

    private static String tail(String text, int lines) {
        List<String> all = text.lines().toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    private static int lineOf(String text, String needle) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(needle)) {
                return i + 1;
            }
        }
        throw new AssertionError(needle + " not in the configuration");
    }
}
