package org.keepalive4j.testlib;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/** Gate for tests that need root and network namespaces. */
public final class Root {

    private Root() {
    }

    /**
     * Skips the calling test when not running as root or when {@code ip netns} does not work. On CI
     * (environment CI=true) the same finding fails the test instead: a CI machine that cannot run them
     * is broken, and skipping would hide it.
     */
    public static void assume() {
        missingPrerequisite().ifPresent(missing -> {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail("CI=true, but this machine cannot run root-only tests: " + missing);
            }
            Assumptions.abort("root-only test skipped: " + missing);
        });
    }

    private static Optional<String> missingPrerequisite() {
        long uid = effectiveUid();
        if (uid != 0) {
            return Optional.of("not running as root (effective uid " + uid + ")");
        }
        try {
            CommandResult r = Processes.run("ip", "netns", "list");
            return r.ok() ? Optional.empty() : Optional.of("`ip netns list` failed: " + r.stderr().strip());
        } catch (UncheckedIOException e) {
            return Optional.of("cannot run `ip` (is iproute2 installed?): " + e.getCause().getMessage());
        }
    }

    /** The second field of the Uid: line of /proc/self/status. */
    private static long effectiveUid() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(line -> line.startsWith("Uid:"))
                    .map(line -> Long.parseLong(line.split("\\s+")[2]))
                    .findFirst()
                    .orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
