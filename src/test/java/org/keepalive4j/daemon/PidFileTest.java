package org.keepalive4j.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PidFileTest {

    private static final long OWN_PID = ProcessHandle.current().pid();

    @TempDir
    Path dir;

    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void killStarted() throws InterruptedException {
        for (Process p : started) {
            p.destroyForcibly();
            p.waitFor(5, TimeUnit.SECONDS);
        }
    }

    /** A real process whose argv[0] is {@code name}, as the kernel shows it in /proc/PID/cmdline. */
    private Process startNamed(String name) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("bash", "-c", "exec -a " + name + " sleep 60").start();
        started.add(p);
        // wait until the exec has happened, or the cmdline still says bash
        for (int i = 0; i < 100; i++) {
            String cmdline = Files.readString(Path.of("/proc/" + p.pid() + "/cmdline"));
            if (cmdline.startsWith(name)) {
                return p;
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("process did not exec");
    }

    private PidFile pidFileWith(String content) throws IOException {
        Path path = dir.resolve("k.pid");
        Files.writeString(path, content);
        return new PidFile(path);
    }

    @Test
    void aLiveKeepalive4jOwnsTheFile() throws Exception {
        Process other = startNamed("keepalive4j-test");
        assertEquals(OptionalLong.of(other.pid()), pidFileWith(other.pid() + "\n").runningOwner(OWN_PID));
    }

    @Test
    void aLiveKeepalivedOwnsTheFile() throws Exception {
        Process other = startNamed("/usr/sbin/keepalived");
        assertEquals(OptionalLong.of(other.pid()), pidFileWith(other.pid() + "\n").runningOwner(OWN_PID));
    }

    @Test
    void anUnrelatedProcessDoesNot() throws Exception {
        Process other = startNamed("sleep");
        assertTrue(pidFileWith(other.pid() + "\n").runningOwner(OWN_PID).isEmpty());
    }

    @Test
    void aDeadProcessDoesNot() throws Exception {
        Process other = startNamed("keepalive4j-dead");
        long pid = other.pid();
        other.destroyForcibly();
        other.waitFor();
        assertTrue(pidFileWith(pid + "\n").runningOwner(OWN_PID).isEmpty());
    }

    @Test
    void ourOwnPidIsStale() throws Exception {
        assertTrue(pidFileWith(OWN_PID + "\n").runningOwner(OWN_PID).isEmpty());
    }

    @Test
    void garbageAndMissingFilesAreStale() throws Exception {
        assertTrue(pidFileWith("not a pid").runningOwner(OWN_PID).isEmpty());
        assertTrue(pidFileWith("-5").runningOwner(OWN_PID).isEmpty());
        assertTrue(new PidFile(dir.resolve("absent.pid")).runningOwner(OWN_PID).isEmpty());
    }

    @Test
    void writeReplacesAndLeavesNoTemporaryFile() throws Exception {
        PidFile f = pidFileWith("999999\n");
        f.write(1234);
        assertEquals("1234\n", Files.readString(f.path()));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(f.path()), files.toList());
        }
    }

    @Test
    void writeCreatesMissingDirectories() throws Exception {
        PidFile f = new PidFile(dir.resolve("run/sub/k.pid"));
        f.write(42);
        assertEquals("42\n", Files.readString(f.path()));
    }

    @Test
    void removeOnlyWhileTheFileStillNamesUs() throws Exception {
        PidFile f = pidFileWith("77\n");
        assertFalse(f.removeIfOwnedBy(78));
        assertTrue(Files.exists(f.path()));
        assertTrue(f.removeIfOwnedBy(77));
        assertFalse(Files.exists(f.path()));
    }

    @Test
    void setWritesOnlyTheFilesOfRunningSubsystems() throws Exception {
        CommandLine vrrpOnly = CommandLineParser.parse("-P", "-p", dir + "/main.pid", "-r", dir + "/vrrp.pid",
                "-c", dir + "/checkers.pid");
        PidFiles files = PidFiles.forCommandLine(vrrpOnly, 4242);
        files.acquire();
        assertEquals("4242\n", Files.readString(dir.resolve("main.pid")));
        assertEquals("4242\n", Files.readString(dir.resolve("vrrp.pid")));
        assertFalse(Files.exists(dir.resolve("checkers.pid")));
        assertTrue(files.release().isEmpty());
        assertFalse(Files.exists(dir.resolve("main.pid")));
        assertFalse(Files.exists(dir.resolve("vrrp.pid")));
    }

    @Test
    void setRefusesWithoutWritingAnything() throws Exception {
        Process other = startNamed("keepalive4j-other");
        Files.writeString(dir.resolve("checkers.pid"), other.pid() + "\n");
        CommandLine cl = CommandLineParser.parse("-p", dir + "/main.pid", "-r", dir + "/vrrp.pid",
                "-c", dir + "/checkers.pid");
        PidFiles files = PidFiles.forCommandLine(cl, 4242);
        PidFiles.AlreadyRunningException e = assertThrows(PidFiles.AlreadyRunningException.class, files::acquire);
        assertTrue(e.getMessage().contains(dir.resolve("checkers.pid").toString()), e.getMessage());
        assertTrue(e.getMessage().contains(Long.toString(other.pid())), e.getMessage());
        assertFalse(Files.exists(dir.resolve("main.pid")));
        assertFalse(Files.exists(dir.resolve("vrrp.pid")));
        assertEquals(other.pid() + "\n", Files.readString(dir.resolve("checkers.pid")));
    }
}
