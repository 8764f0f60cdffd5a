package org.keepalive4j.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The modes of the packaged jar that answer and exit. */
class CommandLineIT {

    @TempDir
    Path dir;

    @Test
    void versionNamesItselfAndKeepalivedCompatibility() throws Exception {
        try (JarProcess p = JarProcess.start(dir, "-v")) {
            assertEquals(0, p.waitForExit());
            assertTrue(p.stdout().matches("(?s)keepalive4j \\d+\\.\\d+\\.\\d+.*keepalived 2\\.2.*"), p.stdout());
        }
    }

    @Test
    void theLauncherScriptPassesArgumentsThrough() throws Exception {
        Path script = Path.of(System.getProperty("keepalive4j.basedir", ".")).resolve("scripts/keepalive4j");
        Process p = new ProcessBuilder(script.toString(), "--signum=RELOAD").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        assertEquals("1\n", out);
    }

    @Test
    void helpExitsZero() throws Exception {
        try (JarProcess p = JarProcess.start(dir, "--help")) {
            assertEquals(0, p.waitForExit());
            assertTrue(p.stdout().contains("--config-test"), p.stdout());
        }
    }

    @Test
    void anUnknownFlagExitsTwo() throws Exception {
        try (JarProcess p = JarProcess.start(dir, "--no-such-flag")) {
            assertEquals(2, p.waitForExit());
            assertTrue(p.stderr().contains("--no-such-flag"), p.stderr());
        }
    }

    @Test
    void configTestAcceptsAGoodFile() throws Exception {
        try (JarProcess p = JarProcess.start(dir, "-t", "-f", JarProcess.RESOURCES.resolve("good.conf").toString())) {
            assertEquals(0, p.waitForExit(), p.stderr());
        }
    }

    @Test
    void configTestRejectsABadFileNamingTheLine() throws Exception {
        Path bad = JarProcess.RESOURCES.resolve("bad.conf");
        try (JarProcess p = JarProcess.start(dir, "--config-test", "--use-file=" + bad)) {
            assertNotEquals(0, p.waitForExit());
            assertTrue(p.stderr().contains(bad + ":5: error: 'priority'"), p.stderr());
        }
    }
}
