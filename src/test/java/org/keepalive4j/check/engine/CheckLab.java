package org.keepalive4j.check.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.keepalive4j.testlib.Host;
import org.keepalive4j.testlib.ManagedProcess;
import org.keepalive4j.testlib.NetSnmp;
import org.keepalive4j.testlib.NetnsLab;

/**
 * A check-engine lab: host 1 (10.77.0.11) is the director running the packaged daemon (with snmpd and
 * snmptrapd when asked), the other hosts run real servers as plain TCP listeners. Notify scripts
 * append their arguments to {@link #events()} through {@link #recorder()}.
 */
final class CheckLab implements AutoCloseable {

    static final Path JAR = Path.of(System.getProperty("keepalive4j.jar", "target/keepalive4j-0.1.0-SNAPSHOT.jar"));

    private final NetnsLab lab;
    private final Host director;
    private final Map<String, ManagedProcess> servers = new HashMap<>();
    private final List<ManagedProcess> daemons = new ArrayList<>();
    private NetSnmp snmp;
    private ManagedProcess daemon;
    private final Path recorder;
    private final Path events;

    CheckLab(int hosts) {
        lab = NetnsLab.start(hosts);
        director = lab.host(1);
        events = director.workDir().resolve("events.log");
        recorder = director.workDir().resolve("record");
        write(recorder, "#!/bin/sh\necho \"$*\" >> " + events + "\n");
        try {
            Files.setPosixFilePermissions(recorder, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.writeString(events, "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Host host(int i) {
        return lab.host(i);
    }

    Host director() {
        return director;
    }

    /** The notify script to configure: "{recorder} word" appends "word" to the events file. */
    String recorder() {
        return recorder.toString();
    }

    /** What the notify scripts recorded so far, one line per run. */
    List<String> events() {
        try {
            return Files.readAllLines(events);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A TCP listener on host {@code i} at {@code port} (python's http.server). */
    void startServer(int i, int port) {
        Host h = lab.host(i);
        String key = h.ipv4() + ":" + port;
        ManagedProcess p = h.start("server-" + port + "-" + servers.size(), "python3", "-m", "http.server",
                Integer.toString(port), "--bind", h.ipv4());
        servers.put(key, p);
        await(() -> h.exec("sh", "-c", "ss -ltn | grep -q '" + key + " '").exitCode() == 0, Duration.ofSeconds(10),
                "listener " + key);
    }

    void stopServer(int i, int port) {
        servers.remove(lab.host(i).ipv4() + ":" + port).stop(Duration.ofSeconds(5));
    }

    NetSnmp snmp() {
        if (snmp == null) {
            snmp = NetSnmp.unixMaster(director);
            snmp.startSnmpd();
            snmp.startSnmptrapd();
        }
        return snmp;
    }

    /** Writes the configuration and starts the daemon with {@code options} (e.g. "-C"), waiting until it runs. */
    ManagedProcess startDaemon(String config, String... options) {
        Path conf = director.workDir().resolve("keepalived.conf");
        write(conf, withLoggingDataplane(config));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path dir = director.workDir();
        List<String> cmd = new ArrayList<>(List.of(java, "-jar", JAR.toAbsolutePath().toString(), "-n", "-l", "-D",
                "-f", conf.toString(), "-p", dir.resolve("parent.pid").toString(),
                "-r", dir.resolve("vrrp.pid").toString(), "-c", dir.resolve("check.pid").toString()));
        cmd.addAll(List.of(options));
        daemon = director.start("keepalive4j-" + (daemons.size() + 1), cmd, Map.of("KEEPALIVE4J_DUMP_DIR", dir.toString()));
        daemons.add(daemon);
        daemon.waitForOutput("keepalive4j \\S+ started", Duration.ofSeconds(40));
        return daemon;
    }

    /**
     * These tests read the table from the logging dataplane's dump; the daemon's default (auto) would program
     * IPVS or nftables instead, so a configuration that names no dataplane gets {@code lvs_dataplane logging}
     * (global_defs blocks merge).
     */
    private static String withLoggingDataplane(String config) {
        return config.contains("lvs_dataplane") ? config : "global_defs {\n lvs_dataplane logging\n}\n" + config;
    }

    /** Another daemon on host {@code i} (e.g. a VRRP peer), its files in that host's work directory. */
    ManagedProcess startPeer(int i, String config, String... options) {
        Host h = lab.host(i);
        Path dir = h.workDir();
        Path conf = dir.resolve("keepalived.conf");
        write(conf, withLoggingDataplane(config));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-jar", JAR.toAbsolutePath().toString(), "-n", "-l", "-D",
                "-f", conf.toString(), "-p", dir.resolve("parent.pid").toString(),
                "-r", dir.resolve("vrrp.pid").toString(), "-c", dir.resolve("check.pid").toString()));
        cmd.addAll(List.of(options));
        ManagedProcess p = h.start("peer-keepalive4j", cmd, Map.of("KEEPALIVE4J_DUMP_DIR", dir.toString()));
        daemons.add(p);
        p.waitForOutput("keepalive4j \\S+ started", Duration.ofSeconds(40));
        return p;
    }

    /** Writes a file in the director's work directory and returns its path. */
    Path directorFile(String name, String text, boolean executable) {
        Path f = director.workDir().resolve(name);
        write(f, text);
        if (executable) {
            try {
                Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwxr-xr-x"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return f;
    }

    ManagedProcess daemon() {
        return daemon;
    }

    /** Waits until the daemon's log holds {@code literal} at least {@code times} times. */
    void awaitLog(String literal, int times, Duration timeout) {
        await(() -> count(log(), literal) >= times, timeout, times + " × '" + literal + "' in the daemon log");
    }

    void awaitLog(String literal, Duration timeout) {
        awaitLog(literal, 1, timeout);
    }

    String log() {
        return daemon.stdout() + daemon.stderr();
    }

    static int count(String haystack, String needle) {
        int n = 0;
        for (int i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + needle.length())) {
            n++;
        }
        return n;
    }

    /** The SIGUSR1 data dump. */
    String data() {
        return dump("USR1", "keepalived.data");
    }

    /** The SIGUSR2 statistics dump. */
    String stats() {
        return dump("USR2", "keepalived.stats");
    }

    private String dump(String signal, String name) {
        Path file = director.workDir().resolve(name);
        try {
            Files.deleteIfExists(file);
            daemon.signal(signal);
            await(() -> Files.exists(file), Duration.ofSeconds(10), name);
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A counter line "name value" of the statistics dump. */
    long stat(String name) {
        for (String line : stats().split("\n")) {
            if (line.startsWith(name + " ")) {
                return Long.parseLong(line.substring(name.length() + 1).trim());
            }
        }
        throw new AssertionError("no statistic " + name);
    }

    /** Polls {@code condition} every 100 ms; fails with {@code what} and the daemon's log tail. */
    void await(BooleanSupplier condition, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                String tail = daemon == null ? "" : log();
                tail = tail.length() > 4000 ? tail.substring(tail.length() - 4000) : tail;
                throw new AssertionError("no " + what + " within " + timeout + "; daemon log tail:\n" + tail);
            }
            sleep(100);
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

    @Override
    public void close() {
        for (ManagedProcess d : daemons) {
            if (d.isAlive()) {
                d.stop(Duration.ofSeconds(10));
            }
        }
        if (snmp != null) {
            snmp.close();
        }
        lab.close();
    }
}
