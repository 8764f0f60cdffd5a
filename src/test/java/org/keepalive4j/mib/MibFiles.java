package org.keepalive4j.mib;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Where the MIB files of the MIB tests are, and the rule for what is missing: under CI (env CI=true,
 * where scripts/test installs keepalived, snmp and smitools) a missing reference or tool fails the
 * test; elsewhere the test is skipped with a message saying what to install.
 */
final class MibFiles {

    /** keepalived's module as Debian's keepalived package installs it. */
    static final Path REFERENCE = Path.of(System.getProperty("keepalive4j.referenceMib",
            "/usr/share/snmp/mibs/KEEPALIVED-MIB.txt"));

    private MibFiles() {
    }

    static Path baseDir() {
        return Path.of(System.getProperty("keepalive4j.basedir", System.getProperty("user.dir")))
                .toAbsolutePath().normalize();
    }

    /** Our module, mibs/KEEPALIVED-MIB.txt in the repository. */
    static Path ours() {
        return baseDir().resolve("mibs/KEEPALIVED-MIB.txt");
    }

    /** ../shared/ietf-mibs next to the repository: the standard modules KEEPALIVED-MIB imports. */
    static Path ietfMibs() {
        return baseDir().resolve("../shared/ietf-mibs").normalize();
    }

    static boolean ci() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /** Fails under CI, otherwise skips the calling test. */
    static void missing(String what) {
        if (ci()) {
            fail(what + " (CI=true: scripts/test installs it, so this must not happen)");
        }
        Assumptions.abort(what + "; skipping (under CI=true this fails)");
    }

    static SmiReader.Module readOurs() {
        try {
            return SmiReader.read(ours());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The reference module, or a skip / CI failure when it is not installed. */
    static SmiReader.Module readReference() {
        if (!Files.isReadable(REFERENCE)) {
            missing("reference module " + REFERENCE + " not found (Debian package keepalived installs it)");
        }
        try {
            return SmiReader.read(REFERENCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
