package org.keepalive4j.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.keepalive4j.config.SourceLocation;
import org.keepalive4j.config.model.ScriptSpec;

class ScriptRunnerTest {

    @TempDir
    Path dir;

    private static ScriptSpec spec(String command) {
        return new ScriptSpec(command, null, null, SourceLocation.UNKNOWN);
    }

    @Test
    void argvSplitsOnWhitespaceAndKeepsSingleQuotedSpaces() {
        assertEquals(List.of("/bin/notify.sh", "MASTER", "VI 1", "x"), ScriptCommand.argv("/bin/notify.sh  MASTER 'VI 1' x"));
        assertEquals(List.of("ab c"), ScriptCommand.argv("a'b c'"));
        assertThrows(IllegalArgumentException.class, () -> ScriptCommand.argv("/bin/x 'open"));
        assertThrows(IllegalArgumentException.class, () -> ScriptCommand.argv("   "));
    }

    @Test
    void scriptsGetTheirArgumentsAndExtraArgumentsAndReportTheirStatus() throws Exception {
        Path out = dir.resolve("args");
        Path script = dir.resolve("notify.sh");
        Files.writeString(script, "#!/bin/sh\necho \"$@\" > " + out + "\nexit 3\n");
        script.toFile().setExecutable(true);
        try (ScriptRunner runner = new ScriptRunner(2, 10, null, null)) {
            ScriptResult r = runner.run(spec(script + " 'one arg' two"), List.of("INSTANCE", "VI_1", "MASTER", "150"),
                    Duration.ofSeconds(5), "VI_1 notify").get(10, TimeUnit.SECONDS);
            assertEquals(ScriptResult.Outcome.EXITED, r.outcome());
            assertEquals(3, r.exitCode());
            assertEquals("one arg two INSTANCE VI_1 MASTER 150", Files.readString(out).strip());
        }
    }

    @Test
    void aHungScriptIsKilledAtItsTimeoutAndTheCallerNeverWaits() throws Exception {
        try (ScriptRunner runner = new ScriptRunner(2, 10, null, null)) {
            long t0 = System.nanoTime();
            CompletableFuture<ScriptResult> f = runner.run(spec("/bin/sleep 30"), List.of(), Duration.ofMillis(300), "hang");
            long callNanos = System.nanoTime() - t0;
            assertTrue(callNanos < TimeUnit.MILLISECONDS.toNanos(50), "run() returned after " + callNanos / 1000 + " us");
            ScriptResult r = f.get(10, TimeUnit.SECONDS);
            assertEquals(ScriptResult.Outcome.TIMED_OUT, r.outcome());
            assertTrue(r.elapsed().compareTo(Duration.ofMillis(300)) >= 0);
            assertTrue(r.elapsed().compareTo(Duration.ofSeconds(5)) < 0, r.elapsed().toString());
            assertEquals(1, runner.timedOutCount());
        }
    }

    @Test
    void runsBeyondTheCapAreRejectedNotQueuedForever() throws Exception {
        try (ScriptRunner runner = new ScriptRunner(1, 1, null, null)) {
            List<CompletableFuture<ScriptResult>> all = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                all.add(runner.run(spec("/bin/sleep 0.3"), List.of(), Duration.ofSeconds(5), "cap-" + i));
            }
            long rejected = 0;
            for (CompletableFuture<ScriptResult> f : all) {
                if (f.get(10, TimeUnit.SECONDS).outcome() == ScriptResult.Outcome.REJECTED) {
                    rejected++;
                }
            }
            assertEquals(2, rejected, "one running, one queued, the rest rejected");
            assertEquals(2, runner.rejectedCount());
        }
    }

    @Test
    void aMissingProgramIsReportedAsNotStarted() throws Exception {
        try (ScriptRunner runner = new ScriptRunner(1, 1, null, null)) {
            ScriptResult r = runner.run(spec("/nonexistent/k4j-script"), List.of(), Duration.ofSeconds(1), "missing")
                    .get(10, TimeUnit.SECONDS);
            assertEquals(ScriptResult.Outcome.NOT_STARTED, r.outcome());
        }
    }
}
