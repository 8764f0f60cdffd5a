package org.keepalive4j.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.keepalive4j.testlib.CommandResult;
import org.keepalive4j.testlib.ManagedProcess;
import org.keepalive4j.testlib.Processes;
import org.keepalive4j.testlib.Root;

/**
 * The Debian package, installed on this machine as an operator would: scripts/build-deb makes the .deb,
 * {@code apt-get install ./keepalive4j_*.deb} installs it (its dependency, a Java 17 runtime, is already
 * there: scripts/lib/packages.sh installs openjdk-17-jdk-headless), the installed launcher answers -v and
 * -t and, started as the unit starts it, sends READY=1 from its own pid; the man page renders, systemd-analyze accepts the unit, net-snmp loads the MIB from where the package
 * puts it; then {@code apt-get remove} leaves only the conffile and {@code purge} leaves nothing.
 *
 * <p>It runs in the root namespace because installing a package is what it tests; it purges keepalive4j
 * before (a run that crashed may have left it) and after.
 */
class DebPackageIT {

    private static final Path BASE = Path.of(System.getProperty("keepalive4j.basedir", "."));
    private static final Path LISTENER = BASE.resolve("src/test/resources/systemd/notify-listener.py");
    private static final Duration APT = Duration.ofMinutes(5);
    private static final String SBIN = "/usr/sbin/keepalive4j";
    private static final String EXAMPLE = "/usr/share/doc/keepalive4j/examples/keepalived.conf.example";
    private static final String MIB_DIR = "/usr/share/snmp/mibs/keepalive4j";

    @BeforeAll
    static void clean() {
        Root.assume();
        purge();
    }

    @AfterAll
    static void restore() {
        if ("root".equals(System.getProperty("user.name"))) {
            purge();
        }
    }

    @Test
    void installRunRemovePurge(@TempDir Path out) throws IOException {
        CommandResult built = run(Duration.ofMinutes(10), BASE.resolve("scripts/build-deb").toString(), "-o", out.toString());
        List<String> lines = built.stdout().lines().toList();
        Path deb = Path.of(lines.get(lines.size() - 1));
        assertTrue(Files.isRegularFile(deb), built.describe());
        String pomVersion = pomVersion();
        assertEquals("keepalive4j_" + pomVersion.replace('-', '~') + "_all.deb", deb.getFileName().toString());
        String depends = run(Duration.ofSeconds(30), "dpkg-deb", "-f", deb.toString(), "Depends").stdout().strip();
        assertEquals("default-jre-headless (>= 2:1.17) | java17-runtime-headless", depends);

        run(APT, "env", "DEBIAN_FRONTEND=noninteractive", "apt-get", "install", "-y", "-q",
                "--no-install-recommends", "-o", "DPkg::Lock::Timeout=240", deb.toAbsolutePath().toString());
        assertEquals("install ok installed", status());

        // the installed launcher, not the checkout's
        CommandResult version = run(Duration.ofSeconds(60), SBIN, "-v");
        assertTrue(version.stdout().startsWith("keepalive4j " + pomVersion + "\n"), version.describe());
        try (Stream<Path> cache = Files.list(Path.of("/var/cache/keepalive4j"))) {
            assertTrue(cache.anyMatch(p -> p.getFileName().toString().endsWith(".jsa")),
                    "postinst made the class-data sharing archive");
        }
        readyComesFromTheInstalledLaunchersJvm(out);

        Path bad = out.resolve("bad.conf");
        Files.writeString(bad, "vrrp_instance VI_1 {\n  interface eth0\n  virtual_router_id 300\n}\n");
        CommandResult badTest = Processes.run(Duration.ofSeconds(60), List.of(SBIN, "-t", "-f", bad.toString()));
        assertEquals(1, badTest.exitCode(), badTest.describe());
        assertTrue(badTest.stderr().contains(bad + ":3"), badTest.describe());

        List<String> files = run(Duration.ofSeconds(30), "dpkg", "-L", "keepalive4j").stdout().lines().toList();
        for (String expected : List.of(SBIN, "/usr/share/keepalive4j/keepalive4j.jar",
                "/usr/share/keepalive4j/launch.sh", "/lib/systemd/system/keepalive4j.service",
                "/etc/default/keepalive4j", MIB_DIR + "/KEEPALIVED-MIB.txt")) {
            assertTrue(files.contains(expected), expected + " in dpkg -L: " + files);
        }
        assertTrue(run(Duration.ofSeconds(30), "dpkg-query", "-W", "-f=${Conffiles}", "keepalive4j").stdout()
                .contains("/etc/default/keepalive4j"), "/etc/default/keepalive4j is a conffile");
        try (Stream<Path> zabbix = Files.exists(BASE.resolve("etc/zabbix")) ? Files.list(BASE.resolve("etc/zabbix"))
                : Stream.empty()) {
            for (Path template : zabbix.filter(Files::isRegularFile).toList()) {
                assertTrue(files.contains("/usr/share/keepalive4j/zabbix/" + template.getFileName()), template
                        + " is packaged");
            }
        }

        // documentation: a minimal image may tell dpkg to leave out /usr/share/doc and /usr/share/man
        if (files.contains(EXAMPLE)) {
            CommandResult example = run(Duration.ofSeconds(60), SBIN, "-t", "-f", EXAMPLE);
            assertEquals(0, example.exitCode(), example.describe());
        } else {
            System.out.println("DebPackageIT: dpkg excludes /usr/share/doc here; -t of the example not run");
        }
        if (files.contains("/usr/share/man/man8/keepalive4j.8.gz")) {
            CommandResult man = run(Duration.ofSeconds(60), "env", "LANG=C", "MANWIDTH=100", "man", "-P", "cat",
                    "keepalive4j");
            assertTrue(man.stdout().contains("keepalive4j - VRRP and health-check daemon"), man.describe());
            assertTrue(man.stdout().contains("--dont-fork") && man.stdout().contains("SIGNALS"), man.describe());
            // the unit's ExecStart and Documentation= (man:keepalive4j(8)) resolve now
            run(Duration.ofSeconds(60), "systemd-analyze", "verify", "/lib/systemd/system/keepalive4j.service");
        } else {
            System.out.println("DebPackageIT: dpkg excludes /usr/share/man here; man page and unit check not run");
        }
        // the operator's command from keepalive4j(8): net-snmp finds the module in its own directory (the IETF
        // modules it imports are non-free in Debian, snmp-mibs-downloader; the tests keep a copy, as NetSnmp does)
        Path ietf = BASE.toAbsolutePath().resolveSibling("shared").resolve("ietf-mibs");
        CommandResult oid = run(Duration.ofSeconds(30), "snmptranslate", "-M", "+" + MIB_DIR + ":" + ietf, "-m",
                "+KEEPALIVED-MIB", "-On", "KEEPALIVED-MIB::vrrpInstanceBasePriority");
        assertEquals(".1.3.6.1.4.1.9586.100.5.2.3.1.7", oid.stdout().strip(), oid.describe());

        List<String> regularFiles = files.stream().filter(f -> Files.isRegularFile(Path.of(f))).toList();
        run(APT, "env", "DEBIAN_FRONTEND=noninteractive", "apt-get", "remove", "-y", "-q", "-o",
                "DPkg::Lock::Timeout=240", "keepalive4j");
        assertEquals("deinstall ok config-files", status());
        assertEquals(List.of("/etc/default/keepalive4j"), existing(regularFiles), "only the conffile stays after remove");
        assertFalse(Files.exists(Path.of("/var/cache/keepalive4j")), "the CDS archive went with the package");
        assertFalse(Files.exists(Path.of("/usr/share/keepalive4j")));

        run(APT, "env", "DEBIAN_FRONTEND=noninteractive", "apt-get", "purge", "-y", "-q", "-o",
                "DPkg::Lock::Timeout=240", "keepalive4j");
        assertEquals("", status());
        assertEquals(List.of(), existing(regularFiles), "nothing of the package after purge");
    }

    /**
     * The unit's ExecStart, minus systemd: the installed launcher with NOTIFY_SOCKET (the Python stand-in of
     * SdNotifyIT) sends READY=1 from the pid it was started as, so the launcher exec'd the JVM and systemd's
     * NotifyAccess=main accepts it. -C with no virtual server: nothing touches the network of this namespace.
     */
    private static void readyComesFromTheInstalledLaunchersJvm(Path out) throws IOException {
        Path conf = out.resolve("empty.conf");
        Files.writeString(conf, "global_defs {\n  router_id deb\n}\n");
        String socket = out.resolve("notify.sock").toString();
        ManagedProcess listener = Processes.start(out, "notify-listener", List.of("python3",
                LISTENER.toAbsolutePath().toString(), socket), Map.of());
        ManagedProcess daemon = null;
        try {
            listener.waitForOutput("listening on", Duration.ofSeconds(15));
            daemon = Processes.start(out, "keepalive4j", List.of(SBIN, "--dont-fork", "-l", "-G", "-C", "-f",
                    conf.toString(), "-p", out.resolve("k.pid").toString(), "-r", out.resolve("v.pid").toString(),
                    "-c", out.resolve("c.pid").toString()), Map.of("NOTIFY_SOCKET", socket,
                    "KEEPALIVE4J_DUMP_DIR", out.toString()));
            String ready = listener.waitForOutput("\\d+ \\d+ READY=1", Duration.ofSeconds(60));
            assertEquals(daemon.pid(), Long.parseLong(ready.split(" ")[1]), "READY=1 from the launcher's own pid");
            daemon.signal("TERM");
            assertEquals(0, daemon.waitForExit(Duration.ofSeconds(30)), daemon.stderr());
            listener.waitForOutput("\\d+ \\d+ STOPPING=1", Duration.ofSeconds(15));
        } finally {
            if (daemon != null && daemon.isAlive()) {
                daemon.stop();
            }
            listener.stop();
        }
    }

    private static List<String> existing(List<String> files) {
        List<String> left = new ArrayList<>();
        for (String f : files) {
            if (Files.exists(Path.of(f))) {
                left.add(f);
            }
        }
        return left;
    }

    /** dpkg's status of keepalive4j ("install ok installed", ...), "" when dpkg does not know it. */
    private static String status() {
        CommandResult r = Processes.run(Duration.ofSeconds(30), List.of("dpkg-query", "-W", "-f=${Status}", "keepalive4j"));
        return r.ok() ? r.stdout().strip() : "";
    }

    private static void purge() {
        if (!status().isEmpty()) {
            run(APT, "env", "DEBIAN_FRONTEND=noninteractive", "apt-get", "purge", "-y", "-q", "-o",
                    "DPkg::Lock::Timeout=240", "keepalive4j");
        }
    }

    private static String pomVersion() throws IOException {
        for (String line : Files.readAllLines(BASE.resolve("pom.xml"))) {
            if (line.startsWith("  <version>")) {
                return line.replaceAll(".*<version>(.*)</version>.*", "$1");
            }
        }
        throw new AssertionError("no project <version> in pom.xml");
    }

    private static CommandResult run(Duration timeout, String... command) {
        return Processes.run(timeout, List.of(command)).orThrow();
    }
}
