package org.keepalive4j.dataplane.ipvs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.keepalive4j.testlib.CommandResult;
import org.keepalive4j.testlib.Processes;
import org.keepalive4j.testlib.Root;

/**
 * The daemon on a kernel with IPVS: this machine's kernel has none, so the test boots a Debian kernel that
 * has it under qemu ({@code ../shared/tools/ipvs-vm.sh}, the host's root filesystem shared read-only) and
 * runs keepalive4j from this build inside, with net-snmp's snmpd, three real servers in namespaces and a
 * client. Everything happens in one boot (Java under emulation is slow); the guest script
 * (resources dataplane/ipvs-guest.sh) prints {@code ipvsadm} output in sections that are checked here:
 * the configured service and destinations after load (lvs_dataplane is left at its default, auto, which
 * must pick IPVS), traffic counted in the stats, a real server gone after its TCP_CHECK fails, a weight
 * set through snmpset in the kernel, the SIGUSR1 dump, our services gone after SIGTERM (someone else's
 * service and a stale copy of ours are planted first: the stale one is replaced, the other left alone), and
 * a second run with -I whose table stays after SIGTERM.
 */
// The guest runs for minutes under software emulation. It shares nothing with the other tests (its own
// kernel, namespaces and daemons), so it runs beside them (junit-platform.properties), its qemu at nice 19
// so that the timing stories running meanwhile keep the CPUs whenever they want them.
@Execution(ExecutionMode.CONCURRENT)
class IpvsVmIT {

    private static final Path BASE = Path.of(System.getProperty("keepalive4j.basedir", ".")).toAbsolutePath();
    private static final Path VM = BASE.resolveSibling("shared").resolve("tools").resolve("ipvs-vm.sh");
    private static final Path JAR = BASE.resolve("target/keepalive4j-0.1.0-SNAPSHOT.jar");

    @Test
    void theDaemonProgramsIpvsFollowsChecksAndSnmpSetsAndCleansUpOnStop() throws IOException {
        Root.assume();
        assertTrue(Files.isRegularFile(VM), "the IPVS VM tool is missing: " + VM);
        assertTrue(Files.isRegularFile(JAR), "the daemon's jar is missing (mvn package): " + JAR);
        Path vmDir = Path.of(System.getenv().getOrDefault("IPVS_VM_DIR", "/var/tmp/ipvs-vm"));
        if (!Files.isRegularFile(vmDir.resolve("vmlinux"))) {
            Processes.run(Duration.ofMinutes(10), List.of("bash", VM.toString(), "setup")).orThrow();
        }
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path work = Files.createTempDirectory("ipvs-vm-it-");
        String script;
        try (var in = IpvsVmIT.class.getResourceAsStream("/dataplane/ipvs-guest.sh")) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        long start = System.nanoTime();
        CommandResult r;
        try {
            Path archive = classArchive(javaBin, work);
            script = script.replace("@JAVA@", javaBin).replace("@JAR@", JAR.toString())
                    .replace("@JAVA_OPTS@", archive == null ? "" : "-XX:SharedArchiveFile=" + archive + " -Xlog:cds=off")
                    .replace("@MIBDIRS@", BASE.resolve("mibs") + ":" + BASE.resolveSibling("shared").resolve("ietf-mibs"));
            Path file = work.resolve("guest.sh");
            Files.writeString(file, script);
            r = Processes.run(Duration.ofMinutes(14), List.of("nice", "-n", "19", "env", "VM_TIMEOUT=780", "bash",
                    VM.toString(), "run",
                    file.toString()));
        } finally {
            Processes.run("rm", "-rf", work.toString());
        }
        System.out.printf("IpvsVmIT: guest run %.1f s%n", (System.nanoTime() - start) / 1e9);
        String out = r.stdout();
        System.out.println(out);
        assertEquals(0, r.exitCode(), "guest script failed:\n" + out + "\n" + r.stderr());
        assertFalse(out.contains("TIMEOUT waiting"), out);
        Map<String, String> s = sections(out);

        // after load: auto chose IPVS, the service and all three destinations as configured
        String load = s.get("after-load");
        assertTrue(load.contains("TCP  10.50.1.100:80 wrr persistent 300 mask 255.255.255.0"), load);
        assertDestination(load, "10.50.2.11:8080", "Masq", 1);
        assertDestination(load, "10.50.2.12:8080", "Masq", 2);
        assertDestination(load, "10.50.2.13:8080", "Masq", 3);
        assertTrue(s.get("daemon-log").contains("Dataplane auto: the kernel has IPVS"), s.get("daemon-log"));
        // the stale copy of our service was replaced (no lc, no 10.50.2.99), someone else's stays
        assertFalse(load.contains("10.50.2.99") || load.contains(":80 lc"), load);
        assertTrue(load.contains("TCP  10.50.9.9:80 rr"), load);
        assertTrue(s.get("daemon-log").contains("replacing service 10.50.1.100:80/TCP left in the kernel"),
                s.get("daemon-log"));
        // an IPv6 fwmark service (scheduler flag, one-packet scheduling, prefix granularity) and a UDP one
        assertTrue(load.contains("FWM  7 IPv6 sh (sh-port) persistent 60 mask 64 ops"), load);
        assertTrue(Pattern.compile("->\\s+\\[2001:db8::2\\]:0\\s+Route\\s+2\\s").matcher(load).find(), load);
        assertTrue(load.contains("UDP  10.50.1.100:53 rr"), load);
        assertDestination(load, "10.50.2.13:53", "Route", 1);
        assertTrue(Pattern.compile("->\\s+10\\.50\\.2\\.13:53\\s+100\\s+10\\s").matcher(s.get("thresholds")).find(),
                "uthreshold 100, lthreshold 10: " + s.get("thresholds"));

        // six requests through the VIP, all answered, counted as connections by the service
        assertEquals(6, s.get("traffic").lines().filter(l -> l.startsWith("server ")).count(), s.get("traffic"));
        Matcher conns = Pattern.compile("TCP\\s+10\\.50\\.1\\.100:80\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)").matcher(s.get("stats"));
        assertTrue(conns.find(), s.get("stats"));
        assertTrue(Integer.parseInt(conns.group(1)) >= 6, "connections: " + s.get("stats"));
        assertTrue(Integer.parseInt(conns.group(2)) > 0 && Integer.parseInt(conns.group(3)) > 0, s.get("stats"));
        // ... and read back into the MIB through the daemon's counters (STATS64 and the connection gauges)
        String mib = s.get("mib-stats");
        Matcher vsConns = Pattern.compile("virtualServerStatsConns\\.1 = Gauge32: (\\d+)").matcher(mib);
        assertTrue(vsConns.find() && Integer.parseInt(vsConns.group(1)) >= 6, mib);
        Matcher rsConns = Pattern.compile("realServerStatsConns\\.1\\.3 = Gauge32: (\\d+)").matcher(mib);
        assertTrue(rsConns.find() && Integer.parseInt(rsConns.group(1)) >= 6, "persistence sent all to .13: " + mib);
        assertTrue(mib.contains("realServerStatsInactiveConns.1.3 = Gauge32: "), mib);

        // the first server's listener stopped: its TCP_CHECK fails and it leaves the table
        String down = s.get("after-down");
        assertFalse(down.contains("10.50.2.11:8080"), down);
        assertDestination(down, "10.50.2.12:8080", "Masq", 2);
        assertDestination(down, "10.50.2.13:8080", "Masq", 3);

        // snmpset realServerWeight.1.2 = 0 reaches the kernel
        assertTrue(s.get("snmpset").contains("realServerWeight.1.2 = INTEGER: 0"), s.get("snmpset"));
        assertDestination(s.get("after-snmpset"), "10.50.2.12:8080", "Masq", 0);
        assertDestination(s.get("after-snmpset"), "10.50.2.13:8080", "Masq", 3);

        // SIGUSR1: the dump shows the kernel's table as read back over netlink
        String dump = s.get("dump");
        assertTrue(dump.contains("Service 10.50.1.100:80/TCP wrr persistent 300 s granularity 255.255.255.0"), dump);
        assertTrue(dump.contains("Destination 10.50.2.12:8080 weight 0 NAT"), dump);
        assertTrue(dump.contains("Destination 10.50.2.13:8080 weight 3 NAT"), dump);

        // SIGTERM: our service is removed
        String stop = s.get("after-stop");
        assertFalse(stop.contains("10.50.1.100") || stop.contains("FWM"), stop);
        assertTrue(stop.contains("TCP  10.50.9.9:80 rr"), "not ours, left alone: " + stop);

        // -I: the next run's table stays in the kernel after SIGTERM
        String kept = s.get("after-stop-keep");
        assertTrue(kept.contains("TCP  10.50.1.100:80 wrr persistent 300 mask 255.255.255.0"), kept);
        assertDestination(kept, "10.50.2.13:8080", "Masq", 3);
        assertTrue(kept.contains("FWM  7 IPv6 sh"), kept);
    }

    /**
     * Java under emulation spends most of its start loading classes; a dynamic class-data-sharing archive
     * made on the host (the daemon run until it has started, in a namespace of its own so it touches
     * nothing) cuts the guest's start several times. The guest sees it through the shared root. Null when
     * the archive cannot be made: the guest then starts without it, only slower.
     */
    private static Path classArchive(String javaBin, Path work) throws IOException {
        Path archive = work.resolve("k4j.jsa");
        Path conf = work.resolve("cds.conf");
        Files.writeString(conf, "global_defs {\n router_id cds\n lvs_dataplane logging\n}\n"
                + "virtual_server 10.50.1.100 80 {\n lb_algo wrr\n lb_kind NAT\n protocol TCP\n"
                + " real_server 10.50.2.11 8080 {\n  TCP_CHECK {\n  }\n }\n}\n");
        String daemon = String.join(" ", javaBin, "-XX:ArchiveClassesAtExit=" + archive, "-Xlog:cds=off",
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss512k", "-jar", JAR.toString(), "-n", "-l", "-D",
                "-f", conf.toString(), "-p", work.resolve("p.pid").toString(), "-r", work.resolve("r.pid").toString(),
                "-c", work.resolve("c.pid").toString(), "-C", "-x", "-A", "unix:" + work.resolve("no-agentx"));
        Path log = work.resolve("cds.log");
        CommandResult r = Processes.run(Duration.ofSeconds(90), List.of("unshare", "-n", "sh", "-c",
                "ip link set lo up; " + daemon + " > " + log + " 2>&1 & p=$!; i=0;"
                        + " while ! grep -q 'started, pid' " + log + " && [ $i -lt 300 ]; do sleep 0.2; i=$((i+1)); done;"
                        + " sleep 1; kill -TERM $p; wait $p"));
        if (!Files.isRegularFile(archive)) {
            System.out.println("IpvsVmIT: no class archive (" + r.describe() + "); the guest starts Java without");
            return null;
        }
        return archive;
    }

    private static void assertDestination(String table, String destination, String forward, int weight) {
        Pattern p = Pattern.compile("->\\s+" + Pattern.quote(destination) + "\\s+" + forward + "\\s+" + weight + "\\s");
        assertTrue(p.matcher(table).find(), destination + " " + forward + " weight " + weight + " in:\n" + table);
    }

    /** "=== name ... ===" opens a section that runs to the next one. */
    static Map<String, String> sections(String out) {
        Map<String, String> result = new LinkedHashMap<>();
        Matcher m = Pattern.compile("(?m)^=== (\\S+)[^\\n]*===$").matcher(out);
        String name = null;
        int from = 0;
        while (m.find()) {
            if (name != null) {
                result.put(name, out.substring(from, m.start()));
            }
            name = m.group(1);
            from = m.end();
        }
        if (name != null) {
            result.put(name, out.substring(from));
        }
        for (String required : List.of("after-load", "thresholds", "traffic", "stats", "mib-stats", "after-down", "snmpset", "after-snmpset",
                "dump", "after-stop", "after-stop-keep", "daemon-log")) {
            assertTrue(result.containsKey(required), "no section " + required + " in:\n" + out);
        }
        return result;
    }
}
