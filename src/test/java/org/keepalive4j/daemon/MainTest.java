package org.keepalive4j.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The modes that answer and exit without starting a daemon. */
class MainTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void signumPrintsKeepalivedsNumbers() {
        assertEquals(0, run("--signum=STOP"));
        assertEquals(0, run("--signum=RELOAD"));
        assertEquals(0, run("--signum", "DATA"));
        assertEquals(0, run("--signum=STATS"));
        assertEquals("15\n1\n10\n12\n", stdout());
    }

    @Test
    void signumRefusesWhatTheJvmCannotCatch() {
        assertEquals(1, run("--signum=JSON"));
        assertTrue(stderr().contains("'JSON'"), stderr());
    }

    @Test
    void usageErrorsExitTwoWithAHint() {
        assertEquals(2, run("--frobnicate"));
        String[] lines = stderr().split("\n");
        assertEquals(2, lines.length);
        assertTrue(lines[0].contains("--frobnicate"));
        assertTrue(lines[1].contains("--help"));
    }

    @Test
    void helpAndVersion() {
        assertEquals(0, run("-h"));
        assertTrue(stdout().contains("--use-file"));
        assertTrue(stdout().contains("foreground"));
        out.reset();
        assertEquals(0, run("--version"));
        assertTrue(stdout().startsWith("keepalive4j "), stdout());
        assertTrue(stdout().contains("keepalived 2.2"), stdout());
    }

    @Test
    void genhashModeTakesTheWordsAfterT() {
        // a bad genhash option: genhash's message and usage (naming keepalived's --genhash), exit 1
        assertEquals(1, run("-T", "-s", "x"));
        assertTrue(stderr().startsWith("server should be an IP, not x\nUsage: keepalive4j --genhash COMMAND"),
                stderr());
        err.reset();
        assertEquals(1, run("-l", "-T", "-h"));
        assertTrue(stderr().startsWith("Warning -- `-T` not used as first option, previous options ignored\n"),
                stderr());
    }

    @Test
    void namespacesAreRefusedWithAWorkaround() {
        assertEquals(1, run("-s", "blue", "-f", "/nonexistent"));
        assertTrue(stderr().contains("ip netns exec blue"), stderr());
    }

    @Test
    void configTestWritesItsLogFile(@TempDir Path dir) throws Exception {
        Path conf = dir.resolve("k.conf");
        Files.writeString(conf, "vrrp_instance VI_1 {\n interface lo\n virtual_router_id 300\n}\n");
        Path log = dir.resolve("test.log");
        assertEquals(1, run("-t" + log, "-f", conf.toString()));
        assertTrue(Files.readString(log).startsWith(conf + ":3: error: "), Files.readString(log));
        assertEquals("", stderr());
    }

    @Test
    void configTestReportsWarningsAndSucceeds(@TempDir Path dir) throws Exception {
        Path conf = dir.resolve("k.conf");
        Files.writeString(conf, "vrrp_instance VI_1 {\n interface nosuchif9\n virtual_router_id 3\n"
                + " virtual_ipaddress {\n  192.0.2.1\n }\n}\n");
        assertEquals(0, run("--config-test", "--use-file=" + conf));
        assertTrue(stderr().contains("interface nosuchif9 for vrrp_instance VI_1 doesn't exist"), stderr());
    }
}
