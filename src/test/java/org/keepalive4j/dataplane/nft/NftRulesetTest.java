package org.keepalive4j.dataplane.nft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.keepalive4j.config.model.ForwardingMethod;
import org.keepalive4j.config.model.IpFamily;
import org.keepalive4j.config.model.LvsProtocol;
import org.keepalive4j.config.model.LvsScheduler;
import org.keepalive4j.dataplane.Destination;
import org.keepalive4j.dataplane.ServiceKey;
import org.keepalive4j.dataplane.VirtualService;

class NftRulesetTest {

    static final ServiceKey WEB = new ServiceKey.Address(ip("10.77.0.100"), 80, LvsProtocol.TCP);

    static InetAddress ip(String s) {
        try {
            return InetAddress.getByName(s);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static VirtualService service(ServiceKey key, LvsScheduler sched, Integer persistence) {
        return new VirtualService(key, sched, Set.of(), false, persistence, null);
    }

    static Destination dest(String addr, int port, int weight) {
        return new Destination(ip(addr), port, ForwardingMethod.NAT, weight, 0, 0);
    }

    static NftTableState.Service svc(int id, VirtualService cfg, Destination... ds) {
        List<NftTableState.Dest> list = new java.util.ArrayList<>();
        for (int i = 0; i < ds.length; i++) {
            list.add(new NftTableState.Dest(id, id * 10 + i, ds[i]));
        }
        return new NftTableState.Service(id, cfg, list);
    }

    static NftRuleset.Transaction build(NftRuleset.Installed before, NftTableState.Service... ss) throws Exception {
        return NftRuleset.build(new NftTableState(List.of(ss)), before);
    }

    @Test
    void rrServiceSelectsVipAndPortAndRoundRobinsOverDestinations() throws Exception {
        String script = build(NftRuleset.Installed.EMPTY, svc(1, service(WEB, LvsScheduler.RR, null),
                dest("10.77.0.13", 8080, 1), dest("10.77.0.14", 8080, 5))).script();
        assertTrue(script.contains("add rule inet keepalive4j prerouting ip daddr 10.77.0.100 tcp dport 80 goto s1\n"),
                script);
        // rr ignores weights other than 0
        assertTrue(script.contains("add rule inet keepalive4j s1 numgen inc mod 2 vmap { 0 : goto s1d10, 1 : goto s1d11 }\n"),
                script);
        assertTrue(script.contains("s1d10 meta l4proto tcp dnat ip to 10.77.0.13:8080\n"), script);
        assertTrue(script.contains("add rule inet keepalive4j s1d10 counter\n"), script);
        assertTrue(script.contains("add rule inet keepalive4j s1d10_c ct direction original counter\n"), script);
        assertTrue(script.contains("add rule inet keepalive4j s1d10_c ct direction reply counter\n"), script);
        assertFalse(script.contains("add counter"), "rule counters only, no counter objects:\n" + script);
        assertTrue(script.contains("s1_count ct direction original ip daddr . th dport vmap"
                + " { 10.77.0.13 . 8080 : goto s1d10_c, 10.77.0.14 . 8080 : goto s1d11_c }\n"), script);
        assertTrue(script.contains("s1_count ct direction reply ip saddr . th sport vmap"
                + " { 10.77.0.13 . 8080 : goto s1d10_c, 10.77.0.14 . 8080 : goto s1d11_c }\n"), script);
        assertFalse(script.contains("flush chain"), "nothing to flush in a new table:\n" + script);
    }

    @Test
    void wrrRepeatsEachDestinationByItsReducedWeightAndLeavesWeightZeroOut() throws Exception {
        String script = build(NftRuleset.Installed.EMPTY, svc(1, service(WEB, LvsScheduler.WRR, null),
                dest("10.77.0.13", 80, 2), dest("10.77.0.14", 80, 4), dest("10.77.0.15", 80, 0))).script();
        assertTrue(script.contains("numgen inc mod 3 vmap { 0 : goto s1d10, 1 : goto s1d11, 2 : goto s1d11 }"), script);
        // the drained destination keeps its chain and counters: established connections are still counted
        assertTrue(script.contains("add chain inet keepalive4j s1d12"), script);
        assertTrue(script.contains("10.77.0.15 . 80 : goto s1d12_c"), script);
    }

    @Test
    void shAndDhHashTheSourceOrDestinationAddress() throws Exception {
        assertTrue(build(NftRuleset.Installed.EMPTY, svc(1, service(WEB, LvsScheduler.SH, null),
                dest("10.77.0.13", 80, 1))).script().contains("s1 jhash ip saddr mod 1 vmap"));
        assertTrue(build(NftRuleset.Installed.EMPTY, svc(1, service(WEB, LvsScheduler.DH, null),
                dest("10.77.0.13", 80, 1))).script().contains("s1 jhash ip daddr mod 1 vmap"));
    }

    @Test
    void persistenceRemembersClientsPerDestinationWithTheTimeout() throws Exception {
        String script = build(NftRuleset.Installed.EMPTY, svc(1, service(WEB, LvsScheduler.RR, 300),
                dest("10.77.0.13", 80, 1), dest("10.77.0.14", 80, 0))).script();
        assertTrue(script.contains("add set inet keepalive4j s1d10_clients { type ipv4_addr; timeout 300s; flags dynamic; }"),
                script);
        assertTrue(script.contains("s1 ip saddr @s1d10_clients goto s1d10\n"), script);
        assertFalse(script.contains("@s1d11_clients goto"), "a drained destination takes no persistent client:\n" + script);
        assertTrue(script.contains("s1d10 update @s1d10_clients { ip saddr } counter\n"), script);
    }

    @Test
    void fwmarkServiceInIpv6MatchesTheMarkAndDnatsEveryProtocol() throws Exception {
        ServiceKey mark = new ServiceKey.Fwmark(7, IpFamily.INET6);
        String script = build(NftRuleset.Installed.EMPTY, svc(2, service(mark, LvsScheduler.RR, null),
                dest("fd00:77::13", 443, 1), dest("fd00:77::14", 0, 1))).script();
        assertTrue(script.contains("prerouting meta nfproto ipv6 meta mark 7 goto s2"), script);
        // port 0: the connection keeps its destination port
        assertTrue(script.contains("s2d21 dnat ip6 to [fd00:77:0:0:0:0:0:14]\n"), script);
        assertTrue(script.contains("s2_count ct direction original ip6 daddr vmap"
                + " { fd00:77:0:0:0:0:0:14 : goto s2d21_c }"), script);
        assertTrue(script.contains("s2d20 meta l4proto tcp dnat ip6 to [fd00:77:0:0:0:0:0:13]:443"), script);
        assertTrue(script.contains("s2d20 meta l4proto udp dnat ip6 to"), script);
    }

    @Test
    void aSecondTransactionKeepsCountersAndSetsAndDeletesWhatWentAway() throws Exception {
        NftRuleset.Transaction first = build(NftRuleset.Installed.EMPTY, svc(1, service(WEB, LvsScheduler.RR, 60),
                dest("10.77.0.13", 80, 1), dest("10.77.0.14", 80, 1)));
        // destination 11 removed, persistence timeout unchanged
        String second = build(first.after(), svc(1, service(WEB, LvsScheduler.RR, 60),
                dest("10.77.0.13", 80, 1))).script();
        assertTrue(second.contains("flush chain inet keepalive4j s1\n"), "the scheduling map changed:\n" + second);
        assertFalse(second.contains("flush chain inet keepalive4j s1d10\n"), "s1d10 did not change:\n" + second);
        assertTrue(second.contains("delete chain inet keepalive4j s1d11\n"), second);
        assertTrue(second.contains("delete chain inet keepalive4j s1d11_c\n"), second);
        assertTrue(second.contains("delete set inet keepalive4j s1d11_clients\n"), second);
        assertFalse(second.contains("flush chain inet keepalive4j s1d10_c"), "kept counters are not reset:\n" + second);
        assertFalse(second.contains("add set inet keepalive4j s1d10_clients"), "an unchanged set is kept with its clients:\n" + second);
        assertTrue(second.indexOf("flush chain") < second.indexOf("delete chain"), second);
    }

    @Test
    void aWeightChangeRewritesOnlyThatServicesSchedulingChain() throws Exception {
        ServiceKey other = new ServiceKey.Address(ip("10.77.0.101"), 443, LvsProtocol.TCP);
        NftRuleset.Transaction first = build(NftRuleset.Installed.EMPTY,
                svc(1, service(WEB, LvsScheduler.WRR, null), dest("10.77.0.13", 80, 1), dest("10.77.0.14", 80, 1)),
                svc(2, service(other, LvsScheduler.RR, null), dest("10.77.0.13", 443, 1)));
        String second = build(first.after(),
                svc(1, service(WEB, LvsScheduler.WRR, null), dest("10.77.0.13", 80, 1), dest("10.77.0.14", 80, 2)),
                svc(2, service(other, LvsScheduler.RR, null), dest("10.77.0.13", 443, 1))).script();
        assertEquals("add table inet keepalive4j\n"
                + "flush chain inet keepalive4j s1\n"
                + "add rule inet keepalive4j s1 numgen inc mod 3 vmap { 0 : goto s1d10, 1 : goto s1d11, 2 : goto s1d11 }\n"
                + "add rule inet keepalive4j s1 counter drop\n", second);
    }

    @Test
    void anUnchangedServiceIsNotGeneratedAgain() throws Exception {
        ServiceKey other = new ServiceKey.Address(ip("10.77.0.101"), 443, LvsProtocol.TCP);
        NftTableState.Service kept = svc(2, service(other, LvsScheduler.RR, null), dest("10.77.0.13", 443, 1));
        NftRuleset.Transaction first = build(NftRuleset.Installed.EMPTY,
                svc(1, service(WEB, LvsScheduler.WRR, null), dest("10.77.0.13", 80, 1)), kept);
        NftTableState.Service changed = svc(1, service(WEB, LvsScheduler.WRR, null), dest("10.77.0.13", 80, 1),
                dest("10.77.0.14", 80, 1));
        NftRuleset.Transaction second = build(first.after(), changed,
                svc(2, service(other, LvsScheduler.RR, null), dest("10.77.0.13", 443, 1)));
        org.junit.jupiter.api.Assertions.assertSame(first.after().fragments().get(kept),
                second.after().fragments().get(kept), "the equal service's rules are reused");
        assertTrue(second.after().fragments().get(changed).rules().containsKey("s1d11"));
        assertFalse(first.after().chains().containsKey("s1d11"));
        assertTrue(second.after().chains().containsKey("s1d11_c"));
    }

    @Test
    void aChangedPersistenceTimeoutMakesTheSetAnew() throws Exception {
        NftRuleset.Transaction first = build(NftRuleset.Installed.EMPTY, svc(1, service(WEB, LvsScheduler.RR, 60),
                dest("10.77.0.13", 80, 1)));
        String second = build(first.after(), svc(1, service(WEB, LvsScheduler.RR, 120),
                dest("10.77.0.13", 80, 1))).script();
        assertTrue(second.indexOf("delete set inet keepalive4j s1d10_clients") < second.indexOf(
                "add set inet keepalive4j s1d10_clients { type ipv4_addr; timeout 120s;"), second);
        // the rules naming the set are unchanged in text but must let go of it before it is deleted
        assertTrue(second.indexOf("flush chain inet keepalive4j s1d10\n") < second.indexOf("delete set"), second);
        assertTrue(second.contains("add rule inet keepalive4j s1d10 update @s1d10_clients"), second);
    }

    @Test
    void noDestinationTakingConnectionsMeansDrop() throws Exception {
        String script = build(NftRuleset.Installed.EMPTY, svc(1, service(WEB, LvsScheduler.WRR, null),
                dest("10.77.0.13", 80, 0))).script();
        assertFalse(script.contains("numgen"), script);
        assertTrue(script.contains("add rule inet keepalive4j s1 counter drop\n"), script);
    }

    @Test
    void deleteScriptWorksWhetherOrNotTheTableExists() {
        assertEquals("add table inet keepalive4j\ndelete table inet keepalive4j\n", NftRuleset.deleteTableScript());
    }
}
