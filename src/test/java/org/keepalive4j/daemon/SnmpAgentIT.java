package org.keepalive4j.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keepalive4j.testlib.CommandResult;
import org.keepalive4j.testlib.Host;
import org.keepalive4j.testlib.NetSnmp;
import org.keepalive4j.testlib.NetnsLab;
import org.keepalive4j.testlib.Root;

/**
 * The operator's SNMP story with the real net-snmp: the packaged daemon (-x) registers with snmpd as
 * an AgentX subagent; snmpwalk shows the configured tables; snmpset moves base priority and weight,
 * survives a reload, and bad sets get the proper SNMP errors. Runs in a lab namespace with -C, so no
 * VRRP is spoken: the values are the configuration's.
 */
class SnmpAgentIT {

    private static final Path CONF = Path.of(System.getProperty("keepalive4j.basedir", "."))
            .resolve("src/test/resources/snmp/agent.conf");

    private NetnsLab lab;
    private Host host;
    private NetSnmp snmp;
    private JarProcess daemon;
    private Path conf;

    @BeforeAll
    static void root() {
        Root.assume();
    }

    @BeforeEach
    void lab() throws Exception {
        lab = NetnsLab.start(1);
        host = lab.host(1);
        conf = host.workDir().resolve("keepalived.conf");
        Files.copy(CONF, conf);
    }

    @AfterEach
    void close() throws Exception {
        if (daemon != null) {
            daemon.close();
        }
        if (snmp != null) {
            snmp.close();
        }
        lab.close();
    }

    private void startDaemon() throws Exception {
        Path run = host.workDir().resolve("run");
        Files.createDirectories(run);
        daemon = JarProcess.startIn(host.namespace(), host.workDir(), "-n", "-l", "-G", "-C", "-x",
                "-A", snmp.agentxSocket(), "-p", run.resolve("k.pid").toString(), "-r", run.resolve("v.pid").toString(),
                "-c", run.resolve("c.pid").toString(), "-f", conf.toString());
    }

    /** Polls until the subagent has registered and answers through snmpd. */
    private void awaitRegistered() throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < end) {
            if (snmp.get("KEEPALIVED-MIB::routerId.0").contains("k4j-it")) {
                return;
            }
            assertTrue(daemon.isAlive(), "daemon died:\n" + daemon.stderr());
            Thread.sleep(100);
        }
        throw new AssertionError("not registered with snmpd within 20 s; daemon log:\n" + daemon.stderr());
    }

    @Test
    void tablesVersionRouterIdAndSysOrTableThroughSnmpdOnAUnixSocket() throws Exception {
        snmp = NetSnmp.unixMaster(host);
        snmp.startSnmpd();
        startDaemon();
        awaitRegistered();
        assertTablesServed();
    }

    @Test
    void theSameOverTcpAndWithSnmpdStartedAfterUs() throws Exception {
        snmp = NetSnmp.tcpMaster(host, 7705);
        startDaemon();
        Thread.sleep(1500); // the subagent retries meanwhile; it must register as soon as snmpd appears
        snmp.startSnmpd();
        long t0 = System.nanoTime();
        awaitRegistered();
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(ms < 3000, "registered " + ms + " ms after snmpd started");
        assertTablesServed();
    }

    private void assertTablesServed() {
        assertTrue(snmp.get("KEEPALIVED-MIB::version.0").contains("keepalive4j"), snmp.get("KEEPALIVED-MIB::version.0"));
        assertEquals("k4j-it", snmp.get("KEEPALIVED-MIB::routerId.0"));
        assertEquals(List.of("VI_1", "VI_2", "VI_3"), snmp.walkValues("KEEPALIVED-MIB::vrrpInstanceName"));
        assertEquals(List.of("51", "52", "53"), snmp.walkValues("KEEPALIVED-MIB::vrrpInstanceVirtualRouterId"));
        assertEquals(List.of("150", "120", "90"), snmp.walkValues("KEEPALIVED-MIB::vrrpInstanceBasePriority"));
        assertEquals(List.of("G1"), snmp.walkValues("KEEPALIVED-MIB::vrrpSyncGroupName"));
        assertEquals(List.of("VI_1", "VI_2"), snmp.walkValues("KEEPALIVED-MIB::vrrpSyncGroupMemberName"));
        // InetAddress is an OCTET STRING without a display hint: net-snmp prints the bytes (10.77.0.101...)
        assertEquals(List.of("0A 4D 00 65", "0A 4D 00 66", "0A 4D 00 67", "0A 4D 00 68"),
                snmp.walkValues("KEEPALIVED-MIB::vrrpAddressValue").stream().map(v -> v.replace("\"", "").strip()).toList());
        assertEquals(2, snmp.walkValues("KEEPALIVED-MIB::virtualServerPort").size());
        assertEquals(List.of("80", "443"), snmp.walkValues("KEEPALIVED-MIB::virtualServerPort"));
        assertEquals(List.of("1", "2", "3", "10", "20", "30"), snmp.walkValues("KEEPALIVED-MIB::realServerWeight"));
        List<String> sysOr = snmp.walkValues("SNMPv2-MIB::sysORDescr");
        assertTrue(sysOr.stream().anyMatch(d -> d.toLowerCase().contains("keepalive")), "sysORTable: " + sysOr);
    }

    @Test
    void setsReadBackSurviveAReloadAndBadSetsChangeNothing() throws Exception {
        snmp = NetSnmp.unixMaster(host);
        snmp.startSnmpd();
        startDaemon();
        awaitRegistered();

        CommandResult ok = snmp.set("KEEPALIVED-MIB::vrrpInstanceBasePriority.1", "i", "120");
        assertTrue(ok.ok(), ok.describe());
        assertEquals("120", snmp.get("KEEPALIVED-MIB::vrrpInstanceBasePriority.1"));
        CommandResult drain = snmp.set("KEEPALIVED-MIB::realServerWeight.1.2", "i", "0");
        assertTrue(drain.ok(), drain.describe());
        assertEquals("0", snmp.get("KEEPALIVED-MIB::realServerWeight.1.2"));
        assertTrue(daemon.stderr().contains("vrrpInstanceBasePriority"), "every set is logged:\n" + daemon.stderr());

        assertSetFails("KEEPALIVED-MIB::vrrpInstanceBasePriority.1", "i", "255", "wrongValue");
        assertSetFails("KEEPALIVED-MIB::vrrpInstanceBasePriority.1", "i", "0", "wrongValue");
        assertSetFails("KEEPALIVED-MIB::vrrpInstanceBasePriority.1", "s", "high", "wrongType");
        assertSetFails("KEEPALIVED-MIB::realServerWeight.1.2", "i", "65536", "wrongValue");
        assertSetFails("KEEPALIVED-MIB::vrrpInstanceName.1", "s", "VI_X", "notWritable");
        assertSetFails("KEEPALIVED-MIB::vrrpInstanceVirtualRouterId.1", "i", "7", "notWritable");
        assertEquals("120", snmp.get("KEEPALIVED-MIB::vrrpInstanceBasePriority.1"));
        assertEquals("0", snmp.get("KEEPALIVED-MIB::realServerWeight.1.2"));
        assertEquals("VI_1", snmp.get("KEEPALIVED-MIB::vrrpInstanceName.1"));

        // SIGHUP with the same configuration: the operator's overrides stay (keepalived loses them).
        reload();
        assertEquals("120", snmp.get("KEEPALIVED-MIB::vrrpInstanceBasePriority.1"));
        assertEquals("0", snmp.get("KEEPALIVED-MIB::realServerWeight.1.2"));

        // A reload that changes that very field takes the configuration's new value.
        Files.writeString(conf, Files.readString(conf).replace("priority 150", "priority 140"));
        reload();
        assertEquals("140", snmp.get("KEEPALIVED-MIB::vrrpInstanceBasePriority.1"));
        assertEquals("0", snmp.get("KEEPALIVED-MIB::realServerWeight.1.2"), "an unrelated override stays");
        assertEquals(List.of("VI_1", "VI_2", "VI_3"), snmp.walkValues("KEEPALIVED-MIB::vrrpInstanceName"),
                "indexes are stable across reloads");
    }

    @Test
    void theShippedSnmpdExampleServesReadsAndLimitsWritesToTheWritableColumns() throws Exception {
        snmp = NetSnmp.fromExample(host);
        snmp.startSnmpd();
        startDaemon();
        awaitRegistered();
        assertEquals(List.of("VI_1", "VI_2", "VI_3"), snmp.walkValues("KEEPALIVED-MIB::vrrpInstanceName"));
        CommandResult ok = snmp.set("KEEPALIVED-MIB::vrrpInstancePreempt.3", "i", "1");
        assertTrue(ok.ok(), ok.describe());
        assertTrue(snmp.set("KEEPALIVED-MIB::realServerWeight.2.1", "i", "5").ok());
        assertEquals("5", snmp.get("KEEPALIVED-MIB::realServerWeight.2.1"));
        // outside the write view: refused by snmpd itself, before it reaches us
        assertSetFails("SNMPv2-MIB::sysContact.0", "s", "x", "noAccess");
        // the read-only community cannot write at all
        CommandResult ro = snmp.tool("snmpset", "-v2c", "-c", "public", "-Ir", "-t", "2", "-r", "0", "127.0.0.1",
                "KEEPALIVED-MIB::vrrpInstanceBasePriority.1", "i", "100");
        assertFalse(ro.ok(), ro.describe());
        assertEquals("150", snmp.get("KEEPALIVED-MIB::vrrpInstanceBasePriority.1"));
    }

    private int reloads;

    private void reload() throws Exception {
        reloads++;
        new ProcessBuilder("kill", "-HUP", Long.toString(daemon.pid())).start().waitFor();
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < end) {
            if (daemon.stderr().contains("Configuration reloaded (reload " + reloads + ")")) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no reload logged:\n" + daemon.stderr());
    }

    private void assertSetFails(String oid, String type, String value, String error) {
        CommandResult r = snmp.set(oid, type, value);
        assertFalse(r.ok(), "set " + oid + " = " + value + " should fail: " + r.describe());
        assertTrue((r.stdout() + r.stderr()).contains(error), "expected " + error + " for " + oid + " = " + value + ": "
                + r.describe());
    }
}
