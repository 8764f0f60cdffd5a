package org.keepalive4j.testlib;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * net-snmp inside one lab host: snmpd as AgentX master (unix socket in the host's work directory, or
 * tcp on the host's loopback) answering v2c on the host's 127.0.0.1:161, snmptrapd on its
 * 127.0.0.1:162 receiving snmpd's traps, and the client tools run in the same namespace. MIB names
 * resolve from the project's mibs/ and ../shared/ietf-mibs. The system's snmp configuration is ignored.
 */
public final class NetSnmp implements AutoCloseable {

    private final Host host;
    private final Path dir;
    private final String agentxSocket;
    private final String mibDirs;
    private ManagedProcess snmpd;
    private ManagedProcess snmptrapd;
    private boolean endpointInConfig;
    private final List<String> extraEndpoints = new ArrayList<>();

    private NetSnmp(Host host, String agentxSocket) {
        this.host = host;
        this.dir = host.workDir().resolve("netsnmp");
        this.agentxSocket = agentxSocket;
        Path base = Path.of(System.getProperty("keepalive4j.basedir", ".")).toAbsolutePath();
        this.mibDirs = base.resolve("mibs") + ":" + base.resolveSibling("shared").resolve("ietf-mibs");
        try {
            Files.createDirectories(dir.resolve("persist"));
            Files.writeString(dir.resolve("snmpd.conf"), String.join("\n",
                    "master agentx",
                    "agentXSocket " + agentxSocket,
                    "agentXTimeout 1",
                    "rocommunity public 127.0.0.1",
                    "rwcommunity private 127.0.0.1",
                    "trap2sink 127.0.0.1:162 public",
                    ""));
            Files.writeString(dir.resolve("snmptrapd.conf"), "disableAuthorization yes\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** snmpd with its AgentX master socket at unix:{host work dir}/netsnmp/agentx. */
    public static NetSnmp unixMaster(Host host) {
        return new NetSnmp(host, "unix:" + host.workDir().resolve("netsnmp").resolve("agentx"));
    }

    /** snmpd with its AgentX master on tcp:127.0.0.1:{port} of the host. */
    public static NetSnmp tcpMaster(Host host, int port) {
        return new NetSnmp(host, "tcp:127.0.0.1:" + port);
    }

    /**
     * snmpd configured by the project's etc/snmpd.conf.example, with only its AgentX socket moved
     * into the host's work directory — so the example shipped to operators is what gets tested.
     */
    public static NetSnmp fromExample(Host host) {
        NetSnmp n = unixMaster(host);
        Path example = Path.of(System.getProperty("keepalive4j.basedir", ".")).resolve("etc/snmpd.conf.example");
        try {
            String text = Files.readString(example).replace("agentXSocket unix:/var/agentx/master",
                    "agentXSocket " + n.agentxSocket);
            if (text.equals(Files.readString(example))) {
                throw new IllegalStateException("etc/snmpd.conf.example no longer has the default agentXSocket line");
            }
            Files.writeString(n.dir.resolve("snmpd.conf"), text);
            n.endpointInConfig = true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return n;
    }

    /**
     * Sends snmpd's traps to {@code address} ("10.77.0.13:162") instead of the host's own snmptrapd, e.g. to
     * a monitoring host of the lab. Call before {@link #startSnmpd()}.
     */
    public NetSnmp trapSinkAt(String address) {
        Path conf = dir.resolve("snmpd.conf");
        try {
            String text = Files.readString(conf);
            String moved = text.replace("trap2sink 127.0.0.1:162 public", "trap2sink " + address + " public");
            if (moved.equals(text)) {
                throw new IllegalStateException(conf + " has no default trap2sink line to move");
            }
            Files.writeString(conf, moved);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /**
     * Also answers v2c reads (community public) from {@code client} on {@code address}:161, e.g. the host's
     * eth0 address for a monitoring host of the lab that polls it. Call before {@link #startSnmpd()}.
     */
    public NetSnmp alsoServing(String address, String client) {
        extraEndpoints.add("udp:" + address + ":161");
        try {
            Files.writeString(dir.resolve("snmpd.conf"), "rocommunity public " + client + "\n",
                    java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** The value for keepalive4j's -A. */
    public String agentxSocket() {
        return agentxSocket;
    }

    private Map<String, String> env() {
        return Map.of("SNMP_PERSISTENT_DIR", dir.resolve("persist").toString(), "MIBDIRS", "+" + mibDirs,
                "MIBS", "+KEEPALIVED-MIB");
    }

    public ManagedProcess startSnmpd() {
        List<String> cmd = new ArrayList<>(List.of("snmpd", "-f", "-Lo", "-C", "-c", dir.resolve("snmpd.conf").toString()));
        if (!endpointInConfig) {
            cmd.add("udp:127.0.0.1:161");
        }
        cmd.addAll(extraEndpoints);
        snmpd = host.start("snmpd", cmd, env());
        snmpd.waitForOutput("NET-SNMP version", Duration.ofSeconds(10));
        return snmpd;
    }

    public ManagedProcess startSnmptrapd() {
        snmptrapd = host.start("snmptrapd", List.of("snmptrapd", "-f", "-Lo", "-C", "-c",
                dir.resolve("snmptrapd.conf").toString(), "udp:127.0.0.1:162"), env());
        snmptrapd.waitForOutput("NET-SNMP version", Duration.ofSeconds(10));
        return snmptrapd;
    }

    public ManagedProcess snmpd() {
        return snmpd;
    }

    public ManagedProcess snmptrapd() {
        return snmptrapd;
    }

    /** Runs an SNMP client tool in the host with the MIB environment; e.g. tool("snmpget", "-v2c", ...). */
    public CommandResult tool(String... command) {
        List<String> cmd = new ArrayList<>(List.of("env", "SNMP_PERSISTENT_DIR=" + dir.resolve("persist"),
                "MIBDIRS=+" + mibDirs, "MIBS=+KEEPALIVED-MIB"));
        cmd.addAll(List.of(command));
        return host.exec(Duration.ofSeconds(30), cmd.toArray(String[]::new));
    }

    /** Full lines "NAME = TYPE: VALUE" with MIB names. */
    public List<String> walk(String oid) {
        return lines(tool("snmpwalk", "-v2c", "-c", "public", "-t", "2", "-r", "1", "127.0.0.1", oid));
    }

    /** Values only (-Oqv) of a walk, in walk order. */
    public List<String> walkValues(String oid) {
        return lines(tool("snmpwalk", "-v2c", "-c", "public", "-Oqv", "-t", "2", "-r", "1", "127.0.0.1", oid));
    }

    public String get(String oid) {
        CommandResult r = tool("snmpget", "-v2c", "-c", "public", "-Oqv", "-t", "2", "-r", "1", "127.0.0.1", oid);
        return r.ok() ? r.stdout().strip() : "ERROR: " + r.stderr().strip();
    }

    /**
     * snmpset with the write community; the result carries net-snmp's error text on failure. -Ir: the
     * tool does not check type or range against the MIB itself, so the agent's validation is tested.
     */
    public CommandResult set(String oid, String type, String value) {
        return tool("snmpset", "-v2c", "-c", "private", "-Ir", "-t", "2", "-r", "0", "127.0.0.1", oid, type, value);
    }

    private static List<String> lines(CommandResult r) {
        List<String> out = new ArrayList<>();
        if (r.ok()) {
            for (String l : r.stdout().split("\n")) {
                if (!l.isBlank() && !l.contains("No Such") && !l.contains("No more variables")) {
                    out.add(l.strip());
                }
            }
        }
        return out;
    }

    @Override
    public void close() {
        if (snmpd != null) {
            snmpd.signal("CONT");
            snmpd.stop();
        }
        if (snmptrapd != null) {
            snmptrapd.stop();
        }
    }
}
