package org.keepalive4j.check.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keepalive4j.config.ConfigTesting;
import org.keepalive4j.config.model.VirtualServer;
import org.keepalive4j.dataplane.RecordingDataplane;
import org.keepalive4j.dataplane.ServiceKey;

/** The pool rules of keepalived, told as stories against a recording dataplane. */
class VirtualServerStateTest {

    private final RecordingDataplane dataplane = new RecordingDataplane();
    private final List<String> events = new ArrayList<>();
    private VirtualServerState vs;
    private ServiceKey service;

    private final CheckEvents recorder = new CheckEvents() {
        @Override
        public void realServerAlive(RealServerState rs, boolean alive, Why why) {
            events.add((alive ? "up " : "down ") + rs.describe() + " " + why);
        }

        @Override
        public void realServerWeight(RealServerState rs, int weight) {
            events.add("weight " + rs.describe() + " " + weight);
        }

        @Override
        public void failedChecks(RealServerState rs, int failed) {
            events.add("failed " + rs.describe() + " " + failed);
        }

        @Override
        public void quorum(VirtualServerState v, boolean up, Why why) {
            events.add("quorum " + (up ? "up " : "down ") + why);
        }
    };

    /** A virtual server 10.0.0.100:80 with {@code vsExtra} and real servers .1 .. .n (weights given). */
    private void start(String vsExtra, String rsExtra, int... weights) {
        StringBuilder b = new StringBuilder("virtual_server 10.0.0.100 80 {\n delay_loop 10\n lb_algo rr\n"
                + " lb_kind NAT\n protocol TCP\n" + vsExtra + "\n");
        for (int i = 0; i < weights.length; i++) {
            b.append(" real_server 10.0.0.").append(i + 1).append(" 80 {\n  weight ").append(weights[i]).append('\n')
                    .append(rsExtra).append("\n  TCP_CHECK {\n   connect_timeout 1\n   retry 0\n  }\n }\n");
        }
        b.append("}\n");
        VirtualServer config = ConfigTesting.parse(b.toString()).config().virtualServers().get(0);
        List<ServiceKey> keys = ServiceKeys.of(config, Map.of());
        service = keys.get(0);
        vs = new VirtualServerState(config, keys, dataplane, recorder);
        config.realServers().forEach(rs -> vs.addRealServer(rs, null));
        vs.start();
    }

    private RealServerState rs(int n) {
        return vs.realServers().get(n - 1);
    }

    private void fail(int n) {
        vs.onAttempt(rs(n), 0, false, false, null);
    }

    private void pass(int n) {
        vs.onAttempt(rs(n), 0, true, false, null);
    }

    private String table() {
        return dataplane.table(service);
    }

    @Test
    void every_server_starts_in_the_pool_and_a_failed_one_is_removed_then_added_back() {
        start("", "", 1, 2);
        assertEquals("10.0.0.1:80=w1 10.0.0.2:80=w2", table());
        assertTrue(vs.quorumUp());
        events.clear();
        fail(1);
        assertEquals("10.0.0.2:80=w2", table());
        assertEquals(List.of("failed 10.0.0.1:80 1", "down 10.0.0.1:80 CHECK"), events);
        events.clear();
        pass(1);
        assertEquals("10.0.0.1:80=w1 10.0.0.2:80=w2", table());
        assertEquals(List.of("failed 10.0.0.1:80 0", "up 10.0.0.1:80 CHECK"), events);
    }

    @Test
    void inhibit_on_failure_keeps_a_failed_server_with_weight_zero() {
        start("", "  inhibit_on_failure", 3);
        fail(1);
        assertEquals("10.0.0.1:80=w0", table());
        pass(1);
        assertEquals("10.0.0.1:80=w3", table());
    }

    @Test
    void alpha_starts_out_of_the_pool_until_the_first_success_and_notifies_the_first_failure() {
        start(" alpha", "", 1);
        assertEquals("", table());
        assertFalse(rs(1).isAlive());
        events.clear();
        fail(1);
        assertEquals(List.of("down 10.0.0.1:80 CHECK"), events, "the first failure confirms down (notify_down)");
        events.clear();
        fail(1);
        assertEquals(List.of(), events, "later failures of a down server are quiet");
        pass(1);
        assertEquals("10.0.0.1:80=w1", table());
    }

    @Test
    void quorum_uses_weights_and_hysteresis_and_runs_its_scripts_once_per_change() {
        // quorum 4, hysteresis 1: lost below 3, regained at 5
        start(" quorum 4\n hysteresis 1", "", 2, 2, 2);
        assertTrue(vs.quorumUp());
        events.clear();
        fail(1); // 4 left: still ≥ 3
        assertTrue(vs.quorumUp());
        fail(2); // 2 left: < 3
        assertFalse(vs.quorumUp());
        assertTrue(events.contains("quorum down CHECK"), events.toString());
        events.clear();
        pass(1); // 4: not yet 5
        assertFalse(vs.quorumUp());
        assertFalse(events.stream().anyMatch(e -> e.startsWith("quorum")));
        pass(2); // 6 ≥ 5
        assertTrue(vs.quorumUp());
        assertEquals(1, events.stream().filter(e -> e.equals("quorum up CHECK")).count());
    }

    @Test
    void the_sorry_server_stands_in_when_quorum_is_lost_and_leaves_when_it_is_back() {
        start(" sorry_server 10.0.0.9 80", "", 1, 1);
        fail(1);
        assertEquals("10.0.0.2:80=w1", table());
        fail(2);
        assertEquals("10.0.0.9:80=w1", table(), "sum 0 < quorum 1: sorry in");
        assertTrue(vs.sorryActive());
        pass(2);
        assertEquals("10.0.0.2:80=w1", table(), "quorum back: sorry out, alive servers in");
        assertFalse(vs.sorryActive());
    }

    @Test
    void with_a_sorry_server_alive_servers_leave_the_pool_while_quorum_is_lost() {
        start(" quorum 2\n sorry_server 10.0.0.9 80", "", 1, 1);
        fail(1); // sum 1 < 2
        assertEquals("10.0.0.9:80=w1", table(), "the remaining alive server is taken out too");
        assertTrue(rs(2).isAlive());
    }

    @Test
    void a_service_starting_without_quorum_starts_with_the_sorry_server() {
        start(" alpha\n sorry_server 10.0.0.9 80", "", 1);
        assertEquals("10.0.0.9:80=w1", table());
        assertTrue(events.contains("quorum down INIT"));
        pass(1);
        assertEquals("10.0.0.1:80=w1", table());
    }

    @Test
    void sorry_server_inhibit_keeps_the_sorry_server_with_weight_zero_while_unused() {
        start(" sorry_server 10.0.0.9 80\n sorry_server_inhibit", "", 1);
        assertEquals("10.0.0.1:80=w1 10.0.0.9:80=w0", table());
        fail(1);
        assertEquals("10.0.0.9:80=w1", table());
        pass(1);
        assertEquals("10.0.0.1:80=w1 10.0.0.9:80=w0", table());
    }

    @Test
    void an_operator_drain_stays_while_healthy_and_is_lifted_by_the_configured_weight() {
        start(" quorum 1", "", 5, 1);
        vs.setOperatorWeight(rs(1), 0);
        assertEquals("10.0.0.1:80=w0 10.0.0.2:80=w1", table());
        fail(1);
        pass(1);
        assertEquals("10.0.0.1:80=w0 10.0.0.2:80=w1", table(), "back from a failure: still drained");
        vs.setOperatorWeight(rs(1), 5);
        assertEquals("10.0.0.1:80=w5 10.0.0.2:80=w1", table());
    }

    @Test
    void a_dynamic_weight_applies_but_never_overrides_a_drain() {
        start("", "", 5);
        vs.onAttempt(rs(1), 0, true, true, 7);
        assertEquals("10.0.0.1:80=w7", table());
        vs.setOperatorWeight(rs(1), 0);
        vs.onAttempt(rs(1), 0, true, true, 9);
        assertEquals("10.0.0.1:80=w0", table(), "the operator's drain wins");
        vs.setOperatorWeight(rs(1), 5);
        assertEquals("10.0.0.1:80=w9", table(), "drain lifted: the last dynamic weight applies again");
        vs.onAttempt(rs(1), 0, true, true, null);
        assertEquals("10.0.0.1:80=w5", table(), "exit 0 restores the configured weight");
    }

    @Test
    void a_drain_counts_against_quorum() {
        start(" sorry_server 10.0.0.9 80", "", 1);
        vs.setOperatorWeight(rs(1), 0);
        assertFalse(vs.quorumUp());
        assertEquals("10.0.0.9:80=w1", table());
    }

    @Test
    void stop_empties_the_dataplane_and_reports_shutdown() {
        start(" sorry_server 10.0.0.9 80\n sorry_server_inhibit", "", 1, 1);
        events.clear();
        vs.stop();
        assertFalse(dataplane.hasService(service));
        assertEquals(List.of("down 10.0.0.1:80 STOPPING", "down 10.0.0.2:80 STOPPING", "quorum down STOPPING"), events);
    }

    @Test
    void stop_with_dont_release_leaves_the_table_and_still_reports_shutdown() {
        dataplane.keepTableOnClose(true);
        start("", "", 1, 1);
        events.clear();
        vs.stop();
        assertTrue(dataplane.hasService(service));
        assertEquals("10.0.0.1:80=w1 10.0.0.2:80=w1", table());
        assertEquals(List.of("down 10.0.0.1:80 STOPPING", "down 10.0.0.2:80 STOPPING", "quorum down STOPPING"), events);
    }

    @Test
    void a_removed_server_leaves_the_pool_and_reports_why() {
        start("", "", 1, 1);
        events.clear();
        vs.removeRealServer(rs(1));
        assertEquals("10.0.0.2:80=w1", table());
        assertEquals(List.of("down 10.0.0.1:80 REMOVED"), events);
    }

    @Test
    void a_group_expands_into_one_service_per_address_and_fwmark() {
        String text = "virtual_server_group G {\n 10.0.0.100-102 80\n fwmark 7\n}\n"
                + "virtual_server group G {\n lb_algo rr\n lb_kind DR\n protocol TCP\n real_server 10.0.0.1 80 {\n }\n}\n";
        var config = ConfigTesting.parse(text).config();
        List<ServiceKey> keys = ServiceKeys.of(config.virtualServers().get(0),
                Map.of("G", config.virtualServerGroups().get(0)));
        assertEquals(List.of("10.0.0.100:80/TCP", "10.0.0.101:80/TCP", "10.0.0.102:80/TCP", "fwmark 7/INET"),
                keys.stream().map(ServiceKey::describe).toList());
    }
}
