package org.keepalive4j.zabbix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.keepalive4j.testlib.CommandResult;
import org.keepalive4j.testlib.Host;
import org.keepalive4j.testlib.ManagedProcess;
import org.keepalive4j.testlib.NetSnmp;
import org.keepalive4j.testlib.NetnsLab;
import org.keepalive4j.testlib.Processes;
import org.keepalive4j.testlib.Root;

/**
 * The operator's story with a real Zabbix 6.0 server: two keepalive4j directors (h1 master, h2 backup),
 * each the AgentX subagent of its own snmpd, send their traps to h3, where snmptrapd hands them to
 * {@code scripts/zabbix-trap-handler} and zabbix_server (with its own PostgreSQL) reads the trap file.
 * The hosts, items and triggers in Zabbix's database are derived from {@code etc/zabbix/keepalived-template.yaml}
 * (src/test/resources/zabbix/template_sql.py), so what Zabbix evaluates is the shipped template's keys and
 * expressions. When director 1 is killed, director 2's vrrpInstanceStateChange (master, configured backup)
 * opens a problem within 5 s of the trap; when director 1 comes back and preempts, director 2's trap
 * (backup, configured backup) closes it. Then the real server director 2 checks (an HTTP server on h3)
 * stops: realServerStateChange (dead) opens a problem named by its address, its return closes it. Last, the
 * template's discovery rules have found the instance and the real server, and their items poll the values.
 */
class ZabbixTrapIT {

    private static final Path BASEDIR = Path.of(System.getProperty("keepalive4j.basedir", ".")).toAbsolutePath();
    private static final Path JAR = Path.of(System.getProperty("keepalive4j.jar",
            "target/keepalive4j-0.1.0-SNAPSHOT.jar")).toAbsolutePath();
    private static final String VIP = "10.77.0.100/24";
    private static final String PG_PORT = "15432";
    private static final Duration TRAP_TO_PROBLEM = Duration.ofSeconds(5);

    private NetnsLab lab;

    @AfterEach
    void close() {
        if (lab != null) {
            lab.close();
        }
    }

    @Test
    void aFailoverOpensAProblemInZabbixAndThePreemptionBackClosesIt() throws Exception {
        Root.assume();
        long started = System.nanoTime();
        lab = NetnsLab.start(3);
        Host d1 = lab.host(1);
        Host d2 = lab.host(2);
        Host monitor = lab.host(3);
        Path zabbixDir = Files.createDirectories(monitor.workDir().resolve("zabbix"));
        Path trapFile = zabbixDir.resolve("snmptraps.log");

        // the slow part (PostgreSQL, Zabbix's schema) runs while the directors start
        Path rows = zabbixDir.resolve("rows.sql");
        // polled every 5 s instead of the template's minutes, so discovery and polling happen during the test
        CommandResult sql = Processes.run(Duration.ofSeconds(30), List.of("python3",
                resource("template_sql.py"), "--delay", "5s", BASEDIR.resolve("etc/zabbix/keepalived-template.yaml").toString(),
                "director1=" + d1.ipv4(), "director2=" + d2.ipv4())).orThrow();
        Files.writeString(rows, sql.stdout());
        CompletableFuture<CommandResult> zabbix = CompletableFuture.supplyAsync(() -> monitor.exec(
                Duration.ofSeconds(150), "bash", resource("start-zabbix.sh"), zabbixDir.toString(), rows.toString(), PG_PORT));

        startSnmptrapd(monitor, trapFile);
        ManagedProcess realServer = startRealServer(monitor);
        ManagedProcess[] director1 = {startDirector(d1, "MASTER", 150, monitor, "")};
        startDirector(d2, "BACKUP", 100, monitor, "virtual_server 10.77.0.100 80 {\n  delay_loop 1\n  lb_algo rr\n"
                + "  lb_kind NAT\n  protocol TCP\n  real_server " + monitor.ipv4() + " 8080 {\n    weight 1\n"
                + "    TCP_CHECK {\n      connect_timeout 1\n      retry 0\n    }\n  }\n}\n");
        await("director 1 holds the VIP", Duration.ofSeconds(40), () -> d1.hasAddress(VIP) && !d2.hasAddress(VIP));

        CommandResult setup = zabbix.get();
        System.out.println(setup.stdout().strip());
        assertTrue(setup.ok(), "Zabbix did not start:\n" + setup.stdout() + setup.stderr());
        Duration setupTime = since(started);
        System.out.printf("ZabbixTrapIT: lab, directors and Zabbix ready after %d ms%n", setupTime.toMillis());
        // the path works before the failover: director 2's start-up trap (backup, configured backup) is in Zabbix
        await("Zabbix stored director 2's first vrrpInstanceStateChange", Duration.ofSeconds(15),
                () -> !query(monitor, "SELECT h.itemid FROM history_log h JOIN items i ON i.itemid = h.itemid "
                        + "JOIN hosts o ON o.hostid = i.hostid WHERE o.host = 'director2' "
                        + "AND i.key_ LIKE 'snmptrap[\"KEEPALIVED-MIB::vrrpInstanceStateChange\"]'").isEmpty());
        // director 1 (configured MASTER) starts as backup like keepalived, so its start opens a problem that its
        // next trap (master) closes: wait for that, then nothing may be open
        await("no problem while both directors are in their configured state", Duration.ofSeconds(15),
                () -> openProblems(monitor).isEmpty());

        long trapsBefore = Files.size(trapFile);
        long killed = System.nanoTime();
        Processes.run("kill", "-KILL", Long.toString(director1[0].pid())).orThrow();
        director1[0].waitForExit(Duration.ofSeconds(10));
        await("director 2's trap: master, configured backup", Duration.ofSeconds(15),
                () -> trapsSince(trapFile, trapsBefore).matches(
                        "(?s).*ZBXTRAP " + d2.ipv4().replace(".", "\\.") + "\n[^Z]*vrrpInstanceState master\n.*"));
        long trapped = System.nanoTime();
        String problem = awaitValue("a problem in Zabbix", Duration.ofSeconds(15), () -> openProblems(monitor));
        String eventId = problem.substring(0, problem.indexOf('|'));
        Duration trapToProblem = since(trapped);
        Duration killToProblem = since(killed);
        System.out.printf("ZabbixTrapIT: trap -> problem %d ms, SIGKILL of the master -> problem %d ms (limit %d ms "
                + "after the trap)%n", trapToProblem.toMillis(), killToProblem.toMillis(), TRAP_TO_PROBLEM.toMillis());
        assertEquals(eventId + "|director2|VRRP instance VI_1 is master, configured backup|vrrp_instance=VI_1", problem);
        assertTrue(trapToProblem.compareTo(TRAP_TO_PROBLEM) <= 0, "trap -> problem took " + trapToProblem.toMillis()
                + " ms");

        long trapsBeforeRestart = Files.size(trapFile);
        long restarted = System.nanoTime();
        director1[0] = startDirector(d1, "MASTER", 150, monitor, "");
        await("director 2's trap: backup again", Duration.ofSeconds(40),
                () -> trapsSince(trapFile, trapsBeforeRestart).matches(
                        "(?s).*ZBXTRAP " + d2.ipv4().replace(".", "\\.") + "\n[^Z]*vrrpInstanceState backup\n.*"));
        long backAgain = System.nanoTime();
        String recovery = awaitValue("director 2's problem closed", Duration.ofSeconds(15), () -> query(monitor,
                "SELECT r.name FROM problem p JOIN events r ON r.eventid = p.r_eventid WHERE p.eventid = " + eventId));
        Duration trapToRecovery = since(backAgain);
        System.out.printf("ZabbixTrapIT: trap -> recovery %d ms, restart of director 1 -> recovery %d ms%n",
                trapToRecovery.toMillis(), since(restarted).toMillis());
        assertEquals("VRRP instance VI_1 is backup, configured backup", recovery);
        assertTrue(trapToRecovery.compareTo(TRAP_TO_PROBLEM) <= 0, "trap -> recovery took "
                + trapToRecovery.toMillis() + " ms");
        assertTrue(d1.hasAddress(VIP), "director 1 preempted back");

        // the real server director 2 checks stops listening: realServerStateChange (dead) opens a problem
        // named and tagged with its address, and its return (alive) closes it
        // the restarted director 1 was backup for a moment (configured master): that problem closes too
        await("no open problem after the preemption", Duration.ofSeconds(15), () -> openProblems(monitor).isEmpty());
        long trapsBeforeDown = Files.size(trapFile);
        realServer.stop();
        await("director 2's trap: the real server is dead", Duration.ofSeconds(15),
                () -> trapsSince(trapFile, trapsBeforeDown).contains("realServerStatus dead"));
        long downTrap = System.nanoTime();
        String rsProblem = awaitValue("a real server problem", Duration.ofSeconds(15), () -> openProblems(monitor));
        Duration rsTrapToProblem = since(downTrap);
        String rsEvent = rsProblem.substring(0, rsProblem.indexOf('|'));
        assertEquals(rsEvent + "|director2|Real server " + monitor.ipv4() + ":8080 is down|real_server="
                + monitor.ipv4() + ":8080", rsProblem);
        long trapsBeforeUp = Files.size(trapFile);
        startRealServer(monitor);
        await("director 2's trap: the real server is alive", Duration.ofSeconds(15),
                () -> trapsSince(trapFile, trapsBeforeUp).contains("realServerStatus alive"));
        long upTrap = System.nanoTime();
        await("the real server problem closed", Duration.ofSeconds(15), () -> !query(monitor,
                "SELECT r_eventid FROM problem WHERE r_eventid IS NOT NULL AND eventid = " + rsEvent).isEmpty());
        System.out.printf("ZabbixTrapIT: real server trap -> problem %d ms, trap -> recovery %d ms%n",
                rsTrapToProblem.toMillis(), since(upTrap).toMillis());
        assertTrue(rsTrapToProblem.compareTo(TRAP_TO_PROBLEM) <= 0, "took " + rsTrapToProblem.toMillis() + " ms");

        // the template's discovery over vrrpInstanceTable and realServerTable found VI_1 on both directors and
        // director 2's real server, and the discovered items poll them
        String polled = "SELECT string_agg(o.host || ' ' || i.key_ || ' ' || h.value, ', ' ORDER BY o.host, i.key_) "
                + "FROM items i JOIN hosts o ON o.hostid = i.hostid JOIN history_uint h ON h.itemid = i.itemid "
                + "WHERE i.flags = 4 AND i.key_ IN ('keepalived.vrrp.state[VI_1]', "
                + "'keepalived.vrrp.effective_priority[VI_1]', 'keepalived.rs.weight[1.1]', 'keepalived.rs.status[1.1]') "
                + "AND h.clock = (SELECT max(clock) FROM history_uint WHERE itemid = i.itemid)";
        String expected = "director1 keepalived.vrrp.effective_priority[VI_1] 150, director1 keepalived.vrrp.state[VI_1] 2, "
                + "director2 keepalived.rs.status[1.1] 1, director2 keepalived.rs.weight[1.1] 1, "
                + "director2 keepalived.vrrp.effective_priority[VI_1] 100, director2 keepalived.vrrp.state[VI_1] 1";
        String[] last = {""};
        try {
            await("discovered items poll master (2) on director 1, backup (1) and the alive (1) real server of "
                    + "weight 1 on director 2",
                    Duration.ofSeconds(30), () -> (last[0] = query(monitor, polled)).equals(expected));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; polled: " + last[0] + "; discovered items: "
                    + query(monitor, "SELECT string_agg(o.host || ' ' || i.key_ || ' ' || r.state || ' ' || r.error, "
                    + "'; ') FROM items i JOIN hosts o ON o.hostid = i.hostid JOIN item_rtdata r ON r.itemid = "
                    + "i.itemid WHERE i.type = 20 AND o.host LIKE 'director%'"), e);
        }
        // every item the discovery made (4 per instance, 4 per real server) polls a column that exists
        assertEquals("12", query(monitor, "SELECT count(*) FROM items i JOIN hosts o ON o.hostid = i.hostid "
                + "WHERE i.flags = 4 AND o.host LIKE 'director%'"));
        // (the connection rate needs two polls for its first value)
        await("a value for every discovered item", Duration.ofSeconds(20), () -> query(monitor,
                "SELECT count(*) FROM items i WHERE i.flags = 4 AND (EXISTS (SELECT 1 FROM history_uint h WHERE "
                        + "h.itemid = i.itemid) OR EXISTS (SELECT 1 FROM history h WHERE h.itemid = i.itemid))")
                .equals("12"));
        assertEquals("", query(monitor, "SELECT string_agg(i.key_ || ': ' || r.error, '; ') FROM items i "
                + "JOIN item_rtdata r ON r.itemid = i.itemid WHERE i.flags = 4 AND r.state <> 0"),
                "discovered items Zabbix could not poll");
        System.out.printf("ZabbixTrapIT: polled through discovered items: %s; whole test %d ms%n", last[0],
                since(started).toMillis());
    }

    // ------------------------------------------------------------------ helpers

    /** snmptrapd as the README configures it, with KEEPALIVED-MIB loaded so the trap text carries names. */
    private static void startSnmptrapd(Host monitor, Path trapFile) throws IOException {
        Path dir = Files.createDirectories(monitor.workDir().resolve("snmptrapd"));
        Path conf = dir.resolve("snmptrapd.conf");
        Files.writeString(conf, "authCommunity log,execute public\n"
                + "traphandle default " + BASEDIR.resolve("scripts/zabbix-trap-handler") + " " + trapFile + "\n");
        String mibs = BASEDIR.resolve("mibs") + ":" + BASEDIR.resolveSibling("shared").resolve("ietf-mibs");
        monitor.start("snmptrapd", List.of("snmptrapd", "-f", "-Lo", "-C", "-c", conf.toString(), "-M", "+" + mibs,
                        "-m", "+KEEPALIVED-MIB", "udp:" + monitor.ipv4() + ":162"),
                Map.of("SNMP_PERSISTENT_DIR", dir.toString())).waitForOutput("NET-SNMP version", Duration.ofSeconds(10));
    }

    /**
     * keepalive4j (VRRP only) with traps enabled as the AgentX subagent of the host's snmpd, whose traps go to
     * the monitoring host; snmpd is started on the first call only.
     */
    private static ManagedProcess startDirector(Host host, String state, int priority, Host monitor,
                                                String virtualServers) throws IOException {
        Path dir = host.workDir();
        Path conf = dir.resolve("keepalived.conf");
        if (!Files.exists(conf)) {
            NetSnmp snmp = NetSnmp.unixMaster(host).trapSinkAt(monitor.ipv4() + ":162")
                    .alsoServing(host.ipv4(), monitor.ipv4());
            snmp.startSnmpd();
            Files.writeString(conf, "global_defs {\n  router_id director" + host.name().substring(1)
                    + "\n  enable_traps\n}\nvrrp_instance VI_1 {\n  state " + state + "\n  interface eth0\n"
                    + "  virtual_router_id 51\n  priority " + priority + "\n  advert_int 1\n"
                    + "  authentication {\n    auth_type PASS\n    auth_pass k4jzbx\n  }\n"
                    + "  virtual_ipaddress {\n    " + VIP + "\n  }\n}\n" + virtualServers);
            Files.writeString(dir.resolve("agentx"), snmp.agentxSocket());
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // VRRP and checkers both (no -P/-C); the checkers' dataplane is the default logging one
        ManagedProcess daemon = host.start("keepalive4j-" + System.nanoTime(), List.of(java, "-jar", JAR.toString(),
                "-n", "-l", "-D", "-x", "-A", Files.readString(dir.resolve("agentx")), "-f", conf.toString(),
                "-p", dir.resolve("parent.pid").toString(), "-r", dir.resolve("vrrp.pid").toString(),
                "-c", dir.resolve("check.pid").toString()), Map.of("KEEPALIVE4J_DUMP_DIR", dir.toString()));
        daemon.waitForOutput("keepalive4j \\S+ started", Duration.ofSeconds(40));
        return daemon;
    }

    /** The real server of director 2's virtual server: an HTTP server on the monitoring host's port 8080. */
    private static ManagedProcess startRealServer(Host monitor) {
        ManagedProcess p = monitor.start("http-" + System.nanoTime(), List.of("python3", "-u", "-m", "http.server",
                "--bind", monitor.ipv4(), "8080"), Map.of());
        p.waitForOutput("Serving HTTP", Duration.ofSeconds(10));
        return p;
    }

    /** Open problems of the test's hosts, one line "eventid|host|name|tag=value" each. */
    private static String openProblems(Host monitor) {
        return query(monitor, "SELECT p.eventid || '|' || o.host || '|' || p.name || '|' || COALESCE((SELECT string_agg(t.tag || '=' "
                + "|| t.value, ',') FROM problem_tag t WHERE t.eventid = p.eventid), '') FROM problem p "
                + "JOIN triggers g ON g.triggerid = p.objectid JOIN functions f ON f.triggerid = g.triggerid "
                + "JOIN items i ON i.itemid = f.itemid JOIN hosts o ON o.hostid = i.hostid "
                + "WHERE p.source = 0 AND p.object = 0 AND p.r_eventid IS NULL AND o.host LIKE 'director%'");
    }

    private static String query(Host monitor, String sql) {
        return monitor.exec(Duration.ofSeconds(10), "psql", "-h", "127.0.0.1", "-p", PG_PORT, "-U", "postgres",
                "-d", "zabbix", "-At", "-v", "ON_ERROR_STOP=1", "-c", sql).orThrow().stdout().strip();
    }

    private static String trapsSince(Path trapFile, long offset) {
        try {
            byte[] all = Files.readAllBytes(trapFile);
            return new String(all, (int) offset, all.length - (int) offset, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String resource(String name) {
        try {
            return Path.of(ZabbixTrapIT.class.getResource("/zabbix/" + name).toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Duration since(long nanos) {
        return Duration.ofNanos(System.nanoTime() - nanos);
    }

    private static void await(String what, Duration timeout, Supplier<Boolean> condition) {
        awaitValue(what, timeout, () -> condition.get() ? "yes" : "");
    }

    /** Polls every 50 ms until {@code value} is non-empty, and returns it. */
    private static String awaitValue(String what, Duration timeout, Supplier<String> value) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String v = value.get();
            if (!v.isEmpty()) {
                return v;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + ": not within " + timeout.toMillis() + " ms");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }
}
