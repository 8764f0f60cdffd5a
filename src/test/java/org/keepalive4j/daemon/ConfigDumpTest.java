package org.keepalive4j.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConfigDumpTest {

    public record Where(String file, int line) {
        @Override
        public String toString() {
            return file + ":" + line;
        }
    }

    public record Peer(InetAddress address, Duration delay) {
    }

    public record Group(String name, List<String> members, Where location) {
    }

    public record Root(String routerId, Integer missing, Duration advertInterval, List<Peer> unicastPeers,
                       List<Group> syncGroups, Set<String> flags, Map<String, List<String>> otherOptions,
                       Optional<String> nothing, List<Peer> noPeers, Peer emptyPeer, boolean vrrpStrict) {
    }

    @Test
    void walksRecordsGenerically() throws Exception {
        Root root = new Root("node1", null, Duration.ofMillis(1500),
                List.of(new Peer(InetAddress.getByName("192.0.2.1"), Duration.ofSeconds(2))),
                List.of(new Group("G1", List.of("VI_1", "VI_2"), new Where("k.conf", 7))),
                Set.of("nodad", "home"), Map.of("process_name", List.of("x")),
                Optional.empty(), List.of(), new Peer(null, null), true);
        assertEquals(List.of(
                "configuration {",
                "  router_id: node1",
                "  advert_interval: 1.5s",
                "  unicast_peers {",
                "    address: 192.0.2.1",
                "    delay: 2s",
                "  }",
                "  sync_groups G1 {",
                "    name: G1",
                "    members: VI_1, VI_2",
                "    location: k.conf:7",
                "  }",
                "  flags: home, nodad",
                "  other_options {",
                "    process_name: x",
                "  }",
                "  vrrp_strict: true",
                "}"), ConfigDump.lines("configuration", root));
    }

    @Test
    void snakeCaseFollowsKeepalivedKeywords() {
        assertEquals("virtual_router_id", ConfigDump.snakeCase("virtualRouterId"));
        assertEquals("vrrp_mcast_group4", ConfigDump.snakeCase("vrrpMcastGroup4"));
        assertEquals("enable_snmp_rfc_v2", ConfigDump.snakeCase("enableSnmpRfcV2"));
        assertEquals("lvs_sync_daemon", ConfigDump.snakeCase("lvsSyncDaemon"));
        assertEquals("smtp_helo_name", ConfigDump.snakeCase("smtpHeloName"));
    }

    @Test
    void ipv6AndSubSecondDurations() throws Exception {
        assertEquals("2001:db8:0:0:0:0:0:1", ConfigDump.scalar(InetAddress.getByName("2001:db8::1")));
        assertEquals("0.01s", ConfigDump.scalar(Duration.ofMillis(10)));
        assertEquals("0s", ConfigDump.scalar(Duration.ZERO));
    }
}
