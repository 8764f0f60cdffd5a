package org.keepalive4j.daemon;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.keepalive4j.config.Diagnostic;
import org.keepalive4j.config.model.KeepalivedConfig;
import org.keepalive4j.systemd.SystemdNotifier;

/**
 * The lifecycle of a running keepalive4j: start the subsystems, then serve requests (reload, dumps,
 * stop) one at a time on the thread that called {@link #run}. That thread is the only one that touches
 * the configuration, the counters and the subsystems; other threads, signal handlers included, only
 * {@link #submit} requests.
 */
public final class Daemon {

    public enum Request { RELOAD, DUMP_DATA, DUMP_STATS, STOP }

    private static final Logger LOG = LogManager.getLogger(Daemon.class);

    private final BlockingQueue<Request> requests = new LinkedBlockingQueue<>();
    private final ConfigLoader loader;
    private final List<Subsystem> subsystems;
    private final DumpFiles dumpFiles;
    private final boolean dumpConf;
    private SystemdNotifier systemd = SystemdNotifier.DISABLED;

    // owned by the lifecycle thread
    private final List<Subsystem> running = new ArrayList<>();
    private KeepalivedConfig config;
    private int reloads;
    private Instant startedAt;

    Daemon(ConfigLoader loader, List<Subsystem> subsystems, DumpFiles dumpFiles, boolean dumpConf) {
        this.loader = loader;
        this.subsystems = List.copyOf(subsystems);
        this.dumpFiles = dumpFiles;
        this.dumpConf = dumpConf;
    }

    /** Tells systemd about start, reload and stop (sd_notify); before {@link #run}. */
    void notifyTo(SystemdNotifier notifier) {
        this.systemd = notifier;
    }

    /** Safe from any thread, including signal handlers: it only queues. */
    public void submit(Request request) {
        requests.add(request);
    }

    /**
     * Starts with a configuration already loaded without errors and serves requests until
     * {@link Request#STOP}. Returns the exit status: 0 after an orderly stop, 1 if a subsystem
     * could not start.
     */
    public int run(KeepalivedConfig initial) {
        startedAt = Instant.now();
        config = initial;
        if (dumpConf) {
            logDump();
        }
        for (Subsystem s : subsystems) {
            try {
                s.start(config);
                running.add(s);
            } catch (Exception e) {
                LOG.error("{}: cannot start: {}", s.name(), e.getMessage());
                LOG.debug("{} start failure", s.name(), e);
                stopAll();
                return 1;
            }
        }
        LOG.info("keepalive4j {} started, pid {}, configuration {}", Version.current(),
                ProcessHandle.current().pid(), loader.file());
        systemd.ready("Running, configuration " + loader.file());
        while (true) {
            Request next;
            try {
                next = requests.take();
            } catch (InterruptedException e) {
                next = Request.STOP;
            }
            switch (next) {
                case RELOAD -> {
                    int before = reloads;
                    systemd.reloading("Reloading " + loader.file());
                    reload();
                    systemd.ready(reloads > before ? "Running, configuration reloaded (" + reloads + ")"
                            : "Running; the last reload was rejected, see the log");
                }
                case DUMP_DATA -> writeReport(dumpFiles.data(), dataReport(), "data");
                case DUMP_STATS -> writeReport(dumpFiles.stats(), statsReport(), "statistics");
                case STOP -> {
                    LOG.info("Stopping");
                    systemd.stopping("Stopping");
                    stopAll();
                    LOG.info("Stopped");
                    return 0;
                }
            }
        }
    }

    private void reload() {
        LOG.info("Reloading configuration {}", loader.file());
        ConfigLoader.Result result = loader.load();
        for (Diagnostic d : result.diagnostics()) {
            if (d.isError()) {
                LOG.error("{}", d);
            } else {
                LOG.warn("{}", d);
            }
        }
        if (!result.ok()) {
            LOG.error("Reload failed with {} error(s); still running the previous configuration",
                    result.errors().size());
            return;
        }
        config = result.config();
        reloads++;
        if (dumpConf) {
            logDump();
        }
        for (Subsystem s : running) {
            try {
                s.reload(config);
            } catch (Exception e) {
                LOG.error("{}: reload failed: {}", s.name(), e.getMessage());
                LOG.debug("{} reload failure", s.name(), e);
            }
        }
        LOG.info("Configuration reloaded (reload {})", reloads);
    }

    private void stopAll() {
        for (int i = running.size() - 1; i >= 0; i--) {
            Subsystem s = running.get(i);
            try {
                s.stop();
            } catch (RuntimeException e) {
                LOG.error("{}: error while stopping: {}", s.name(), e.getMessage());
            }
        }
        running.clear();
    }

    private void logDump() {
        for (String line : ConfigDump.lines("configuration", config)) {
            LOG.info("{}", line);
        }
    }

    String dataReport() {
        StringBuilder out = new StringBuilder();
        out.append("keepalive4j ").append(Version.current()).append(" data, ").append(Instant.now()).append('\n');
        out.append("configuration file: ").append(loader.file()).append('\n');
        out.append(ConfigDump.text("configuration", config));
        for (Subsystem s : running) {
            out.append("------< ").append(s.name()).append(" >------\n");
            s.appendData(out);
        }
        return out.toString();
    }

    String statsReport() {
        StringBuilder out = new StringBuilder();
        out.append("keepalive4j ").append(Version.current()).append(" statistics, ").append(Instant.now()).append('\n');
        out.append("uptime: ").append(Duration.between(startedAt, Instant.now()).toSeconds()).append(" s\n");
        out.append("reloads: ").append(reloads).append('\n');
        out.append("configuration file: ").append(loader.file()).append('\n');
        for (Subsystem s : running) {
            out.append("------< ").append(s.name()).append(" >------\n");
            s.appendStats(out);
        }
        return out.toString();
    }

    /**
     * Through a temporary file and a rename, so a reader never sees half a dump. The temporary file
     * gets a random name, created exclusively with mode 0600: /tmp is world-writable and the dump
     * holds authentication passwords.
     */
    private static void writeReport(Path file, String text, String what) {
        try {
            Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), "." + file.getFileName(), ".tmp");
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            LOG.info("Wrote {} to {}", what, file);
        } catch (IOException e) {
            LOG.error("Cannot write {} to {}: {}", what, file, e.getMessage());
        }
    }
}
