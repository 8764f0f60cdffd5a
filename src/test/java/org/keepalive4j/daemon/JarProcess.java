package org.keepalive4j.daemon;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The shaded jar run as a real process, output captured in files so it can be read while it runs. */
final class JarProcess implements AutoCloseable {

    static final Path JAR = Path.of(System.getProperty("keepalive4j.jar", "target/keepalive4j-0.1.0-SNAPSHOT.jar"));
    static final Path RESOURCES = Path.of(System.getProperty("keepalive4j.basedir", "."))
            .resolve("src/test/resources/daemon");

    private final Process process;
    private final Path stdout;
    private final Path stderr;

    private JarProcess(Process process, Path stdout, Path stderr) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /** Starts the jar; dumps go to {@code workDir} so tests never race on /tmp/keepalived.*. */
    static JarProcess start(Path workDir, String... args) throws IOException {
        return startIn(null, workDir, args);
    }

    /**
     * Starts the jar inside network namespace {@code netns} (null: this one). A daemon whose
     * configuration has VRRP instances must run in a lab namespace: it adds addresses and sends
     * adverts on the interfaces it names. {@code ip netns exec} execs java, so the pid is the JVM's.
     */
    static JarProcess startIn(String netns, Path workDir, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        if (netns != null) {
            command.addAll(List.of("ip", "netns", "exec", netns));
        }
        command.addAll(List.of(javaBinary(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(workDir, "stdout", ".txt");
        Path err = Files.createTempFile(workDir, "stderr", ".txt");
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().put(DumpFiles.DIR_VARIABLE, workDir.toString());
        return new JarProcess(pb.start(), out, err);
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    int waitForExit() throws IOException, InterruptedException {
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("still running after 30 s; stderr:\n" + stderr());
        }
        return process.exitValue();
    }

    String stdout() throws IOException {
        return Files.readString(stdout, StandardCharsets.UTF_8);
    }

    String stderr() throws IOException {
        return Files.readString(stderr, StandardCharsets.UTF_8);
    }

    /** Waits until stderr contains {@code text} {@code times} times. */
    void awaitStderr(String text, int times) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (count(stderr(), text) >= times) {
                return;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("exited " + process.exitValue() + " before '" + text
                        + "'; stderr:\n" + stderr());
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("no '" + text + "' within 30 s; stderr:\n" + stderr());
    }

    private static int count(String haystack, String needle) {
        int n = 0;
        for (int at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) {
            n++;
        }
        return n;
    }

    void signal(String name) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-s", name, Long.toString(pid())).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IllegalStateException("kill -s " + name + " failed");
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
