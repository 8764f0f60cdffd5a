package org.keepalive4j.vrrp.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.keepalive4j.testlib.Host;
import org.keepalive4j.testlib.ManagedProcess;
import org.keepalive4j.testlib.Processes;

/**
 * A VRRP daemon on one lab host, run from a {@link VrrpSetup}: keepalived ({@link KeepalivedPeer}) or
 * keepalive4j ({@link K4jPeer}). Each peer has a directory of its own for its configuration, pid files
 * and dumps, so a new peer never trips over files (or a pid) an earlier one left behind.
 */
public abstract class VrrpPeer implements AutoCloseable {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final Duration STATS_TIMEOUT = Duration.ofSeconds(10);

    private final Host host;
    private final VrrpSetup setup;
    private final Path dir;
    private final Path conf;
    private ManagedProcess process;

    protected VrrpPeer(Host host, VrrpSetup setup, List<Host> peers) {
        this.host = host;
        this.setup = setup;
        this.dir = host.workDir().resolve(daemonName() + "-" + setup.label() + "-" + COUNTER.incrementAndGet());
        this.conf = dir.resolve("keepalived.conf");
        try {
            Files.createDirectories(dir);
            Files.writeString(conf, KeepalivedConf.render(setup, host, peers));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "keepalived" or "keepalive4j". */
    public abstract String daemonName();

    /** The daemon's statistics now, from a fresh dump (the daemon is signalled to write it). */
    public abstract PeerStats stats();

    /** The command line, with every file in {@code dir}. */
    protected abstract List<String> command(Path conf, Path dir);

    /** Environment that moves the daemon's dump files into {@code dir}. */
    protected abstract Map<String, String> environment(Path dir);

    public final VrrpPeer start() {
        process = host.start(dir.getFileName().toString(), command(conf, dir), environment(dir));
        return this;
    }

    public Host host() {
        return host;
    }

    public VrrpSetup setup() {
        return setup;
    }

    protected Path dir() {
        return dir;
    }

    protected ManagedProcess process() {
        if (process == null) {
            throw new IllegalStateException(this + " was not started");
        }
        return process;
    }

    public boolean isAlive() {
        return process().isAlive();
    }

    public boolean hasVip() {
        return host.hasAddress(setup.vip());
    }

    /** Everything the daemon logged so far (-l: the console, which both daemons write to stderr or stdout). */
    public String log() {
        return process().stdout() + process().stderr();
    }

    /** How often the instance has logged "(VI_1) Entering STATE STATE", the operator line both daemons print. */
    public int timesEntered(String state) {
        String line = "(" + setup.instance() + ") Entering " + state + " STATE";
        String log = log();
        int n = 0;
        for (int at = log.indexOf(line); at >= 0; at = log.indexOf(line, at + 1)) {
            n++;
        }
        return n;
    }

    /**
     * SIGKILL to the daemon and everything it started, in one kill call, children first: keepalived's
     * VRRP child outlives a killed parent long enough to send priority 0 (BASELINE-keepalived.md
     * observation 5), which would turn a crash into a clean handover.
     */
    public void kill() {
        List<String> command = new ArrayList<>(List.of("kill", "-KILL"));
        ProcessHandle.of(process().pid()).stream().flatMap(ProcessHandle::descendants)
                .forEach(p -> command.add(Long.toString(p.pid())));
        command.add(Long.toString(process().pid()));
        Processes.run(command.toArray(String[]::new)).orThrow();
        process().waitForExit(Duration.ofSeconds(10));
    }

    /** SIGTERM, the normal stop: the daemon releases its VIPs and sends priority 0. */
    public void stop() {
        process().stop();
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.stop();
        }
    }

    @Override
    public String toString() {
        return daemonName() + " on " + host.name() + " (" + setup.label() + ", " + dir + ")";
    }

    /**
     * Deletes {@code files}, sends {@code signals} to the daemon and reads the files back with {@code parse}
     * once they exist, parse and stay the same across two reads (they may be written piecemeal).
     */
    protected final PeerStats dump(List<Path> files, List<String> signals, Supplier<PeerStats> parse) {
        try {
            for (Path f : files) {
                Files.deleteIfExists(f);
            }
            signals.forEach(process()::signal);
            long deadline = System.nanoTime() + STATS_TIMEOUT.toNanos();
            String previous = null;
            RuntimeException lastFailure = null;
            while (System.nanoTime() < deadline) {
                Thread.sleep(30);
                if (!files.stream().allMatch(Files::exists)) {
                    continue;
                }
                StringBuilder now = new StringBuilder();
                for (Path f : files) {
                    now.append(Files.readString(f)).append('\0');
                }
                if (now.toString().equals(previous)) {
                    try {
                        return parse.get();
                    } catch (IllegalArgumentException incomplete) {
                        lastFailure = incomplete;
                    }
                }
                previous = now.toString();
            }
            throw new AssertionError(this + ": no complete dump in " + files + " within " + STATS_TIMEOUT
                    + (lastFailure == null ? "" : ": " + lastFailure.getMessage()) + "\n--- log\n" + tail(log()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    protected static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String tail(String text) {
        return text.length() <= 6000 ? text : "..." + text.substring(text.length() - 6000);
    }
}
