package org.keepalive4j.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.keepalive4j.config.HostFacts;
import org.keepalive4j.config.ParseOptions;
import org.keepalive4j.config.model.KeepalivedConfig;

class DaemonTest {

    @TempDir
    Path dir;

    private final List<String> events = new CopyOnWriteArrayList<>();

    private final class Recording implements Subsystem {
        private final String name;
        private final boolean failStart;

        Recording(String name, boolean failStart) {
            this.name = name;
            this.failStart = failStart;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void start(KeepalivedConfig config) {
            if (failStart) {
                throw new IllegalStateException("no socket");
            }
            events.add(name + " start " + config.vrrpInstances().get(0).priority());
        }

        @Override
        public void reload(KeepalivedConfig config) {
            events.add(name + " reload " + config.vrrpInstances().get(0).priority());
        }

        @Override
        public void stop() {
            events.add(name + " stop");
        }

        @Override
        public void appendStats(StringBuilder out) {
            out.append(name).append(" adverts: 7\n");
        }
    }

    private Path writeConfig(int priority) throws Exception {
        Path conf = dir.resolve("k.conf");
        Files.writeString(conf, "vrrp_instance VI_1 {\n interface lo\n virtual_router_id 9\n priority " + priority
                + "\n virtual_ipaddress {\n  192.0.2.1\n }\n}\n");
        return conf;
    }

    private ConfigLoader loader(Path conf) {
        return new ConfigLoader(conf, ParseOptions.defaults(), new HostFacts(dir));
    }

    private static void awaitFile(Path p) throws InterruptedException {
        for (int i = 0; i < 250 && !Files.exists(p); i++) {
            Thread.sleep(20);
        }
        assertTrue(Files.exists(p), p + " not written");
    }

    @Test
    void startsAndReloadsInOrderAndStopsInReverse() throws Exception {
        Path conf = writeConfig(100);
        ConfigLoader loader = loader(conf);
        DumpFiles dumps = new DumpFiles(dir.resolve("data"), dir.resolve("stats"));
        Daemon daemon = new Daemon(loader, List.of(new Recording("VRRP", false), new Recording("CHECK", false)),
                dumps, false);
        KeepalivedConfig initial = loader.load().config();
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> daemon.run(initial));

        writeConfig(120);
        daemon.submit(Daemon.Request.RELOAD);
        daemon.submit(Daemon.Request.DUMP_STATS);
        daemon.submit(Daemon.Request.DUMP_DATA);
        daemon.submit(Daemon.Request.STOP);

        assertEquals(0, exit.get(10, TimeUnit.SECONDS));
        assertEquals(List.of("VRRP start 100", "CHECK start 100", "VRRP reload 120", "CHECK reload 120",
                "CHECK stop", "VRRP stop"), events);
        String stats = Files.readString(dumps.stats());
        assertTrue(stats.contains("VRRP adverts: 7"), stats);
        assertTrue(stats.contains("configuration file: " + conf), stats);
        assertTrue(stats.contains("reloads: 1"), stats);
        String data = Files.readString(dumps.data());
        assertTrue(data.contains("priority: 120"), data);
    }

    @Test
    void aBrokenReloadKeepsTheRunningConfiguration() throws Exception {
        Path conf = writeConfig(100);
        ConfigLoader loader = loader(conf);
        DumpFiles dumps = new DumpFiles(dir.resolve("data"), dir.resolve("stats"));
        Daemon daemon = new Daemon(loader, List.of(new Recording("VRRP", false)), dumps, false);
        KeepalivedConfig initial = loader.load().config();
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> daemon.run(initial));
        writeConfig(300);
        daemon.submit(Daemon.Request.RELOAD);
        daemon.submit(Daemon.Request.DUMP_DATA);
        daemon.submit(Daemon.Request.DUMP_STATS);
        awaitFile(dumps.stats());
        daemon.submit(Daemon.Request.STOP);
        assertEquals(0, exit.get(10, TimeUnit.SECONDS));
        assertEquals(List.of("VRRP start 100", "VRRP stop"), events);
        assertTrue(Files.readString(dumps.data()).contains("priority: 100"));
        assertTrue(Files.readString(dumps.stats()).contains("reloads: 0"));
    }

    @Test
    void aSubsystemThatCannotStartStopsThoseAlreadyStarted() throws Exception {
        ConfigLoader loader = loader(writeConfig(100));
        Daemon daemon = new Daemon(loader, List.of(new Recording("VRRP", false), new Recording("SNMP", true)),
                new DumpFiles(dir.resolve("data"), dir.resolve("stats")), false);
        assertEquals(1, daemon.run(loader.load().config()));
        assertEquals(List.of("VRRP start 100", "VRRP stop"), events);
    }
}
