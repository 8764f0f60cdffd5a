package org.keepalive4j.dataplane.nft;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.keepalive4j.testlib.Host;
import org.keepalive4j.testlib.ManagedProcess;
import org.keepalive4j.testlib.NamespaceThread;
import org.keepalive4j.testlib.NetSnmp;
import org.keepalive4j.testlib.NetnsLab;
import org.keepalive4j.testlib.Root;

/**
 * scripts/rrd-graph against the daemon balancing real traffic through nftables: the lab of
 * {@link NftablesDataplaneIT} (h1 client, h2 director with snmpd and keepalive4j as its AgentX subagent,
 * h3..h5 HTTP servers), steady new connections from the client, and halfway through an SNMP SET of
 * h5's realServerWeight to 0. The RRDs must show every server taking connections before the drain, and
 * during it h3 and h4 taking them while h5 takes none; the PNG must be a PNG.
 */
class RrdGraphIT {

    private static final Path BASEDIR = Path.of(System.getProperty("keepalive4j.basedir", ".")).toAbsolutePath();
    private static final String VIP = NftablesDataplaneIT.VIP;
    private static final int STEP = 2; // the MIB statistics are at most 1 s old when read
    private static final int POLLS = 14;
    private static final String WEIGHT_OF_H5 = ".1.3.6.1.4.1.9586.100.5.3.4.1.7.1.3"; // realServerWeight.1.3

    private NetnsLab lab;
    private NamespaceThread clientThread;

    @AfterEach
    void close() {
        if (clientThread != null) {
            clientThread.close();
        }
        if (lab != null) {
            lab.close();
        }
    }

    @Test
    void theRrdsShowTheDrainedServerAtZeroWhileTheOthersCarryTheTraffic() throws Exception {
        Root.assume();
        lab = NetnsLab.start(5);
        Host client = lab.host(1);
        Host director = lab.host(2);
        // the routing of NftablesDataplaneIT's lab: replies pass the director's conntrack
        director.exec("ip", "addr", "add", VIP + "/24", "dev", Host.INTERFACE).orThrow();
        director.exec("sysctl", "-qw", "net.ipv4.ip_forward=1").orThrow();
        director.exec("sysctl", "-qw", "net.ipv4.conf.all.send_redirects=0").orThrow();
        director.exec("sysctl", "-qw", "net.ipv4.conf.eth0.send_redirects=0").orThrow();
        director.exec("ip", "route", "add", "10.99.0.0/24", "via", client.ipv4()).orThrow();
        client.exec("ip", "addr", "add", NftablesDataplaneIT.CLIENT_A + "/32", "dev", Host.INTERFACE).orThrow();
        String server = Path.of(RrdGraphIT.class.getResource("/dataplane/name_server.py").toURI()).toString();
        StringBuilder conf = new StringBuilder("global_defs {\n  router_id director\n  lvs_dataplane nftables\n}\n"
                + "virtual_server " + VIP + " 80 {\n  delay_loop 1\n  lb_algo rr\n  lb_kind NAT\n  protocol TCP\n");
        for (int i = 3; i <= 5; i++) {
            Host rs = lab.host(i);
            rs.exec("ip", "route", "add", "10.99.0.0/24", "via", director.ipv4()).orThrow();
            rs.start("http", "python3", server, rs.name(), "8080").waitForOutput("listening", Duration.ofSeconds(10));
            conf.append("  real_server ").append(rs.ipv4()).append(" 8080 {\n    weight 1\n    TCP_CHECK {\n"
                    + "      connect_timeout 1\n      retry 0\n    }\n  }\n");
        }
        conf.append("}\n");
        Path dir = director.workDir();
        Files.writeString(dir.resolve("keepalived.conf"), conf);
        NetSnmp snmp = NetSnmp.unixMaster(director);
        snmp.startSnmpd();
        startDaemon(director, snmp);
        clientThread = new NamespaceThread(client.namespace(), Duration.ofSeconds(30));
        awaitAllThreeServe();

        Path out = Files.createDirectories(dir.resolve("rrd"));
        AtomicBoolean traffic = new AtomicBoolean(true);
        AtomicInteger failures = new AtomicInteger();
        Thread load = new Thread(() -> {
            while (traffic.get()) {
                try {
                    clientThread.call(() -> HttpClient.get(NftablesDataplaneIT.CLIENT_A, VIP, 80));
                    Thread.sleep(20);
                } catch (Exception e) {
                    failures.incrementAndGet();
                }
            }
        }, "rrd-traffic");
        load.start();
        long begin = System.currentTimeMillis() / 1000;
        ManagedProcess graph = director.start("rrd-graph", List.of(BASEDIR.resolve("scripts/rrd-graph").toString(),
                "-a", "127.0.0.1", "-c", "public", "-v", "1", "-s", Integer.toString(STEP), "-n",
                Integer.toString(POLLS), "-o", out.toString()), Map.of());
        long drained;
        try {
            Thread.sleep(POLLS / 2 * STEP * 1000L);
            assertTrue(snmp.set(WEIGHT_OF_H5, "i", "0").ok(), "snmpset realServerWeight.1.3 = 0");
            drained = System.currentTimeMillis() / 1000;
            assertEquals(0, graph.waitForExit(Duration.ofSeconds((POLLS + 4) * STEP)), graph.stderr());
        } finally {
            traffic.set(false);
            load.join(10_000);
        }
        long end = System.currentTimeMillis() / 1000;
        assertTrue(failures.get() < 5, failures + " requests failed");
        String polls = graph.stdout();
        assertEquals(POLLS, polls.lines().filter(l -> l.contains("connections per real server: 10.77.0.13:8080 ")
                && l.contains(" 10.77.0.14:8080 ") && l.contains(" 10.77.0.15:8080 ")).count(), polls);

        // new connections per second per step, from the RRDs (rs1 = h3, rs2 = h4, rs3 = h5)
        Map<Integer, Map<Long, Double>> conns = new TreeMap<>();
        for (int rs = 1; rs <= 3; rs++) {
            conns.put(rs, fetchConns(director, out.resolve("vs1-rs" + rs + ".rrd"), begin, end));
        }
        System.out.println("RrdGraphIT: conn/s per step (drain at " + drained + "): " + conns);
        // before: from the second full step to the step before the drain; during: once the drain and one
        // statistics refresh (at most 1 s) have passed
        for (int rs = 1; rs <= 3; rs++) {
            double before = mean(conns.get(rs), begin + 2L * STEP, drained - STEP);
            assertTrue(before > 3, "rs" + rs + " before the drain: " + before + " conn/s " + conns.get(rs));
        }
        for (int rs = 1; rs <= 2; rs++) {
            double during = mean(conns.get(rs), drained + 2L * STEP, end);
            assertTrue(during > 3, "rs" + rs + " during the drain: " + during + " conn/s " + conns.get(rs));
        }
        List<Double> drainedRates = values(conns.get(3), drained + 3L * STEP, end);
        assertTrue(drainedRates.size() >= 2, "steps during the drain: " + drainedRates);
        assertTrue(drainedRates.stream().allMatch(v -> v < 0.2), "the drained h5: " + drainedRates + " conn/s");

        Path png = out.resolve("vs1-conns.png");
        byte[] head = Arrays.copyOf(Files.readAllBytes(png), 8);
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, head, "PNG signature");
        assertTrue(Files.size(png) > 5000, "a graph with lines, not an empty frame: " + Files.size(png) + " bytes");
        String type = director.exec("file", "-b", png.toString()).orThrow().stdout();
        assertTrue(type.startsWith("PNG image data, "), type);
        Path target = Path.of("target", "rrd-graph-example.png");
        Files.copy(png, target, StandardCopyOption.REPLACE_EXISTING);
        System.out.println("RrdGraphIT: graph copied to " + target.toAbsolutePath() + " (" + type.strip() + ")");
    }

    // ------------------------------------------------------------------ helpers

    private static void startDaemon(Host director, NetSnmp snmp) {
        Path dir = director.workDir();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String jar = Path.of(System.getProperty("keepalive4j.jar", "target/keepalive4j-0.1.0-SNAPSHOT.jar"))
                .toAbsolutePath().toString();
        director.start("keepalive4j", List.of(java, "-jar", jar, "-n", "-l", "-D", "-C", "-x", "-A",
                snmp.agentxSocket(), "-f", dir.resolve("keepalived.conf").toString(), "-p",
                dir.resolve("d.pid").toString(), "-r", dir.resolve("dv.pid").toString(), "-c",
                dir.resolve("dc.pid").toString()), Map.of("KEEPALIVE4J_DUMP_DIR", dir.toString()))
                .waitForOutput("keepalive4j \\S+ started", Duration.ofSeconds(40));
    }

    /** The checks must find all three servers up before the measurement starts. */
    private void awaitAllThreeServe() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        Map<String, Integer> spread = Map.of();
        while (spread.size() < 3 && System.nanoTime() < deadline) {
            spread = new TreeMap<>();
            for (int i = 0; i < 30; i++) {
                try {
                    spread.merge(clientThread.call(() -> HttpClient.get(NftablesDataplaneIT.CLIENT_A, VIP, 80)), 1,
                            Integer::sum);
                } catch (Exception notYet) {
                    Thread.sleep(100);
                }
            }
        }
        assertEquals(3, spread.size(), "all three servers in rotation: " + spread);
    }

    /** "rrdtool fetch" of the conns data source: time (end of step) -> rate; unknown steps are left out. */
    private static Map<Long, Double> fetchConns(Host director, Path rrd, long from, long to) {
        String text = director.exec("rrdtool", "fetch", rrd.toString(), "AVERAGE", "-r", Integer.toString(STEP),
                "-s", Long.toString(from), "-e", Long.toString(to)).orThrow().stdout();
        Map<Long, Double> rates = new TreeMap<>();
        for (String line : text.split("\n")) {
            String[] f = line.strip().split("[:\\s]+");
            if (f.length >= 2 && f[0].matches("\\d+") && !f[1].contains("nan")) {
                rates.put(Long.parseLong(f[0]), Double.parseDouble(f[1]));
            }
        }
        return rates;
    }

    private static List<Double> values(Map<Long, Double> rates, long from, long to) {
        List<Double> v = new ArrayList<>();
        rates.forEach((t, r) -> {
            if (t >= from && t <= to) {
                v.add(r);
            }
        });
        return v;
    }

    private static double mean(Map<Long, Double> rates, long from, long to) {
        return values(rates, from, to).stream().mapToDouble(Double::doubleValue).average().orElse(-1);
    }
}
