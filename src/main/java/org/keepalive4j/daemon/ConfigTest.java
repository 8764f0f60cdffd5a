package org.keepalive4j.daemon;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.util.List;
import java.util.stream.Collectors;
import org.keepalive4j.config.Diagnostic;

/** -t: check the configuration and report every finding, one per line; no daemon is started. */
final class ConfigTest {

    private ConfigTest() {
    }

    /** @return the exit status: 0 if the configuration is usable, 1 otherwise */
    static int run(CommandLine cl, PrintStream stderr) {
        ConfigLoader.Result result = ConfigLoader.forCommandLine(cl).load();
        List<Diagnostic> findings = result.diagnostics();
        String report = findings.stream().map(d -> d + "\n").collect(Collectors.joining());
        if (cl.configTestLog() == null) {
            stderr.print(report);
        } else {
            try {
                Files.writeString(cl.configTestLog(), report);
            } catch (IOException e) {
                stderr.println("keepalive4j: cannot write " + cl.configTestLog() + ": " + e.getMessage());
                stderr.print(report);
                return 1;
            }
        }
        return result.ok() ? 0 : 1;
    }
}
