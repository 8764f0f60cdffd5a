package org.keepalive4j.dataplane.nft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.keepalive4j.testlib.CommandResult;
import org.keepalive4j.testlib.Host;
import org.keepalive4j.testlib.ManagedProcess;
import org.keepalive4j.testlib.NetSnmp;
import org.keepalive4j.testlib.Root;

/**
 * The operator's story end to end: the packaged daemon is the director ({@code lvs_dataplane nftables},
 * TCP_CHECK on three real servers h3, h4, h5 of the {@link NatLab}), net-snmp's snmpd is the AgentX master
 * beside it and keepalive4j its subagent ({@code -x}). Server B is h4.
 *
 * <ol>
 *   <li>Drain by SNMP: with a kept-alive connection open to every server, {@code snmpset realServerWeight}
 *   of B to 0: B's open connection still answers, 100 new requests never reach B, {@code snmpwalk
 *   realServerTable} shows weight 0; set back to 1 and B takes new requests again.</li>
 *   <li>Drain by the checker: B's server process stops, TCP_CHECK marks it down, new requests avoid it;
 *   started again it is back in rotation.</li>
 *   <li>Statistics through snmpd: after N requests each server's realServerStatsConns grew by exactly the
 *   requests it answered, its packets and bytes with them.</li>
 * </ol>
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DrainIT {

    private static final String RS_TABLE = "KEEPALIVED-MIB::realServerTable";
    private static final int B = 4;

    static NatLab nat;
    static NetSnmp snmp;
    static ManagedProcess daemon;
    /** realServerTable index ("1.2") of each server host number. */
    static final Map<Integer, String> index = new HashMap<>();

    @BeforeAll
    static void start() throws Exception {
        Root.assume();
        nat = NatLab.start(3, false);
        Host director = nat.director();
        snmp = NetSnmp.unixMaster(director);
        snmp.startSnmpd();
        StringBuilder conf = new StringBuilder("global_defs {\n  router_id director\n  lvs_dataplane nftables\n}\n"
                + "virtual_server " + NatLab.VIP + " " + NatLab.VPORT + " {\n  delay_loop 1\n  lb_algo rr\n"
                + "  lb_kind NAT\n  protocol TCP\n");
        for (int i = 3; i <= 5; i++) {
            conf.append("  real_server ").append(nat.host(i).ipv4()).append(' ').append(NatLab.RPORT)
                    .append(" {\n    weight 1\n    TCP_CHECK {\n      connect_timeout 1\n      retry 0\n    }\n  }\n");
        }
        conf.append("}\n");
        Path dir = director.workDir();
        Path config = dir.resolve("drain-keepalived.conf");
        Files.writeString(config, conf);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String jar = Path.of(System.getProperty("keepalive4j.jar", "target/keepalive4j-0.1.0-SNAPSHOT.jar"))
                .toAbsolutePath().toString();
        daemon = director.start("keepalive4j-drain", List.of(java, "-jar", jar, "-n", "-l", "-D", "-C", "-x",
                "-A", snmp.agentxSocket(), "-f", config.toString(), "-p", dir.resolve("d.pid").toString(),
                "-r", dir.resolve("dv.pid").toString(), "-c", dir.resolve("dc.pid").toString()),
                Map.of("KEEPALIVE4J_DUMP_DIR", dir.toString()));
        daemon.waitForOutput("keepalive4j \\S+ started", Duration.ofSeconds(40));
        await(() -> !snmp.walk(RS_TABLE).isEmpty(), Duration.ofSeconds(20), "realServerTable through snmpd");
        // realServerAddress.V.R = Hex-STRING: 0A 4D 00 0D -> the row of each server
        for (String line : snmp.tool("snmpwalk", "-v2c", "-c", "public", "-Ox", "127.0.0.1",
                "KEEPALIVED-MIB::realServerAddress").orThrow().stdout().split("\n")) {
            for (int i = 3; i <= 5; i++) {
                if (line.replace(" ", "").endsWith(hex(nat.host(i).ipv4()))) {
                    index.put(i, line.substring(line.indexOf("realServerAddress.") + 18, line.indexOf(' ')));
                }
            }
        }
        assertEquals(3, index.size(), "a realServerTable row for each server: " + index);
        // the checks have to find all three up before rr spreads evenly: poll for a whole even round
        Map<String, Integer> all = Map.of();
        long settle = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!all.equals(Map.of("h3", 10, "h4", 10, "h5", 10)) && System.nanoTime() < settle) {
            try {
                all = nat.requests(NatLab.CLIENT_A, 30);
            } catch (Exception notYet) {
                Thread.sleep(200);
            }
        }
        assertEquals(Map.of("h3", 10, "h4", 10, "h5", 10), all, "rr over the three configured servers");
    }

    @AfterAll
    static void stop() {
        try {
            if (daemon != null && daemon.isAlive()) {
                daemon.signal("TERM");
                daemon.waitForExit(Duration.ofSeconds(15));
            }
            if (snmp != null) {
                snmp.close();
            }
        } finally {
            if (nat != null) {
                nat.close();
            }
        }
    }

    @Test
    @Order(1)
    void snmpsetWeightZeroDrainsBKeepingItsOpenConnectionAndWeightOneBringsItBack() throws Exception {
        List<HttpClient.KeepAlive> open = openToEveryServer();
        try {
            HttpClient.KeepAlive toB = open.get(B - 3);
            CommandResult set = snmp.set("KEEPALIVED-MIB::realServerWeight." + index.get(B), "i", "0");
            assertTrue(set.ok(), set.stderr());
            awaitLog("Dataplane nftables: weight of " + nat.host(B).ipv4() + ":" + NatLab.RPORT + " in "
                    + NatLab.VIP + ":" + NatLab.VPORT + "/TCP 1 -> 0", 1);

            assertEquals("h4", nat.clientThread().call(toB::get), "the open connection to B still answers");
            Map<String, Integer> drained = nat.requests(NatLab.CLIENT_A, 100);
            assertEquals(Map.of("h3", 50, "h5", 50), drained, "100 new requests, none to B");
            assertEquals("h4", nat.clientThread().call(toB::get), "and B's connection is still served");
            assertTrue(snmp.walk(RS_TABLE).contains("KEEPALIVED-MIB::realServerWeight." + index.get(B) + " = INTEGER: 0"),
                    "snmpwalk realServerTable shows weight 0 for B: " + weights());
            assertTrue(snmp.walk(RS_TABLE).contains("KEEPALIVED-MIB::realServerWeight." + index.get(3) + " = INTEGER: 1"));

            set = snmp.set("KEEPALIVED-MIB::realServerWeight." + index.get(B), "i", "1");
            assertTrue(set.ok(), set.stderr());
            awaitLog("Dataplane nftables: weight of " + nat.host(B).ipv4() + ":" + NatLab.RPORT + " in "
                    + NatLab.VIP + ":" + NatLab.VPORT + "/TCP 0 -> 1", 1);
            Map<String, Integer> back = nat.requests(NatLab.CLIENT_A, 30);
            assertEquals(Map.of("h3", 10, "h4", 10, "h5", 10), back, "B takes new requests again");
            assertTrue(snmp.walk(RS_TABLE).contains("KEEPALIVED-MIB::realServerWeight." + index.get(B) + " = INTEGER: 1"));
            for (int i = 3; i <= 5; i++) {
                assertEquals("h" + i, nat.clientThread().call(open.get(i - 3)::get), "kept connection to h" + i);
            }
        } finally {
            close(open);
        }
    }

    @Test
    @Order(2)
    void theCheckerTakesBOutWhenItsServerStopsAndBackWhenItRunsAgain() throws Exception {
        String b = nat.host(B).ipv4() + ":" + NatLab.RPORT;
        int added = count("Dataplane nftables: added " + b);
        nat.stopServer(B);
        try {
            awaitLog("Dataplane nftables: removed " + b + " from", 1);
            await(() -> snmp.get("KEEPALIVED-MIB::realServerStatus." + index.get(B)).equals("dead"), Duration.ofSeconds(5),
                    "realServerStatus dead for B");
            Map<String, Integer> without = nat.requests(NatLab.CLIENT_A, 100);
            assertEquals(Map.of("h3", 50, "h5", 50), without, "100 new requests avoid B");
        } finally {
            nat.startServer(B);
        }
        awaitLog("Dataplane nftables: added " + b, added + 1);
        await(() -> snmp.get("KEEPALIVED-MIB::realServerStatus." + index.get(B)).equals("alive"), Duration.ofSeconds(5),
                "realServerStatus alive for B");
        Map<String, Integer> back = nat.requests(NatLab.CLIENT_A, 30);
        assertEquals(Map.of("h3", 10, "h4", 10, "h5", 10), back, "B is back in rotation");
    }

    @Test
    @Order(3)
    void realServerStatisticsThroughSnmpdCountEveryNewConnection() throws Exception {
        Map<Integer, long[]> before = stats();
        Map<String, Integer> spread = nat.requests(NatLab.CLIENT_A, 90);
        assertEquals(Map.of("h3", 30, "h4", 30, "h5", 30), spread);
        // the columns are at most 1 s old when read: a read more than 1 s after the traffic sees all of it
        // (unless the engine took longer than 200 ms to answer, e.g. on a loaded machine: then read again,
        // still well inside the 5 s of the periodic reading)
        Thread.sleep(1100);
        Map<Integer, long[]> after = stats();
        long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        while (!grewBy(before, after, spread) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            after = stats();
        }
        for (int i = 3; i <= 5; i++) {
            long[] a = after.get(i);
            long[] d = new long[a.length];
            for (int k = 0; k < a.length; k++) {
                d[k] = a[k] - before.get(i)[k];
            }
            int served = spread.get("h" + i);
            assertEquals(served, d[0], "realServerStatsConns of h" + i + " grew by the requests it answered");
            assertEquals(a[0], a[3], "realServerStatsConns64 agrees with realServerStatsConns for h" + i);
            // each connection: SYN, ACK, request, FIN (and ACKs) in; each packet at least 40 bytes
            assertTrue(d[1] >= 4L * served, "realServerStatsInPkts of h" + i + " grew by " + d[1]);
            assertTrue(d[2] >= 40 * d[1], "realServerStatsInBytes of h" + i + " grew by " + d[2] + " for " + d[1]
                    + " packets");
            assertTrue(a[1] >= a[0] && a[2] >= a[1], "totals consistent for h" + i + ": " + java.util.Arrays.toString(a));
        }
    }

    // --- helpers

    private static boolean grewBy(Map<Integer, long[]> before, Map<Integer, long[]> after, Map<String, Integer> spread) {
        for (int i = 3; i <= 5; i++) {
            if (after.get(i)[0] - before.get(i)[0] != spread.get("h" + i)) {
                return false;
            }
        }
        return true;
    }

    /** conns, inPkts, inBytes, conns64 of every server, read through snmpd in one request. */
    private static Map<Integer, long[]> stats() {
        Map<Integer, long[]> out = new HashMap<>();
        for (int i = 3; i <= 5; i++) {
            String x = index.get(i);
            CommandResult r = snmp.tool("snmpget", "-v2c", "-c", "public", "-OqvU", "127.0.0.1",
                    "KEEPALIVED-MIB::realServerStatsConns." + x, "KEEPALIVED-MIB::realServerStatsInPkts." + x,
                    "KEEPALIVED-MIB::realServerStatsInBytes." + x, "KEEPALIVED-MIB::realServerStatsConns64." + x);
            String[] v = r.orThrow().stdout().strip().split("\n");
            assertEquals(4, v.length, r.stdout());
            long[] values = new long[4];
            for (int k = 0; k < 4; k++) {
                values[k] = Long.parseLong(v[k].strip());
            }
            out.put(i, values);
        }
        return out;
    }

    /** Kept-alive connections until one is open to each server; list index = host number - 3. */
    private static List<HttpClient.KeepAlive> openToEveryServer() throws Exception {
        HttpClient.KeepAlive[] byHost = new HttpClient.KeepAlive[3];
        List<HttpClient.KeepAlive> extra = new ArrayList<>();
        for (int tries = 0; tries < 12 && java.util.Arrays.stream(byHost).anyMatch(c -> c == null); tries++) {
            HttpClient.KeepAlive c = nat.clientThread().call(
                    () -> new HttpClient.KeepAlive(NatLab.CLIENT_A, NatLab.VIP, NatLab.VPORT));
            int host = Integer.parseInt(nat.clientThread().call(c::get).substring(1));
            if (byHost[host - 3] == null) {
                byHost[host - 3] = c;
            } else {
                extra.add(c);
            }
        }
        close(extra);
        List<HttpClient.KeepAlive> open = java.util.Arrays.asList(byHost);
        assertFalse(open.contains(null), "a kept-alive connection to every server");
        return open;
    }

    private static void close(List<HttpClient.KeepAlive> connections) {
        for (HttpClient.KeepAlive c : connections) {
            if (c != null) {
                try {
                    c.close();
                } catch (java.io.IOException ignored) {
                    // closing a test connection
                }
            }
        }
    }

    private static String weights() {
        return String.join("\n", snmp.walk("KEEPALIVED-MIB::realServerWeight"));
    }

    private static String hex(String ipv4) {
        StringBuilder b = new StringBuilder();
        for (String part : ipv4.split("\\.")) {
            b.append(String.format("%02X", Integer.parseInt(part)));
        }
        return b.toString();
    }

    private static int count(String literal) {
        String log = daemon.stdout() + daemon.stderr();
        int n = 0;
        for (int i = log.indexOf(literal); i >= 0; i = log.indexOf(literal, i + literal.length())) {
            n++;
        }
        return n;
    }

    private static void awaitLog(String literal, int times) {
        await(() -> count(literal) >= times, Duration.ofSeconds(15), times + " × '" + literal + "' in the daemon log");
    }

    private static void await(BooleanSupplier condition, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                String log = daemon == null ? "" : daemon.stdout() + daemon.stderr();
                throw new AssertionError("no " + what + " within " + timeout + "; daemon log tail:\n"
                        + log.substring(Math.max(0, log.length() - 4000)));
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
