package org.keepalive4j.check.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.keepalive4j.config.model.ScriptSpec;
import org.keepalive4j.config.model.check.MiscCheck;
import org.keepalive4j.testlib.Root;

/** MISC_CHECK running real programs through the ScriptRunner. */
class MiscProbeIT {

    private static ProbeTesting t;

    @TempDir
    static Path dir;

    @BeforeAll
    static void setUp() {
        Root.assume();
        t = new ProbeTesting();
    }

    @AfterAll
    static void tearDown() {
        if (t != null) {
            t.close();
        }
    }

    private static Probe misc(String body, Duration timeout, boolean dynamic) throws IOException {
        Path script = Files.createTempFile(dir, "misc", ".sh");
        Files.writeString(script, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        ScriptSpec spec = new ScriptSpec(script.toString(), null, null, ProbeTesting.HERE);
        return t.probes.create(new MiscCheck(ProbeTesting.common(null, null, Duration.ofSeconds(5)), spec, timeout,
                dynamic, ProbeTesting.HERE));
    }

    @Test
    void exitZeroIsUp() throws IOException {
        ProbeResult r = ProbeTesting.run(misc("exit 0", Duration.ofSeconds(5), false)).assertUp().result();
        assertNull(r.weight());
    }

    @Test
    void exitOneIsDown() throws IOException {
        ProbeTesting.run(misc("exit 1", Duration.ofSeconds(5), false)).assertDown("exit status 1");
        ProbeTesting.run(misc("exit 1", Duration.ofSeconds(5), true)).assertDown("exit status 1");
    }

    @Test
    void dynamicExitStatusSetsTheWeight() throws IOException {
        ProbeResult r = ProbeTesting.run(misc("exit 12", Duration.ofSeconds(5), true)).assertUp().result();
        assertEquals(10, r.weight());
        assertEquals(0, ProbeTesting.run(misc("exit 2", Duration.ofSeconds(5), true)).assertUp().result().weight());
        ProbeResult zero = ProbeTesting.run(misc("exit 0", Duration.ofSeconds(5), true)).assertUp().result();
        assertNull(zero.weight(), "exit 0 keeps the configured weight");
    }

    @Test
    void withoutDynamicAnExitTwelveIsDown() throws IOException {
        ProbeTesting.run(misc("exit 12", Duration.ofSeconds(5), false)).assertDown("exit status 12");
    }

    @Test
    void aHungScriptIsKilledAtMiscTimeoutAndCountsAsDown() throws IOException {
        Duration timeout = Duration.ofSeconds(1);
        Path pidFile = dir.resolve("hung.pid");
        ProbeTesting.run(misc("echo $$ > " + pidFile + "\nexec sleep 30", timeout, false))
                .assertDown("timed out after 1000 ms").assertAtLeast(timeout).assertWithin(timeout.plus(MiscProbe.MARGIN));
        long pid = Long.parseLong(Files.readString(pidFile).strip());
        assertGone(pid);
    }

    @Test
    void aScriptIgnoringTermStillEndsTheAttemptInTime() throws IOException {
        Duration timeout = Duration.ofSeconds(1);
        Path pidFile = dir.resolve("stubborn.pid");
        ProbeTesting.run(misc("trap '' TERM\necho $$ > " + pidFile + "\nwhile :; do sleep 0.1; done", timeout, true))
                .assertDown("timed out").assertWithin(timeout.plus(MiscProbe.MARGIN));
        long pid = Long.parseLong(Files.readString(pidFile).strip());
        assertGone(pid);
    }

    @Test
    void aMissingProgramIsDown() {
        ScriptSpec spec = new ScriptSpec(dir.resolve("does-not-exist").toString(), null, null, ProbeTesting.HERE);
        Probe p = t.probes.create(new MiscCheck(ProbeTesting.common(null, null, Duration.ofSeconds(5)), spec,
                Duration.ofSeconds(2), false, ProbeTesting.HERE));
        ProbeTesting.run(p).assertDown("could not be started");
    }

    /** The runner KILLs a script that ignores TERM two seconds later; wait for that. */
    private static void assertGone(long pid) {
        long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < end && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            ProbeTesting.sleep(Duration.ofMillis(50));
        }
        assertTrue(ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true), "script " + pid + " still running");
    }
}
