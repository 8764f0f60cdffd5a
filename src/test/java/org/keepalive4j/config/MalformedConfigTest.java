package org.keepalive4j.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each configuration holds one mistake. The line that must be named carries the comment "#<" (comments
 * are invisible to the parser), and the error must name that line and the keyword.
 */
class MalformedConfigTest {

    private static final String OK_VIP = " virtual_ipaddress {\n  10.0.0.1/24\n }\n";

    private static String inst(String body) {
        return "vrrp_instance VI_1 {\n interface eth0\n virtual_router_id 1\n" + body + "}\n";
    }

    static Stream<Arguments> mistakes() {
        return Stream.of(
                m("block never closed", "global_defs {\n router_id a\n}\nvrrp_instance VI_1 { #<\n interface eth0\n",
                        "vrrp_instance"),
                m("stray closing brace", "global_defs {\n router_id a\n}\n} #<\n", "}"),
                m("brace without keyword", "global_defs {\n router_id a\n}\n{ #<\n router_id b\n}\n", "{"),
                m("vrid zero", "vrrp_instance VI_1 {\n interface eth0\n virtual_router_id 0 #<\n" + OK_VIP + "}\n",
                        "virtual_router_id"),
                m("vrid 256", "vrrp_instance VI_1 {\n interface eth0\n virtual_router_id 256 #<\n" + OK_VIP + "}\n",
                        "virtual_router_id"),
                m("vrid not a number", "vrrp_instance VI_1 {\n interface eth0\n virtual_router_id ten #<\n" + OK_VIP
                        + "}\n", "virtual_router_id"),
                m("priority zero", inst(" priority 0 #<\n" + OK_VIP), "priority"),
                m("priority 256", inst(" priority 256 #<\n" + OK_VIP), "priority"),
                m("priority word", inst(" priority high #<\n" + OK_VIP), "priority"),
                m("priority as a block", inst(" priority { #<\n 100\n }\n" + OK_VIP), "priority"),
                m("no interface", "vrrp_instance VI_1 { #<\n virtual_router_id 1\n" + OK_VIP + "}\n", "vrrp_instance"),
                m("no vrid", "vrrp_instance VI_1 { #<\n interface eth0\n" + OK_VIP + "}\n", "vrrp_instance"),
                m("vip not an address", inst(" virtual_ipaddress {\n  10.0.0.300/24 #<\n }\n"), "10.0.0.300/24"),
                m("vip prefix too long", inst(" virtual_ipaddress {\n  10.0.0.1/33 #<\n }\n"), "10.0.0.1/33"),
                m("vip dev without a name", inst(" virtual_ipaddress {\n  10.0.0.1/24 dev #<\n }\n"), "10.0.0.1/24"),
                m("vip bad scope", inst(" virtual_ipaddress {\n  10.0.0.1/24 scope galaxy #<\n }\n"), "10.0.0.1/24"),
                m("vip given as a value", inst(" virtual_ipaddress 10.0.0.1 #<\n"), "virtual_ipaddress"),
                m("advert_int word", inst(" advert_int fast #<\n" + OK_VIP), "advert_int"),
                m("advert_int zero", inst(" advert_int 0 #<\n" + OK_VIP), "advert_int"),
                m("unknown state", inst(" state PRIMARY #<\n" + OK_VIP), "state"),
                m("unknown auth type", inst(" authentication { #<\n  auth_type MD5\n  auth_pass x\n }\n" + OK_VIP),
                        "authentication"),
                m("auth without password", inst(" authentication { #<\n  auth_type PASS\n }\n" + OK_VIP),
                        "authentication"),
                m("unicast peer not an address", inst(" unicast_peer {\n  10.0.0.2\n  peer-two #<\n }\n" + OK_VIP),
                        "peer-two"),
                m("unicast_src_ip not an address", inst(" unicast_src_ip 10.0.0 #<\n" + OK_VIP), "unicast_src_ip"),
                m("duplicate instance name", inst(OK_VIP) + "vrrp_instance VI_1 { #<\n interface eth1\n"
                        + " virtual_router_id 2\n" + OK_VIP + "}\n", "vrrp_instance"),
                m("duplicate vrid on one interface", inst(OK_VIP) + "vrrp_instance VI_2 { #<\n interface eth0\n"
                        + " virtual_router_id 1\n virtual_ipaddress {\n  10.0.0.2/24\n }\n}\n", "virtual_router_id"),
                m("vrrp_version 4", "global_defs {\n vrrp_version 4 #<\n}\n", "vrrp_version"),
                m("vrrp_rt_priority 100", "global_defs {\n vrrp_rt_priority 100 #<\n}\n", "vrrp_rt_priority"),
                m("vrrp_rlimit_rttime 1", "global_defs {\n vrrp_rlimit_rttime 1 #<\n}\n", "vrrp_rlimit_rttime"),
                m("mixed address families", inst(" virtual_ipaddress {\n  10.0.0.1/24\n  fd00::1/64 #<\n }\n"),
                        "fd00:0:0:0:0:0:0:1"),
                m("script weight out of range", "vrrp_script chk {\n script /bin/true\n weight 300 #<\n}\n", "weight"),
                m("script interval word", "vrrp_script chk {\n script /bin/true\n interval often #<\n}\n",
                        "interval"),
                m("mcast group not multicast", "global_defs {\n vrrp_mcast_group4 10.0.0.1 #<\n}\n",
                        "vrrp_mcast_group4"),
                m("negative smtp timeout", "global_defs {\n smtp_connect_timeout -1 #<\n}\n", "smtp_connect_timeout"),
                m("preempt_delay too long", inst(" preempt_delay 2000 #<\n" + OK_VIP), "preempt_delay"),
                m("track_interface weight out of range", inst(" track_interface {\n  eth1 weight 300 #<\n }\n"
                        + OK_VIP), "eth1"),
                m("garp repeat zero", inst(" garp_master_repeat 0 #<\n" + OK_VIP), "garp_master_repeat"),
                m("mcast_dst_ip not multicast", inst(" mcast_dst_ip 10.1.1.1 #<\n" + OK_VIP), "mcast_dst_ip"),
                m("lvs_timeouts unknown field", "global_defs {\n lvs_timeouts tcp 900 sctp 5 #<\n}\n", "lvs_timeouts"),
                m("unterminated quote", "global_defs {\n router_id \"abc #<\n}\n", "\""),
                m("static route to a non-address", "static_routes {\n 192.168.1.0/24 via 10.0.0.1\n"
                        + " nowhere/24 via 10.0.0.1 #<\n}\n", "nowhere/24"));
    }

    private static Arguments m(String name, String text, String keyword) {
        String[] lines = text.split("\n", -1);
        int line = 0;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains("#<")) {
                line = i + 1;
            }
        }
        if (line == 0) {
            throw new IllegalArgumentException("test case without a #< marker: " + name);
        }
        return Arguments.of(name, text, line, keyword);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    void theErrorNamesFileLineAndKeyword(String name, String text, int line, String keyword) {
        List<Diagnostic> errors = ConfigTesting.errors(text);
        assertTrue(errors.stream().anyMatch(e -> e.location().line() == line && e.keyword().equals(keyword)
                        && e.location().file().equals(ConfigTesting.FILE)),
                () -> "expected an error at line " + line + " for '" + keyword + "', got:\n" + errors);
    }

    @Test
    void realTimeSchedulingKeywordsAreReadWithKeepalivedsRanges() {
        ParsedConfig p = ConfigTesting.parse("global_defs {\n vrrp_rt_priority 42\n vrrp_rlimit_rttime 20000\n}\n");
        assertEquals(42, p.config().global().vrrpRtPriority());
        assertEquals(20000L, p.config().global().vrrpRlimitRttime());
        ParsedConfig none = ConfigTesting.parse("global_defs {\n router_id x\n}\n");
        assertNull(none.config().global().vrrpRtPriority());
    }

    @Test
    void thereAreAtLeastTwentyFiveDistinctMistakes() {
        assertTrue(mistakes().count() >= 25);
    }

    @Test
    void allErrorsOfOneFileAreReportedTogether() {
        List<Diagnostic> errors = ConfigTesting.errors(inst(" priority 0\n advert_int x\n" + OK_VIP)
                + "vrrp_instance VI_2 {\n interface eth0\n virtual_router_id 999\n}\n");
        assertEquals(List.of("priority", "advert_int", "virtual_router_id"),
                errors.stream().map(Diagnostic::keyword).toList());
    }

    @Test
    void unknownKeywordsAreWarningsWithAHintAndTheUserGuideTypoIsSkipped() {
        ParsedConfig p = ConfigTesting.parse("""
                vrrip_instance VI_9 {
                  interface eth0
                  virtual_router_id 9
                }
                vrrp_instance VI_1 {
                  interface eth0
                  virtual_router_id 1
                  priorty 120
                  virtual_ipaddress { 10.0.0.1/24 }
                }
                """);
        assertTrue(p.config().vrrpInstance("VI_9").isEmpty(), "the misspelt block is skipped");
        assertEquals(100, p.config().vrrpInstance("VI_1").orElseThrow().priority());
        Diagnostic typo = p.warnings().get(0);
        assertEquals(1, typo.location().line());
        assertEquals("vrrip_instance", typo.keyword());
        assertTrue(typo.message().contains("did you mean 'vrrp_instance'?"), typo.message());
        Diagnostic prio = p.warnings().stream().filter(w -> w.keyword().equals("priorty")).findFirst().orElseThrow();
        assertEquals(8, prio.location().line());
        assertTrue(prio.message().contains("did you mean 'priority'?"), prio.message());
    }
}
