package org.keepalive4j.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.keepalive4j.testlib.Root;

/** The README's main command, scripts/demo, run as an operator would run it. */
class DemoIT {

    private static final Path BASEDIR = Path.of(System.getProperty("keepalive4j.basedir", "."));

    /** The README's main command, as a newcomer runs it: every step, SNMP included, must happen. */
    @Test
    void theWholeStoryThroughSnmp() throws Exception {
        Root.assume();
        String out = runDemo("1");
        assertTrue(out.contains("director 1 is MASTER"), out);
        assertTrue(out.matches("(?s).*VIP on director 2 after \\d+\\.\\d s:.*"), out);
        assertTrue(out.contains("VIP back on director 1:"), out);
        assertTrue(out.contains("vrrpInstance") || out.contains("9586.100.5.2.3.1"), out);
        assertTrue(out.contains("received vrrpInstanceStateChange"), out);
        assertTrue(out.contains("VIP " + "10.77.0.100 now on director 2"), out);
        assertTrue(out.contains("Demo complete: every step happened"), out);
    }

    private static String runDemo(String snmp) throws IOException, InterruptedException {
        Path log = Files.createTempFile("demo", ".out");
        ProcessBuilder pb = new ProcessBuilder(BASEDIR.resolve("scripts/demo").toString())
                .directory(BASEDIR.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("DEMO_SNMP", snmp);
        Process p = pb.start();
        if (!p.waitFor(240, TimeUnit.SECONDS)) {
            p.destroy();
            p.waitFor(20, TimeUnit.SECONDS);
        }
        String out = Files.readString(log, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), out);
        return out;
    }

}
