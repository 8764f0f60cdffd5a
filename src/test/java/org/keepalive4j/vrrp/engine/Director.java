package org.keepalive4j.vrrp.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.keepalive4j.testlib.Host;
import org.keepalive4j.testlib.ManagedProcess;
import org.keepalive4j.testlib.Processes;

/**
 * A lab host running the shaded keepalive4j jar the way the benchmark harness does
 * ({@code -n -l -D -P -f conf -p/-r/-c pid files}), with its dumps in the host's work directory.
 */
final class Director {

    static final Path JAR = Path.of(System.getProperty("keepalive4j.jar", "target/keepalive4j-0.1.0-SNAPSHOT.jar"));
    private static final Duration STARTUP = Duration.ofSeconds(40);

    private final Host host;
    private final Path config;
    private final List<ManagedProcess> runs = new ArrayList<>();
    private ManagedProcess daemon;
    private List<String> engineFlags = List.of("-P");

    Director(Host host, String configText) {
        this.host = host;
        this.config = host.workDir().resolve("keepalived.conf");
        write(config, configText);
    }

    Host host() {
        return host;
    }

    /** Replaces the configuration file, e.g. before a SIGHUP. */
    void rewrite(String configText) {
        write(config, configText);
    }

    /** Flags that replace -P (VRRP only), e.g. {@code -x -A unix:...} to serve the MIB too; before start(). */
    Director flags(String... flags) {
        engineFlags = List.of(flags);
        return this;
    }

    /** Starts the daemon and waits until it says it is running. */
    Director start() {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path dir = host.workDir();
        List<String> command = new ArrayList<>(List.of(java, "-jar", JAR.toAbsolutePath().toString(), "-n", "-l", "-D"));
        command.addAll(engineFlags);
        command.addAll(List.of("-f", config.toString(), "-p", dir.resolve("parent.pid").toString(),
                "-r", dir.resolve("vrrp.pid").toString(), "-c", dir.resolve("check.pid").toString()));
        daemon = host.start(host.name() + "-keepalive4j-" + (runs.size() + 1), command,
                Map.of("KEEPALIVE4J_DUMP_DIR", dir.toString()));
        runs.add(daemon);
        daemon.waitForOutput("keepalive4j \\S+ started", STARTUP);
        return this;
    }

    ManagedProcess process() {
        return daemon;
    }

    void kill() {
        Processes.run("kill", "-KILL", Long.toString(daemon.pid())).orThrow();
        daemon.waitForExit(Duration.ofSeconds(10));
    }

    /** SIGTERM; returns when the daemon has exited. */
    int terminate() {
        daemon.signal("TERM");
        return daemon.waitForExit(Duration.ofSeconds(15));
    }

    boolean hasVip(String cidr) {
        return host.hasAddress(cidr);
    }

    /** The SIGUSR2 statistics dump, as the daemon writes it. */
    String stats() {
        Path file = host.workDir().resolve("keepalived.stats");
        try {
            Files.deleteIfExists(file);
            daemon.signal("USR2");
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!Files.exists(file)) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("no statistics dump from " + host);
                }
                sleep(20);
            }
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The scheduling policy of the daemon's VRRP loop thread, from /proc (field 41 of the thread's stat):
     * 0 SCHED_OTHER, 1 SCHED_FIFO, 2 SCHED_RR.
     */
    int loopThreadPolicy() {
        Path tasks = Path.of("/proc", Long.toString(daemon.pid()), "task");
        try (var dirs = Files.list(tasks)) {
            for (Path task : (Iterable<Path>) dirs::iterator) {
                if (Files.readString(task.resolve("comm")).strip().equals("vrrp-loop")) {
                    String stat = Files.readString(task.resolve("stat"));
                    // fields after the ")" closing comm start at field 3
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    return Integer.parseInt(fields[41 - 3]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new AssertionError("no vrrp-loop thread in " + tasks);
    }

    /** Stops every run of this director that is still going. */
    void stopAll() {
        for (ManagedProcess p : runs) {
            if (p.isAlive()) {
                p.stop(Duration.ofSeconds(10));
            }
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
