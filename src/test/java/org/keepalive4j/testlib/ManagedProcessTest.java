package org.keepalive4j.testlib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Processes in the JVM's own namespace: needs no root. */
@Timeout(30)
class ManagedProcessTest {

    @TempDir
    Path logs;

    private ManagedProcess sh(String label, String script) {
        return Processes.start(logs, label, List.of("sh", "-c", script), Map.of());
    }

    @Test
    void runReturnsExitCodeAndBothStreams() {
        CommandResult r = Processes.run("sh", "-c", "echo out; echo err >&2; exit 3");
        assertEquals(3, r.exitCode());
        assertEquals("out\n", r.stdout());
        assertEquals("err\n", r.stderr());
        assertThrows(IllegalStateException.class, r::orThrow);
    }

    @Test
    void runKillsACommandThatOverstaysItsTimeout() {
        long start = System.nanoTime();
        assertThrows(IllegalStateException.class,
                () -> Processes.run(Duration.ofMillis(300), List.of("sleep", "30")));
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(5).toNanos());
    }

    @Test
    void outputIsReadableWhileTheProcessRuns() {
        try (ManagedProcess p = sh("talker", "echo starting; echo 'listening on 4242' >&2; exec sleep 600")) {
            assertEquals("listening on 4242", p.waitForOutput("listening on \\d+", Duration.ofSeconds(10)));
            assertTrue(p.isAlive());
            assertEquals("starting\n", p.stdout());
            assertEquals(logs.resolve("talker.err"), p.stderrFile());
        }
    }

    @Test
    void environmentReachesTheProcess() {
        try (ManagedProcess p = Processes.start(logs, "env", List.of("sh", "-c", "echo \"$GREETING\""),
                Map.of("GREETING", "hello from the test"))) {
            assertEquals(0, p.waitForExit(Duration.ofSeconds(10)));
            assertEquals("hello from the test\n", p.stdout());
        }
    }

    @Test
    void signalReachesTheProcess() {
        try (ManagedProcess p = sh("hup", "trap 'echo got HUP' HUP; echo ready; while :; do sleep 0.05; done")) {
            p.waitForOutput("ready", Duration.ofSeconds(10));
            p.signal("HUP");
            p.waitForOutput("got HUP", Duration.ofSeconds(10));
        }
    }

    @Test
    void stopKillsWhatIgnoresTermAfterTheGrace() {
        ManagedProcess p = sh("stubborn", "trap '' TERM; echo ready; while :; do sleep 0.05; done");
        p.waitForOutput("ready", Duration.ofSeconds(10));
        assertEquals(128 + 9, p.stop(Duration.ofMillis(500)));
        assertFalse(p.isAlive());
    }

    @Test
    void waitForOutputFailsAsSoonAsTheProcessExits() {
        ManagedProcess p = sh("quitter", "echo bye; exit 1");
        long start = System.nanoTime();
        AssertionError e = assertThrows(AssertionError.class,
                () -> p.waitForOutput("never printed", Duration.ofSeconds(20)));
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(5).toNanos());
        assertTrue(e.getMessage().contains("exited 1"), e.getMessage());
        assertTrue(e.getMessage().contains("bye"), e.getMessage());
    }
}
