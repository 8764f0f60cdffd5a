package org.keepalive4j.testlib;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A background process whose stdout and stderr are captured to files, so a test can read them while it
 * runs. Closing it stops it.
 */
public final class ManagedProcess implements AutoCloseable {

    public static final Duration DEFAULT_GRACE = Duration.ofSeconds(5);

    private static final long POLL_MILLIS = 20;

    private final String label;
    private final List<String> command;
    private final Process process;
    private final Path stdoutFile;
    private final Path stderrFile;

    ManagedProcess(String label, List<String> command, Process process, Path stdoutFile, Path stderrFile) {
        this.label = label;
        this.command = List.copyOf(command);
        this.process = process;
        this.stdoutFile = stdoutFile;
        this.stderrFile = stderrFile;
    }

    public String label() {
        return label;
    }

    /**
     * The started program's pid. {@code ip netns exec} switches namespace and then execs the command in
     * place (it only forks in batch mode), so this is the program itself, not a wrapper; NetnsLabIT checks it.
     */
    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Path stdoutFile() {
        return stdoutFile;
    }

    public Path stderrFile() {
        return stderrFile;
    }

    public String stdout() {
        return Processes.read(stdoutFile);
    }

    public String stderr() {
        return Processes.read(stderrFile);
    }

    /**
     * Waits until stdout or stderr contains a match of {@code regex} and returns the matched text. Fails
     * early when the process exits without printing it.
     */
    public String waitForOutput(String regex, Duration timeout) {
        Pattern pattern = Pattern.compile(regex);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            // read liveness first: output printed just before an exit is still seen by the reads below
            boolean exited = !process.isAlive();
            Optional<String> found = find(pattern, stdout()).or(() -> find(pattern, stderr()));
            if (found.isPresent()) {
                return found.get();
            }
            if (exited) {
                throw new AssertionError(this + " exited " + process.exitValue() + " without printing /" + regex
                        + "/" + outputForMessage());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(this + " did not print /" + regex + "/ within " + timeout
                        + outputForMessage());
            }
            Processes.sleep(POLL_MILLIS);
        }
    }

    /** Sends a signal by name ("HUP", "USR1", "TERM", ...) to the process. */
    public void signal(String signal) {
        Processes.run("kill", "-s", signal, Long.toString(pid())).orThrow();
    }

    /** Waits for the process to exit by itself and returns its exit code. */
    public int waitForExit(Duration timeout) {
        if (!waitFor(process, timeout)) {
            throw new AssertionError(this + " still running after " + timeout + outputForMessage());
        }
        return process.exitValue();
    }

    /** {@link #stop(Duration)} with the default grace. */
    public int stop() {
        return stop(DEFAULT_GRACE);
    }

    /**
     * Sends TERM, and KILL to the process and everything it started if it is still running after the
     * grace. Returns the exit code (128 + signal number when a signal ended it).
     */
    public int stop(Duration grace) {
        // collected before the signal: once the parent is gone its orphans can no longer be found from it
        List<ProcessHandle> descendants = process.descendants().toList();
        if (process.isAlive()) {
            process.destroy();
            if (!waitFor(process, grace)) {
                process.destroyForcibly();
            }
        }
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        return waitForExit(grace);
    }

    @Override
    public void close() {
        stop();
    }

    @Override
    public String toString() {
        return label + " (pid " + pid() + ": " + String.join(" ", command) + ")";
    }

    private String outputForMessage() {
        return "\n--- stdout (" + stdoutFile + ")\n" + tail(stdout()) + "\n--- stderr (" + stderrFile + ")\n"
                + tail(stderr());
    }

    private static String tail(String text) {
        int keep = 4000;
        return text.length() <= keep ? text : "..." + text.substring(text.length() - keep);
    }

    private static Optional<String> find(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? Optional.of(m.group()) : Optional.empty();
    }

    private static boolean waitFor(Process process, Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + process.pid(), e);
        }
    }
}
