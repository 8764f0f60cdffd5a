package org.keepalive4j.vrrp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.keepalive4j.testlib.Host;
import org.keepalive4j.testlib.ManagedProcess;
import org.keepalive4j.testlib.NetnsLab;
import org.keepalive4j.testlib.Root;

/**
 * A master under attack: h1 runs the daemon under test as the only router of VRID 51 (VRRPv2 PASS,
 * priority 150), h2 runs {@link AdvertInjectorMain}, which puts broken adverts and random VRRP
 * payloads on the wire. Nothing may change h1's state, each broken advert must be counted under its
 * own drop reason and nowhere else, and the daemon must neither die nor log an exception.
 *
 * <p>With keepalived in keepalive4j's place (harness validation) only the counters keepalived has are
 * compared; the state, VIP and liveness checks apply to both.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BadPacketIT {

    private static final VrrpSetup SETUP = VrrpSetup.v2(51, VrrpSetup.Auth.PASS);
    private static final String INSTANCE = SETUP.instance();
    private static final int RANDOM_PACKETS = 10_000;
    private static final Duration COUNTED_WITHIN = Duration.ofSeconds(5);
    /** The sum of the instance's VRID_MISMATCH and the global unknown-VRID counter. */
    private static final String VRID_ELSEWHERE = "VRID_MISMATCH|unknown_vrid";

    private static NetnsLab lab;
    private static Host h2;
    private static VrrpPeer master;
    private static PeerStats elected;

    @BeforeAll
    static void electTheMaster() {
        Root.assume();
        lab = NetnsLab.start(2);
        h2 = lab.host(2);
        master = DaemonUnderTest.on(lab.host(1), SETUP, List.of(h2)).start();
        Poll.until(master::hasVip, SETUP.masterDownInterval().plusSeconds(15),
                () -> master + " becomes master\n" + VrrpPeer.tail(master.log()));
        elected = master.stats();
        assertEquals("MASTER", elected.state(INSTANCE));
    }

    @AfterAll
    static void closeLab() {
        if (lab != null) {
            lab.close();
        }
    }

    @ParameterizedTest
    @EnumSource(BadAdvert.class)
    @Order(1)
    void eachBrokenAdvertIsCountedUnderItsReasonAndChangesNothing(BadAdvert bad) {
        PeerStats before = master.stats();
        inject("advert", h2.interfaceName(), h2.ipv4(), Integer.toString(SETUP.vrid()), vipAddress(),
                SETUP.password(), bad.name());

        Map<String, Long> expected = expectedDeltas(before, bad);
        PeerStats after = awaitDeltas(before, expected);
        assertEquals(expected, deltas(before, after, expected.keySet()), bad + " counted under " + bad.dropReason()
                + " only; before " + before + "\nafter " + after);
        if (bad == BadAdvert.VALID_LOWER_PRIORITY) {
            assertEquals(1, delta(before, after, PeerStats.key(INSTANCE, "adverts_received")), "the control is received");
        }
        assertUnmoved(after);
    }

    /**
     * Random payloads with a valid IPv4 header: every one must be dropped and counted exactly once,
     * under a reason of VRID 51 or as an unknown VRID, or else lost in the kernel's socket queue
     * ({@code drops} in /proc/net/raw), which the injector's pacing is meant to avoid.
     */
    @Test
    @Order(2)
    void randomPayloadsAreAllDroppedAndCountedOnce() {
        long seed = ThreadLocalRandom.current().nextLong();
        System.out.println("BadPacketIT random seed " + seed);
        PeerStats before = master.stats();
        long kernelDropsBefore = RawSocketDrops.vrrp(master.host());
        inject("random", h2.interfaceName(), Integer.toString(RANDOM_PACKETS), Long.toString(seed));

        if (before.counter(K4jStatsFile.UNKNOWN_VRID).isPresent()) {
            Poll.until(() -> countedDrops(master.stats()) - countedDrops(before)
                            + RawSocketDrops.vrrp(master.host()) - kernelDropsBefore >= RANDOM_PACKETS,
                    COUNTED_WITHIN.multipliedBy(2), () -> "all " + RANDOM_PACKETS + " random payloads counted");
            Poll.sleep(200);   // room for a double count to show
            PeerStats after = master.stats();
            long kernelDrops = RawSocketDrops.vrrp(master.host()) - kernelDropsBefore;
            System.out.printf("BadPacketIT random: %d counted by the daemon, %d dropped by the kernel%n",
                    countedDrops(after) - countedDrops(before), kernelDrops);
            assertEquals(RANDOM_PACKETS, countedDrops(after) - countedDrops(before) + kernelDrops, "seed " + seed);
            assertEquals(0, delta(before, after, PeerStats.key(INSTANCE, "adverts_received")), "seed " + seed);
        } else {
            System.out.println("BadPacketIT random: " + master.daemonName() + " has no unknown-VRID counter;"
                    + " only state, VIP and liveness are checked");
            Poll.sleep(1000);
        }
        assertUnmoved(master.stats());
    }

    @Test
    @Order(3)
    void theDaemonLoggedNoException() {
        assertTrue(master.isAlive());
        assertFalse(master.log().contains("Exception"), VrrpPeer.tail(master.log()));
    }

    /** h1 is still the master it was, with its VIP, and never left that state. */
    private static void assertUnmoved(PeerStats now) {
        assertTrue(master.isAlive(), master + " died");
        assertEquals("MASTER", now.state(INSTANCE));
        assertTrue(master.hasVip(), "the VIP is still on h1");
        for (String counter : List.of("became_master", "released_master")) {
            String key = PeerStats.key(INSTANCE, counter);
            assertEquals(elected.require(key), now.require(key), counter);
        }
        assertEquals(1, master.timesEntered("MASTER"));
    }

    /**
     * For every drop counter the daemon reports: +1 under the advert's reason, 0 elsewhere. An advert for
     * another VRID may be counted by the instance (VRID_MISMATCH) or, as keepalived does, globally as an
     * unknown VRID; either is right, so the two are summed under {@link #VRID_ELSEWHERE}.
     */
    private static Map<String, Long> expectedDeltas(PeerStats before, BadAdvert bad) {
        Map<String, Long> expected = new TreeMap<>();
        dropKeys(before).forEach(k -> expected.put(k, 0L));
        if (bad.dropReason() == null) {
            return expected;
        }
        String key = PeerStats.dropKey(INSTANCE, bad.dropReason());
        if (bad == BadAdvert.WRONG_VRID && expected.containsKey(K4jStatsFile.UNKNOWN_VRID)) {
            expected.remove(key);
            expected.remove(K4jStatsFile.UNKNOWN_VRID);
            key = VRID_ELSEWHERE;
        } else if (!expected.containsKey(key)) {
            System.out.println("BadPacketIT: " + master.daemonName() + " has no counter for " + bad.dropReason()
                    + "; checked that no other counter moved");
            return expected;
        }
        expected.put(key, 1L);
        return expected;
    }

    private static PeerStats awaitDeltas(PeerStats before, Map<String, Long> expected) {
        PeerStats[] last = {before};
        if (expected.values().stream().anyMatch(v -> v > 0)) {
            Poll.until(() -> deltas(before, last[0] = master.stats(), expected.keySet()).equals(expected),
                    COUNTED_WITHIN, () -> "counters " + expected + "; now " + last[0]);
        } else {
            Poll.sleep(300);   // nothing to wait for: give a wrong count the time to appear
        }
        return master.stats();
    }

    private static Map<String, Long> deltas(PeerStats before, PeerStats after, Iterable<String> keys) {
        Map<String, Long> d = new TreeMap<>();
        for (String key : keys) {
            d.put(key, delta(before, after, key));
        }
        return d;
    }

    private static long delta(PeerStats before, PeerStats after, String key) {
        if (key.equals(VRID_ELSEWHERE)) {
            return delta(before, after, PeerStats.dropKey(INSTANCE, "VRID_MISMATCH"))
                    + delta(before, after, K4jStatsFile.UNKNOWN_VRID);
        }
        return after.require(key) - before.require(key);
    }

    /** The instance's drop counters and the unknown-VRID counter that the daemon reports. */
    private static List<String> dropKeys(PeerStats stats) {
        List<String> keys = new ArrayList<>();
        stats.counters().keySet().stream()
                .filter(k -> k.startsWith(PeerStats.dropKey(INSTANCE, "")) || k.equals(K4jStatsFile.UNKNOWN_VRID))
                .sorted()
                .forEach(keys::add);
        return keys;
    }

    private static long countedDrops(PeerStats stats) {
        return dropKeys(stats).stream().mapToLong(stats::require).sum();
    }

    private static String vipAddress() {
        return SETUP.vip().substring(0, SETUP.vip().indexOf('/'));
    }

    private static void inject(String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp",
                System.getProperty("java.class.path"), AdvertInjectorMain.class.getName()));
        command.addAll(List.of(args));
        ManagedProcess injector = h2.start("injector-" + System.nanoTime(), command, Map.of());
        assertEquals(0, injector.waitForExit(Duration.ofSeconds(60)), injector + "\n" + injector.stdout() + injector.stderr());
        assertTrue(injector.stdout().contains("sent "), injector.stdout());
    }
}
