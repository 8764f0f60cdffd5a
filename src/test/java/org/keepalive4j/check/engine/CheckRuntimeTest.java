package org.keepalive4j.check.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.keepalive4j.check.probe.Probe;
import org.keepalive4j.check.probe.ProbeResult;
import org.keepalive4j.config.ConfigTesting;
import org.keepalive4j.config.model.KeepalivedConfig;
import org.keepalive4j.config.model.LvsProtocol;
import org.keepalive4j.config.model.check.Checker;
import org.keepalive4j.dataplane.RecordingDataplane;
import org.keepalive4j.dataplane.ServiceKey;
import org.keepalive4j.mib.KeepalivedMib;
import org.keepalive4j.mib.MibOptions;
import org.keepalive4j.mib.check.QuorumStatus;
import org.keepalive4j.mib.check.RealServerRow;
import org.keepalive4j.mib.check.VirtualServerRow;

/** The engine's loop with a fake clock and fake probes: timing, MIB rows, reload, ha_suspend, scripts. */
class CheckRuntimeTest {

    /** A failed attempt takes this long (the connect timeout of a silent server). */
    private static final Duration FAIL_LATENCY = Duration.ofSeconds(1);

    private final FakeTimers timers = new FakeTimers();
    /** Packets in per destination so far (a service counts 100 + this); the tests make traffic grow. */
    private final java.util.concurrent.atomic.AtomicLong destinationPackets = new java.util.concurrent.atomic.AtomicLong(40);
    /** How often the engine read the dataplane's counters. */
    private final java.util.concurrent.atomic.AtomicInteger counterReads = new java.util.concurrent.atomic.AtomicInteger();
    private final RecordingDataplane dataplane = new RecordingDataplane() {
        // a backend that counts: every service 100 packets in; every destination 40 (or what the test says)
        @Override
        public org.keepalive4j.dataplane.Counters counters(ServiceKey s) {
            return new org.keepalive4j.dataplane.Counters(0, 60 + destinationPackets.get(), 0, 0, 0, 0, 0, 0, 0, 0,
                    0, 0, 0);
        }

        @Override
        public synchronized Map<org.keepalive4j.dataplane.DestinationKey, org.keepalive4j.dataplane.Counters>
                destinationCounters(ServiceKey s) {
            Map<org.keepalive4j.dataplane.DestinationKey, org.keepalive4j.dataplane.Counters> out = new java.util.HashMap<>();
            long p = destinationPackets.get();
            destinations(s).keySet().forEach(k -> out.put(k,
                    new org.keepalive4j.dataplane.Counters(p / 10, p, 0, p * 100, 0, 0, 0, 0, 0, 0, 3, 0, 0)));
            return out;
        }

        @Override
        public Map<ServiceKey, org.keepalive4j.dataplane.ServiceCounters> readCounters(
                java.util.Collection<ServiceKey> services) {
            counterReads.incrementAndGet();
            return super.readCounters(services);
        }
    };
    private final Map<String, Boolean> serverUp = new ConcurrentHashMap<>();
    private final Map<String, Integer> attempts = new ConcurrentHashMap<>();
    /** Servers whose probe breaks its promise and never answers. */
    private final java.util.Set<String> hung = ConcurrentHashMap.newKeySet();
    private final List<String> scripts = new ArrayList<>();
    private final List<InetAddress> localAddresses = new ArrayList<>();
    private KeepalivedMib mib;
    private CheckRuntime runtime;
    private final ServiceKey service;

    CheckRuntimeTest() throws Exception {
        service = new ServiceKey.Address(InetAddress.getByName("10.0.0.100"), 80, LvsProtocol.TCP);
    }

    private Probe probe(Checker c) {
        String addr = c.common().connectIp().getHostAddress();
        return new Probe() {
            @Override
            public CompletableFuture<ProbeResult> attempt() {
                attempts.merge(addr, 1, Integer::sum);
                if (hung.contains(addr)) {
                    return new CompletableFuture<>();
                }
                if (serverUp.getOrDefault(addr, true)) {
                    return CompletableFuture.completedFuture(ProbeResult.up("connected"));
                }
                CompletableFuture<ProbeResult> f = new CompletableFuture<>();
                timers.after(FAIL_LATENCY, () -> f.complete(ProbeResult.down("timeout")));
                return f;
            }

            @Override
            public String describe() {
                return "TCP_CHECK " + addr;
            }
        };
    }

    private static String conf(String vsExtra, String servers) {
        return "virtual_server 10.0.0.100 80 {\n delay_loop 5\n lb_algo rr\n lb_kind NAT\n protocol TCP\n"
                + vsExtra + "\n" + servers + "}\n";
    }

    private static String server(int n, String extra) {
        return " real_server 10.0.0." + n + " 80 {\n  weight 1\n" + extra
                + "\n  TCP_CHECK {\n   connect_timeout 1\n   retry 2\n   delay_before_retry 1\n  }\n }\n";
    }

    private void start(String text) {
        KeepalivedConfig config = ConfigTesting.parse(text).config();
        mib = KeepalivedMib.build(config, MibOptions.defaults());
        runtime = new CheckRuntime(mib.check(), dataplane, this::probe, timers, Runnable::run,
                (script, purpose) -> scripts.add(purpose + ": " + script.command()), bound -> 0,
                localAddresses::contains, () -> timers.nowMillis() * 1_000_000);
        runtime.start(config);
    }

    private void reload(String text) {
        KeepalivedConfig config = ConfigTesting.parse(text).config();
        mib.reload(config);
        runtime.reload(config);
    }

    private VirtualServerRow vsRow() {
        return mib.check().virtualServers().get(0);
    }

    private RealServerRow rsRow(String addr) {
        return vsRow().realServers().stream().filter(r -> r.address().getHostAddress().equals(addr)).findFirst()
                .orElseThrow();
    }

    /** Advances in 100 ms steps until the row says down; returns the virtual time then. */
    private long advanceUntilDown(String addr, Duration limit) {
        long end = timers.nowMillis() + limit.toMillis();
        while (timers.nowMillis() < end) {
            timers.advance(Duration.ofMillis(100));
            if (!rsRow(addr).isAlive()) {
                return timers.nowMillis();
            }
        }
        throw new AssertionError(addr + " still alive after " + limit);
    }

    @Test
    void a_silent_server_is_marked_down_after_its_retries_and_not_before() {
        start(conf("", server(1, "") + server(2, "")));
        timers.advance(Duration.ofSeconds(12)); // rounds at 0, 5, 10
        assertEquals(3, attempts.get("10.0.0.1"));
        serverUp.put("10.0.0.1", false);
        long stoppedAt = timers.nowMillis();
        long downAt = advanceUntilDown("10.0.0.1", Duration.ofSeconds(30));
        // next round at 15 s: fails at 16, retry at 17 fails at 18, retry at 19 fails at 20 → down
        assertEquals(20_000, downAt, "first failed round at 15 s + 3 × 1 s timeout + 2 × 1 s delay_before_retry");
        assertTrue(downAt - stoppedAt >= 2 * 1000 + 3 * 1000, "never before retry × delay_before_retry + timeouts");
        assertEquals("10.0.0.2:80=w1", dataplane.table(service));
        assertEquals(1, vsRow().realServersUp());
        serverUp.put("10.0.0.1", true);
        timers.advance(Duration.ofSeconds(5));
        assertTrue(rsRow("10.0.0.1").isAlive());
        assertEquals("10.0.0.1:80=w1 10.0.0.2:80=w1", dataplane.table(service));
    }

    @Test
    void a_probe_that_never_answers_counts_as_failed_and_the_loop_goes_on() {
        start(conf("", server(1, "")));
        timers.advance(Duration.ofSeconds(1));
        hung.add("10.0.0.1");
        long from = timers.nowMillis();
        long downAt = advanceUntilDown("10.0.0.1", Duration.ofSeconds(60));
        // round at 5 s: no answer by 11 s (connect_timeout 1 + 5); retries at 12 and 19 end at 18 and 25
        assertEquals(25_000, downAt, "from " + from);
        hung.clear();
        timers.advance(Duration.ofSeconds(6));
        assertTrue(rsRow("10.0.0.1").isAlive(), "the loop still runs after the hangs");
    }

    @Test
    void rows_follow_quorum_and_scripts_run_for_servers_and_quorum() {
        start(conf(" quorum 2\n quorum_up /bin/qup\n quorum_down /bin/qdown",
                server(1, "  notify_up /bin/up1\n  notify_down /bin/down1") + server(2, "")));
        assertEquals(QuorumStatus.MET, vsRow().quorumStatus());
        serverUp.put("10.0.0.1", false);
        advanceUntilDown("10.0.0.1", Duration.ofSeconds(30));
        assertEquals(QuorumStatus.NOT_MET, vsRow().quorumStatus());
        assertEquals(List.of("notify_down of 10.0.0.1:80 in VS 10.0.0.100:80/TCP: /bin/down1",
                "quorum_down of VS 10.0.0.100:80/TCP: /bin/qdown"), scripts);
        scripts.clear();
        serverUp.put("10.0.0.1", true);
        timers.advance(Duration.ofSeconds(6));
        assertEquals(QuorumStatus.MET, vsRow().quorumStatus());
        assertEquals(List.of("notify_up of 10.0.0.1:80 in VS 10.0.0.100:80/TCP: /bin/up1",
                "quorum_up of VS 10.0.0.100:80/TCP: /bin/qup"), scripts);
    }

    @Test
    void a_reload_keeps_the_state_of_unchanged_servers_and_reconciles_the_rest() {
        start(conf("", server(1, "") + server(2, "")));
        serverUp.put("10.0.0.1", false);
        advanceUntilDown("10.0.0.1", Duration.ofSeconds(30));
        dataplane.drain();
        reload(conf("", server(1, "") + server(3, "")));
        assertFalse(rsRow("10.0.0.1").isAlive(), "the down server stays down: no flap through a reload");
        List<String> changes = dataplane.drain();
        assertEquals(List.of("remove 10.0.0.2:80 from 10.0.0.100:80/TCP", "add 10.0.0.3:80 w1 to 10.0.0.100:80/TCP"),
                changes);
        assertEquals("10.0.0.3:80=w1", dataplane.table(service));
        assertEquals(1, vsRow().realServersUp());
        serverUp.put("10.0.0.1", true);
        timers.advance(Duration.ofSeconds(6));
        assertEquals("10.0.0.1:80=w1 10.0.0.3:80=w1", dataplane.table(service));
        assertEquals(2, vsRow().realServersUp());
    }

    @Test
    void a_removed_virtual_server_leaves_the_dataplane_and_its_checks_stop() {
        start(conf("", server(1, "")));
        timers.advance(Duration.ofSeconds(1));
        int before = attempts.get("10.0.0.1");
        reload("");
        assertFalse(dataplane.hasService(service));
        timers.advance(Duration.ofSeconds(20));
        assertEquals(before, attempts.get("10.0.0.1"));
    }

    @Test
    void ha_suspend_pauses_checks_while_the_address_is_not_local() throws Exception {
        start(conf(" ha_suspend", server(1, "")));
        timers.advance(Duration.ofSeconds(11));
        assertEquals(null, attempts.get("10.0.0.1"), "no checks while 10.0.0.100 is not here");
        localAddresses.add(InetAddress.getByName("10.0.0.100"));
        timers.advance(Duration.ofSeconds(6));
        assertTrue(attempts.getOrDefault("10.0.0.1", 0) >= 1, "checks run once the VIP is configured");
        localAddresses.clear();
        timers.advance(Duration.ofSeconds(2));
        int paused = attempts.get("10.0.0.1");
        timers.advance(Duration.ofSeconds(20));
        assertEquals(paused, attempts.get("10.0.0.1"));
    }

    @Test
    void stop_takes_everything_out_and_reports_shutdown() {
        start(conf(" omega\n quorum_down /bin/qdown", server(1, "  notify_down /bin/down1")));
        runtime.stop();
        assertFalse(dataplane.hasService(service));
        assertEquals(QuorumStatus.SHUTDOWN, vsRow().quorumStatus());
        assertEquals(List.of("notify_down of 10.0.0.1:80 in VS 10.0.0.100:80/TCP: /bin/down1",
                "quorum_down of VS 10.0.0.100:80/TCP: /bin/qdown"), scripts);
    }

    @Test
    void without_omega_stopping_runs_no_script() {
        start(conf(" quorum_down /bin/qdown", server(1, "  notify_down /bin/down1")));
        runtime.stop();
        assertEquals(List.of(), scripts);
    }

    @Test
    void a_group_service_gets_the_same_pool_on_every_address_and_fwmark() throws Exception {
        start("virtual_server_group G {\n 10.0.0.100-101 80\n fwmark 7\n}\n"
                + "virtual_server group G {\n delay_loop 5\n lb_algo rr\n lb_kind DR\n protocol TCP\n"
                + server(1, "") + server(2, "") + "}\n");
        ServiceKey second = new ServiceKey.Address(InetAddress.getByName("10.0.0.101"), 80, LvsProtocol.TCP);
        ServiceKey mark = new ServiceKey.Fwmark(7, org.keepalive4j.config.model.IpFamily.INET);
        for (ServiceKey k : List.of(service, second, mark)) {
            assertEquals("10.0.0.1:80=w1 10.0.0.2:80=w1", dataplane.table(k), k.describe());
        }
        serverUp.put("10.0.0.2", false);
        advanceUntilDown("10.0.0.2", Duration.ofSeconds(30));
        for (ServiceKey k : List.of(service, second, mark)) {
            assertEquals("10.0.0.1:80=w1", dataplane.table(k), k.describe());
        }
    }

    /** A cell of the MIB as an SNMP GET would read it. */
    private String cell(String oid) {
        org.snmp4j.smi.OID o = new org.snmp4j.smi.OID(oid);
        var mo = mib.server().lookup(new org.snmp4j.agent.DefaultMOQuery(
                new org.snmp4j.agent.DefaultMOContextScope(null, o, true, o, true)));
        @SuppressWarnings("unchecked")
        var access = (org.snmp4j.agent.ManagedObjectValueAccess<org.snmp4j.agent.request.SubRequest<?>>) mo;
        return String.valueOf(access.getValue(o));
    }

    @Test
    void dataplane_counters_reach_the_statistics_columns_summed_over_a_group() {
        start("virtual_server_group G {\n 10.0.0.100-101 80\n}\n"
                + "virtual_server group G {\n delay_loop 5\n lb_algo rr\n lb_kind DR\n protocol TCP\n"
                + server(1, "") + "}\n");
        String vsInPkts = "1.3.6.1.4.1.9586.100.5.3.3.1.28.1";
        String rsInPkts = "1.3.6.1.4.1.9586.100.5.3.4.1.18.1.1";
        assertEquals("200", cell(vsInPkts), "two services of 100 packets each");
        assertEquals("80", cell(rsInPkts), "the destination on both services");
    }

    private static final String RS_IN_PKTS = "1.3.6.1.4.1.9586.100.5.3.4.1.18.1.1";
    private static final String RS_CONNS64 = "1.3.6.1.4.1.9586.100.5.3.4.1.27.1.1";
    private static final String RS_IN_BYTES = "1.3.6.1.4.1.9586.100.5.3.4.1.20.1.1";
    private static final String RS_RATE_IN_PPS = "1.3.6.1.4.1.9586.100.5.3.4.1.23.1.1";
    private static final String RS_RATE_IN_BPS = "1.3.6.1.4.1.9586.100.5.3.4.1.25.1.1";
    private static final String RS_RATE_CPS = "1.3.6.1.4.1.9586.100.5.3.4.1.22.1.1";
    private static final String VS_RATE_IN_PPS = "1.3.6.1.4.1.9586.100.5.3.3.1.33.1";
    private static final String RS_STATUS = "1.3.6.1.4.1.9586.100.5.3.4.1.6.1.1";

    @Test
    void a_statistics_read_gets_values_at_most_one_second_old_and_no_reading_more_often() {
        start(conf("", server(1, "")));
        int atStart = counterReads.get();
        assertEquals("40", cell(RS_IN_PKTS));
        destinationPackets.set(90);
        timers.advance(Duration.ofMillis(1000));
        assertEquals("40", cell(RS_IN_PKTS), "a reading 1 s old is fresh enough");
        assertEquals(atStart, counterReads.get(), "no reading while the last is fresh");
        timers.advance(Duration.ofMillis(1));
        assertEquals("90", cell(RS_IN_PKTS), "1.001 s old: read again before answering");
        assertEquals("9000", cell(RS_IN_BYTES), "the other columns come from the same reading");
        assertEquals(atStart + 1, counterReads.get(), "one reading for every cell read within the second");
        timers.advance(Duration.ofSeconds(2));
        assertEquals("1", cell(RS_STATUS));
        assertEquals(atStart + 1, counterReads.get(), "other columns never cause a reading");
    }

    @Test
    void nobody_reading_means_one_reading_per_interval() {
        start(conf("", server(1, "")));
        int atStart = counterReads.get();
        timers.advance(CheckRuntime.STATS_INTERVAL.multipliedBy(4));
        assertEquals(atStart + 4, counterReads.get());
    }

    @Test
    void rates_are_per_second_over_the_time_between_two_readings() {
        start(conf("", server(1, "")));
        assertEquals("0", cell(RS_RATE_IN_PPS), "one reading: no rate yet");
        destinationPackets.set(40 + 2500); // 2,500 packets, 250 connections, 250,000 bytes in 2.5 s
        timers.advance(Duration.ofMillis(2500));
        assertEquals("2540", cell(RS_IN_PKTS));
        assertEquals("1000", cell(RS_RATE_IN_PPS));
        assertEquals("100", cell(RS_RATE_CPS));
        assertEquals("100000", cell(RS_RATE_IN_BPS));
        assertEquals("1000", cell(VS_RATE_IN_PPS), "the virtual server's packets grew as much");
        assertEquals("254", cell(RS_CONNS64), "Counter64 connections");
        timers.advance(Duration.ofMillis(2000));
        assertEquals("0", cell(RS_RATE_IN_PPS), "no traffic since: rate 0");
    }

    @Test
    void a_read_after_stop_serves_the_last_values_without_touching_the_dataplane() {
        start(conf("", server(1, "")));
        runtime.stop();
        int reads = counterReads.get();
        destinationPackets.set(500);
        timers.advance(Duration.ofSeconds(10));
        assertEquals("40", cell(RS_IN_PKTS));
        assertEquals(reads, counterReads.get());
    }

    @Test
    void the_dumps_name_every_server() {
        start(conf("", server(1, "")));
        timers.advance(Duration.ofSeconds(1));
        String stats = runtime.stats();
        assertTrue(stats.contains("check.10.0.0.100:80/TCP.10.0.0.1:80.attempts 1\n"), stats);
        assertTrue(stats.contains("check.10.0.0.100:80/TCP.10.0.0.1:80.failures 0\n"), stats);
        String data = runtime.data();
        assertTrue(data.contains("Real server 10.0.0.1:80: alive, weight 1"), data);
        assertTrue(data.contains("Destination 10.0.0.1:80 weight 1"), data);
    }
}
