package org.keepalive4j.agentx;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.keepalive4j.testlib.CommandResult;
import org.keepalive4j.testlib.ManagedProcess;
import org.keepalive4j.testlib.Processes;

/**
 * A private net-snmp setup on loopback for one test class: snmpd as AgentX master (on a unix socket in
 * the lab directory or on a tcp port of 127.0.0.1), answering SNMP on a free udp port of 127.0.0.1 and
 * sending v2c traps to an snmptrapd on another free port. The system configuration is ignored (-C).
 */
final class SnmpLab implements AutoCloseable {

    final Path dir;
    final MasterAddress master;
    final int snmpPort;
    final int trapPort;
    private final Path snmpdConf;
    private ManagedProcess snmpd;
    private ManagedProcess snmptrapd;
    private int snmpdStarts;

    private SnmpLab(Path dir, MasterAddress master, int snmpPort, int trapPort) {
        this.dir = dir;
        this.master = master;
        this.snmpPort = snmpPort;
        this.trapPort = trapPort;
        this.snmpdConf = dir.resolve("snmpd.conf");
    }

    static SnmpLab unix(Path dir) {
        return create(dir, MasterAddress.unix(dir.resolve("agentx").toString()));
    }

    static SnmpLab tcp(Path dir) {
        return create(dir, MasterAddress.tcp("127.0.0.1", freeTcpPort()));
    }

    private static SnmpLab create(Path dir, MasterAddress master) {
        SnmpLab lab = new SnmpLab(dir, master, freeUdpPort(), freeUdpPort());
        lab.writeConfigs();
        return lab;
    }

    private void writeConfigs() {
        try {
            Files.createDirectories(dir.resolve("persist"));
            Files.writeString(snmpdConf, String.join("\n",
                    "master agentx",
                    "agentXSocket " + master,
                    "rocommunity public 127.0.0.1",
                    "rwcommunity private 127.0.0.1",
                    "trap2sink 127.0.0.1:" + trapPort + " public",
                    ""));
            Files.writeString(dir.resolve("snmptrapd.conf"), "disableAuthorization yes\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts snmpd and returns once it has announced itself (its sockets are bound by then). */
    ManagedProcess startSnmpd() {
        snmpdStarts++;
        snmpd = Processes.start(dir, "snmpd-" + snmpdStarts, List.of("snmpd", "-f", "-Lo", "-C", "-c",
                snmpdConf.toString(), "udp:127.0.0.1:" + snmpPort), Map.of("SNMP_PERSISTENT_DIR",
                dir.resolve("persist").toString(), "MIBS", ""));
        snmpd.waitForOutput("NET-SNMP version", Duration.ofSeconds(10));
        return snmpd;
    }

    ManagedProcess snmpd() {
        return snmpd;
    }

    /** SIGKILL, the way a crash ends it: no chance to close sessions or remove the socket. */
    void killSnmpd() {
        snmpd.signal("KILL");
        snmpd.waitForExit(Duration.ofSeconds(5));
    }

    ManagedProcess startSnmptrapd() {
        snmptrapd = Processes.start(dir, "snmptrapd", List.of("snmptrapd", "-f", "-Lo", "-C", "-On", "-c",
                dir.resolve("snmptrapd.conf").toString(), "udp:127.0.0.1:" + trapPort),
                Map.of("SNMP_PERSISTENT_DIR", dir.resolve("persist").toString(), "MIBS", ""));
        snmptrapd.waitForOutput("NET-SNMP version", Duration.ofSeconds(10));
        return snmptrapd;
    }

    /**
     * snmptrapd printing MIB names, as an operator (or Zabbix's trap handler) sees traps: it loads
     * the project's KEEPALIVED-MIB and the standard modules from ../shared/ietf-mibs.
     */
    ManagedProcess startSnmptrapdWithNames() {
        Path base = Path.of(System.getProperty("keepalive4j.basedir", ".")).toAbsolutePath();
        String mibDirs = base.resolve("mibs") + ":" + base.resolveSibling("shared").resolve("ietf-mibs");
        snmptrapd = Processes.start(dir, "snmptrapd", List.of("snmptrapd", "-f", "-Lo", "-C", "-c",
                dir.resolve("snmptrapd.conf").toString(), "udp:127.0.0.1:" + trapPort),
                Map.of("SNMP_PERSISTENT_DIR", dir.resolve("persist").toString(), "MIBDIRS", "+" + mibDirs,
                        "MIBS", "+KEEPALIVED-MIB"));
        snmptrapd.waitForOutput("NET-SNMP version", Duration.ofSeconds(10));
        return snmptrapd;
    }

    ManagedProcess snmptrapd() {
        return snmptrapd;
    }

    /** snmpbulkwalk of {@code oid}, numeric output; the lines that carry a value. */
    List<String> bulkwalk(String oid) {
        CommandResult r = Processes.run(Duration.ofSeconds(30), List.of("snmpbulkwalk", "-v2c", "-c", "public",
                "-On", "-m", "", "-t", "1", "-r", "0", "-Cr50", "127.0.0.1:" + snmpPort, oid));
        return valueLines(r);
    }

    List<String> walk(String oid) {
        CommandResult r = Processes.run(Duration.ofSeconds(30), List.of("snmpwalk", "-v2c", "-c", "public", "-On",
                "-m", "", "-t", "1", "-r", "0", "127.0.0.1:" + snmpPort, oid));
        return valueLines(r);
    }

    private static List<String> valueLines(CommandResult r) {
        List<String> lines = new ArrayList<>();
        if (!r.ok()) {
            return lines;
        }
        for (String line : r.stdout().split("\n")) {
            if (line.startsWith(".") && line.contains(" = ") && !line.contains("No Such")
                    && !line.contains("No more variables")) {
                lines.add(line);
            }
        }
        return lines;
    }

    @Override
    public void close() {
        if (snmpd != null && snmpd.isAlive()) {
            snmpd.signal("CONT");
            snmpd.stop();
        }
        if (snmptrapd != null && snmptrapd.isAlive()) {
            snmptrapd.stop();
        }
    }

    static int freeTcpPort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int freeUdpPort() {
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
