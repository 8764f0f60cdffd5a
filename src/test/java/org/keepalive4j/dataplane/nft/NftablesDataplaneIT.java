package org.keepalive4j.dataplane.nft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.keepalive4j.config.model.ForwardingMethod;
import org.keepalive4j.config.model.LvsProtocol;
import org.keepalive4j.config.model.LvsScheduler;
import org.keepalive4j.dataplane.Counters;
import org.keepalive4j.dataplane.DataplaneException;
import org.keepalive4j.dataplane.Destination;
import org.keepalive4j.dataplane.DestinationKey;
import org.keepalive4j.dataplane.ServiceKey;
import org.keepalive4j.dataplane.VirtualService;
import org.keepalive4j.testlib.Host;
import org.keepalive4j.testlib.ManagedProcess;
import org.keepalive4j.testlib.NamespaceThread;
import org.keepalive4j.testlib.Root;

/**
 * The nftables load balancer with real traffic, in the {@link NatLab} with three real servers (h3..h5).
 * The dataplane runs on a thread inside the director's namespace.
 */
class NftablesDataplaneIT {

    static final String VIP = NatLab.VIP;
    static final int VPORT = NatLab.VPORT;
    static final int RPORT = NatLab.RPORT;
    static final String CLIENT_A = NatLab.CLIENT_A;
    static final String CLIENT_B = NatLab.CLIENT_B;
    static final ServiceKey WEB = new ServiceKey.Address(address(VIP), VPORT, LvsProtocol.TCP);

    static NatLab nat;
    static Host director;
    static NamespaceThread directorThread;
    static NamespaceThread clientThread;

    NftablesDataplane dataplane;

    @BeforeAll
    static void buildLab() throws Exception {
        Root.assume();
        nat = NatLab.start(3, false);
        director = nat.director();
        directorThread = nat.directorThread();
        clientThread = nat.clientThread();
    }

    @AfterAll
    static void tearDown() {
        if (nat != null) {
            nat.close();
        }
    }

    @AfterEach
    void closeDataplane() throws Exception {
        if (dataplane != null) {
            directorThread.run(() -> {
                dataplane.close();
                return null;
            });
            assertFalse(director.exec("nft", "list", "tables").orThrow().stdout().contains("keepalive4j"),
                    "close() removes the table");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"libnftables", "nft"})
    void rrSpreadsThreeHundredConnectionsEvenlyAndCountsThem(String runner) throws Exception {
        dataplane = start(runner, false);
        addService(LvsScheduler.RR, null, 1, 1, 1);

        Map<String, Integer> spread = requests(CLIENT_A, 300);

        for (String rs : Set.of("h3", "h4", "h5")) {
            int n = spread.getOrDefault(rs, 0);
            assertTrue(Math.abs(n - 100) <= 2, rs + " got " + n + " of 300: " + spread);
        }
        Map<DestinationKey, Counters> counters = directorThread.call(() -> dataplane.destinationCounters(WEB));
        for (int i = 3; i <= 5; i++) {
            Counters c = counters.get(new DestinationKey(address(nat.host(i).ipv4()), RPORT));
            int served = spread.get("h" + i);
            assertEquals(served, c.conns(), "new connections counted for h" + i + ": " + c);
            // at least SYN, ACK, request, FIN in; SYN-ACK, response, FIN out per connection
            assertTrue(c.inPackets() >= 4L * served && c.outPackets() >= 3L * served, c.toString());
            assertTrue(c.inBytes() > 0 && c.outBytes() > c.inBytes() / 2, c.toString());
        }
        assertEquals(300, directorThread.call(() -> dataplane.counters(WEB)).conns());
        String table = directorThread.call(() -> {
            StringBuilder b = new StringBuilder();
            dataplane.describeTable(b);
            return b.toString();
        });
        assertTrue(table.contains("Service 10.77.0.100:80/TCP rr"), table);
        assertTrue(table.contains("Destination 10.77.0.13:8080 weight 1 NAT: " + spread.get("h3") + " connections"),
                table);
    }

    @Test
    void wrrFollowsWeightsOneTwoThree() throws Exception {
        dataplane = start("libnftables", false);
        addService(LvsScheduler.WRR, null, 1, 2, 3);

        Map<String, Integer> spread = requests(CLIENT_A, 600);

        int[] expected = {100, 200, 300};
        for (int i = 0; i < 3; i++) {
            int n = spread.getOrDefault("h" + (i + 3), 0);
            assertTrue(Math.abs(n - expected[i]) <= expected[i] * 0.05, "h" + (i + 3) + " got " + n + ": " + spread);
        }
    }

    @Test
    void shKeepsEachClientOnOneServer() throws Exception {
        dataplane = start("libnftables", false);
        addService(LvsScheduler.SH, null, 1, 1, 1);

        assertEquals(1, requests(CLIENT_A, 40).size(), "client A always lands on the same server");
        assertEquals(1, requests(CLIENT_B, 40).size(), "client B always lands on the same server");
    }

    @Test
    void persistenceKeepsAClientOnItsServerUnderRr() throws Exception {
        dataplane = start("libnftables", false);
        addService(LvsScheduler.RR, 60, 1, 1, 1);

        Map<String, Integer> a = requests(CLIENT_A, 30);
        Map<String, Integer> b = requests(CLIENT_B, 30);

        assertEquals(1, a.size(), "persistent client A: " + a);
        assertEquals(1, b.size(), "persistent client B: " + b);
        // without persistence rr would have alternated; the second client took the next slot
        assertFalse(a.keySet().equals(b.keySet()), "rr gave client B the next server: " + a + " " + b);
    }

    @Test
    void weightZeroTakesNoNewConnectionsWhileAnOpenOneFinishesThenWeightOneBringsTrafficBack() throws Exception {
        dataplane = start("libnftables", false);
        addService(LvsScheduler.RR, null, 1, 1, 1);
        HttpClient.KeepAlive open = clientThread.call(() -> new HttpClient.KeepAlive(CLIENT_A, VIP, VPORT));
        try {
            String drained = clientThread.call(open::get);
            Destination d = destination(Integer.parseInt(drained.substring(1)), 0);

            directorThread.run(() -> {
                dataplane.updateDestination(WEB, d);
                return null;
            });
            Map<String, Integer> whileDrained = requests(CLIENT_A, 60);
            assertFalse(whileDrained.containsKey(drained), drained + " has weight 0 but got " + whileDrained);
            assertEquals(60, whileDrained.values().stream().mapToInt(Integer::intValue).sum());
            assertEquals(drained, clientThread.call(open::get), "the established connection still reaches " + drained);

            directorThread.run(() -> {
                dataplane.updateDestination(WEB, d.withWeight(1));
                return null;
            });
            Map<String, Integer> after = requests(CLIENT_A, 60);
            assertEquals(20, after.getOrDefault(drained, 0), drained + " is back in rotation: " + after);
        } finally {
            clientThread.call(() -> {
                open.close();
                return null;
            });
        }
    }

    @Test
    void keptTableServesOnAfterCloseAndTheNextStartRemovesIt() throws Exception {
        NftablesDataplane kept = start("libnftables", true);
        dataplane = kept;
        addService(LvsScheduler.RR, null, 1, 1, 1);
        directorThread.run(() -> {
            kept.close();
            return null;
        });
        dataplane = null;
        assertEquals(3, requests(CLIENT_A, 3).size(), "traffic still flows through the kept table");

        dataplane = start("libnftables", false);

        assertFalse(director.exec("nft", "list", "table", "inet", "keepalive4j").orThrow().stdout().contains("s1d"),
                "the stale services are gone");
        assertThrows(IOException.class, () -> clientThread.call(() -> HttpClient.get(CLIENT_A, VIP, VPORT)),
                "nothing listens on the virtual address itself");
    }

    @Test
    void anUnsupportedSchedulerIsRefusedAndTheTableStaysAsItWas() throws Exception {
        dataplane = start("libnftables", false);
        String before = director.exec("nft", "list", "ruleset").orThrow().stdout();

        DataplaneException e = assertThrows(DataplaneException.class, () -> directorThread.call(() -> {
            dataplane.addService(new VirtualService(WEB, LvsScheduler.WLC, Set.of(), false, null, null));
            return null;
        }));

        assertTrue(e.getMessage().contains("use rr, wrr, sh or dh"), e.getMessage());
        assertEquals(before, director.exec("nft", "list", "ruleset").orThrow().stdout());
    }

    // --- helpers

    private static NftablesDataplane start(String runner, boolean keep) throws Exception {
        return directorThread.call(() -> new NftablesDataplane(
                runner.equals("nft") ? new NftCommand() : new LibNftables(), keep));
    }

    private void addService(LvsScheduler scheduler, Integer persistence, int... weights) throws Exception {
        directorThread.run(() -> {
            dataplane.addService(new VirtualService(WEB, scheduler, Set.of(), false, persistence, null));
            for (int i = 0; i < weights.length; i++) {
                dataplane.addDestination(WEB, destination(i + 3, weights[i]));
            }
            return null;
        });
    }

    private static Destination destination(int host, int weight) {
        return new Destination(address(nat.host(host).ipv4()), RPORT, ForwardingMethod.NAT, weight, 0, 0);
    }

    /** {@code n} requests, one new connection each, from {@code source}; how many each server answered. */
    /**
     * The whole path in the daemon: TCP_CHECKs of the three servers, the check engine's decisions in the
     * kernel table, real connections through it. On a kernel without IPVS (this one, CI's) the configuration
     * is the plainest keepalived one, with neither lvs_dataplane nor lb_algo: auto falls back to nftables and
     * schedules the service wrr (weights 1: round robin) instead of refusing keepalived's default wlc. Where
     * the kernel has IPVS, auto would pick it, so there the test asks for nftables and rr explicitly.
     */
    @Test
    void theDaemonBalancesItsConfiguredServiceAndTakesAFailedServerOut() throws Exception {
        boolean kernelHasIpvs = org.keepalive4j.dataplane.ipvs.IpvsDataplane.available();
        StringBuilder conf = new StringBuilder("global_defs {\n  router_id director\n"
                + (kernelHasIpvs ? "  lvs_dataplane nftables\n" : "") + "}\n"
                + "virtual_server " + VIP + " " + VPORT + " {\n  delay_loop 1\n" + (kernelHasIpvs ? "  lb_algo rr\n" : "")
                + "  lb_kind NAT\n  protocol TCP\n");
        for (int i = 3; i <= 5; i++) {
            conf.append("  real_server ").append(nat.host(i).ipv4()).append(' ').append(RPORT)
                    .append(" {\n    weight 1\n    TCP_CHECK {\n      connect_timeout 1\n      retry 0\n    }\n  }\n");
        }
        conf.append("}\n");
        Path dir = director.workDir();
        Path config = dir.resolve("daemon-keepalived.conf");
        Files.writeString(config, conf);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String jar = Path.of(System.getProperty("keepalive4j.jar", "target/keepalive4j-0.1.0-SNAPSHOT.jar"))
                .toAbsolutePath().toString();
        ManagedProcess daemon = director.start("keepalive4j-nft", List.of(java, "-jar", jar, "-n", "-l", "-D", "-C",
                "-f", config.toString(), "-p", dir.resolve("d.pid").toString(), "-r", dir.resolve("dv.pid").toString(),
                "-c", dir.resolve("dc.pid").toString()), Map.of("KEEPALIVE4J_DUMP_DIR", dir.toString()));
        try {
            daemon.waitForOutput("keepalive4j \\S+ started", Duration.ofSeconds(40));
            if (!kernelHasIpvs) {
                daemon.waitForOutput("Dataplane nftables: service " + VIP.replace(".", "\\.") + ":" + VPORT
                        + "/TCP has no lb_algo; scheduling it wrr", Duration.ofSeconds(10));
            }
            // the checks have to find all three up before rr spreads evenly: poll for a whole even round
            Map<String, Integer> all = Map.of();
            long settle = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (!all.equals(Map.of("h3", 10, "h4", 10, "h5", 10)) && System.nanoTime() < settle) {
                try {
                    all = requests(CLIENT_A, 30);
                } catch (IOException | RuntimeException notYet) {
                    Thread.sleep(200);
                }
            }
            assertEquals(Map.of("h3", 10, "h4", 10, "h5", 10), all, "rr over the three configured servers");

            // h5 refuses its port: TCP_CHECK fails, the engine removes it, no new connection goes there
            Host h5 = nat.host(5);
            h5.exec("nft", "add table inet k4j_refuse; add chain inet k4j_refuse in "
                    + "{ type filter hook input priority 0; }; add rule inet k4j_refuse in tcp dport " + RPORT
                    + " reject with tcp reset").orThrow();
            try {
                daemon.waitForOutput("Dataplane nftables: removed " + h5.ipv4().replace(".", "\\.") + ":" + RPORT,
                        Duration.ofSeconds(10));
                Map<String, Integer> without = requests(CLIENT_A, 30);
                assertEquals(Map.of("h3", 15, "h4", 15), without, "h5 is out of rotation");
            } finally {
                h5.exec("nft", "delete table inet k4j_refuse").orThrow();
            }
            // the next successful check puts it back
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            Map<String, Integer> back = requests(CLIENT_A, 30);
            while (back.size() < 3 && System.nanoTime() < deadline) {
                Thread.sleep(200);
                back = requests(CLIENT_A, 30);
            }
            assertEquals(3, back.size(), "h5 is back: " + back);
        } finally {
            daemon.signal("TERM");
            assertEquals(0, daemon.waitForExit(Duration.ofSeconds(15)));
        }
        assertFalse(director.exec("nft", "list", "tables").orThrow().stdout().contains("keepalive4j"),
                "the daemon removes its table when it stops");
    }

    private static Map<String, Integer> requests(String source, int n) throws Exception {
        return nat.requests(source, n);
    }

    private static InetAddress address(String s) {
        return NatLab.address(s);
    }
}
