package org.keepalive4j.testlib;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs commands in the namespace of the JVM (the root namespace, or wherever the test itself runs). */
public final class Processes {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private static final File DEV_NULL = new File("/dev/null");

    private Processes() {
    }

    public static CommandResult run(String... command) {
        return run(DEFAULT_TIMEOUT, List.of(command));
    }

    /**
     * Runs a command to completion. Output goes to temporary files rather than pipes, so a background
     * child that inherits them cannot make us wait for it, and nothing can dead-lock on a full pipe.
     *
     * @throws IllegalStateException when the command is still running after {@code timeout} (it is killed)
     */
    public static CommandResult run(Duration timeout, List<String> command) {
        Path out = null;
        Path err = null;
        try {
            out = Files.createTempFile("k4j-cmd-", ".out");
            err = Files.createTempFile("k4j-cmd-", ".err");
            Process p = new ProcessBuilder(command)
                    .redirectInput(DEV_NULL)
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .start();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly().waitFor();
                throw new IllegalStateException("timed out after " + timeout + ": " + String.join(" ", command)
                        + "\n--- stdout\n" + read(out) + "\n--- stderr\n" + read(err));
            }
            return new CommandResult(command, p.exitValue(), read(out), read(err));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + String.join(" ", command), e);
        } finally {
            deleteQuietly(out);
            deleteQuietly(err);
        }
    }

    /**
     * Starts a long-running command whose stdout and stderr go to {@code logDir/label.out} and
     * {@code logDir/label.err}.
     */
    public static ManagedProcess start(Path logDir, String label, List<String> command, Map<String, String> env) {
        try {
            Files.createDirectories(logDir);
            Path out = logDir.resolve(label + ".out");
            Path err = logDir.resolve(label + ".err");
            ProcessBuilder pb = new ProcessBuilder(command)
                    .redirectInput(DEV_NULL)
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            pb.environment().putAll(env);
            return new ManagedProcess(label, command, pb.start(), out, err);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + String.join(" ", command), e);
        }
    }

    /** The file's text so far; bytes that are not UTF-8 become U+FFFD instead of failing the read. */
    static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Thread.sleep for polling loops: an interrupt ends the wait with an exception, flag kept. */
    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a leftover temp file is harmless
            }
        }
    }
}
