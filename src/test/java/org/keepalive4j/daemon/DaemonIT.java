package org.keepalive4j.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.keepalive4j.testlib.NetnsLab;
import org.keepalive4j.testlib.Root;

/**
 * The packaged daemon as an operator meets it: pid files and signals. It runs in a lab namespace:
 * its configuration has a VRRP instance, and the engine must not touch this machine's interfaces.
 */
class DaemonIT {

    private static final String STARTED = "started, pid ";

    private static NetnsLab lab;

    @BeforeAll
    static void lab() {
        Root.assume();
        lab = NetnsLab.start(1);
    }

    @AfterAll
    static void closeLab() {
        if (lab != null) {
            lab.close();
        }
    }

    @TempDir
    Path dir;

    private Path conf;
    private Path pid;
    private final List<JarProcess> started = new ArrayList<>();

    @BeforeEach
    void copyConfig() throws Exception {
        conf = dir.resolve("keepalived.conf");
        Files.copy(JarProcess.RESOURCES.resolve("good.conf"), conf);
        pid = dir.resolve("run/keepalived.pid");
    }

    @AfterEach
    void killStarted() throws Exception {
        for (JarProcess p : started) {
            p.close();
        }
    }

    private JarProcess daemon(String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("-n", "-l", "-p", pid.toString(),
                "-r", dir.resolve("run/vrrp.pid").toString(), "-c", dir.resolve("run/checkers.pid").toString(),
                "-f", conf.toString()));
        args.addAll(List.of(extra));
        JarProcess p = JarProcess.startIn(lab.host(1).namespace(), dir, args.toArray(String[]::new));
        started.add(p);
        return p;
    }

    @Test
    void sigtermStopsCleanlyAndRemovesThePidFiles() throws Exception {
        JarProcess p = daemon("-u", "077");
        p.awaitStderr(STARTED, 1);
        assertEquals(p.pid() + "\n", Files.readString(pid));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(pid)), "-u 077");
        assertEquals(p.pid() + "\n", Files.readString(dir.resolve("run/vrrp.pid")));
        assertEquals(p.pid() + "\n", Files.readString(dir.resolve("run/checkers.pid")));
        p.signal("TERM");
        assertEquals(0, p.waitForExit(), p.stderr());
        assertFalse(Files.exists(pid));
        assertFalse(Files.exists(dir.resolve("run/vrrp.pid")));
        assertFalse(Files.exists(dir.resolve("run/checkers.pid")));
    }

    @Test
    void aSecondInstanceRefusesToStart() throws Exception {
        JarProcess first = daemon();
        first.awaitStderr(STARTED, 1);
        JarProcess second = daemon();
        assertEquals(1, second.waitForExit());
        assertTrue(second.stderr().contains(pid.toString()), second.stderr());
        assertTrue(second.stderr().contains(Long.toString(first.pid())), second.stderr());
        assertTrue(first.isAlive());
        assertEquals(first.pid() + "\n", Files.readString(pid));
    }

    @Test
    void aStalePidFileIsReplaced() throws Exception {
        Files.createDirectories(pid.getParent());
        Files.writeString(pid, "1\n");   // init: alive, but not a keepalived
        JarProcess p = daemon("-P");
        p.awaitStderr(STARTED, 1);
        assertEquals(p.pid() + "\n", Files.readString(pid));
        assertFalse(Files.exists(dir.resolve("run/checkers.pid")), "-P runs no checkers");
        p.signal("INT");
        assertEquals(0, p.waitForExit());
    }

    @Test
    void sighupWithABrokenConfigKeepsRunningAndAFixedOneReloads() throws Exception {
        JarProcess p = daemon("-d");
        p.awaitStderr(STARTED, 1);
        assertTrue(p.stderr().contains("INFO    vrrp_instances VI_1 {"), "-d dumps at start:\n" + p.stderr());
        String good = Files.readString(conf);
        Files.writeString(conf, good.replace("priority 150", "priority 999"));
        p.signal("HUP");
        p.awaitStderr("still running the previous configuration", 1);
        assertTrue(p.stderr().contains(conf + ":"), p.stderr());
        assertTrue(p.isAlive());
        Files.writeString(conf, good);
        p.signal("HUP");
        p.awaitStderr("Configuration reloaded (reload 1)", 1);
        assertEquals(3, p.stderr().split("vrrp_instances VI_1 \\{", -1).length, "-d dumps again after a reload");
        p.signal("TERM");
        assertEquals(0, p.waitForExit());
    }

    @Test
    void sigusr1AndSigusr2WriteTheDumps() throws Exception {
        JarProcess p = daemon();
        p.awaitStderr(STARTED, 1);
        p.signal("USR1");
        p.awaitStderr("Wrote data to", 1);
        p.signal("USR2");
        p.awaitStderr("Wrote statistics to", 1);
        String data = Files.readString(dir.resolve("keepalived.data"));
        assertTrue(data.contains("vrrp_instances VI_1 {"), data);
        assertTrue(data.contains("priority: 150"), data);
        String stats = Files.readString(dir.resolve("keepalived.stats"));
        assertTrue(stats.contains("uptime: "), stats);
        assertTrue(stats.contains("reloads: 0"), stats);
        assertTrue(stats.contains("configuration file: " + conf), stats);
        p.signal("TERM");
        assertEquals(0, p.waitForExit());
    }
}
