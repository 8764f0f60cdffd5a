package org.keepalive4j.vrrp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.keepalive4j.vrrp.packet.DropReason;

class StatsParsingTest {

    /** keepalived 2.2.7's SIGUSR2 output for one instance, as written to $TMPDIR/keepalived.stats. */
    private static final String KEEPALIVED_STATS = """
            VRRP Instance: VI_1
              Advertisements:
                Received: 7
                Sent: 2
              Became master: 1
              Released master: 0
              Packet Errors:
                Length: 3
                TTL: 4
                Invalid Type: 0
                Advertisement Interval: 0
                Address List: 0
              Authentication Errors:
                Invalid Type: 0
                Type Mismatch: 0
                Failure: 5
              Priority Zero:
                Received: 0
                Sent: 6
            """;
    /** The head of keepalived 2.2.7's SIGUSR1 instance section. */
    private static final String KEEPALIVED_DATA = """
             VRRP Instance = VI_1
               VRRP Version = 2
               State = MASTER
               Flags: none
            """;

    @Test
    void keepalivedCountersMapToKeepalive4jNames() {
        PeerStats s = KeepalivedDump.parse(KEEPALIVED_STATS, KEEPALIVED_DATA);
        assertEquals("MASTER", s.state("VI_1"));
        assertEquals(7, s.require("vrrp.VI_1.adverts_received"));
        assertEquals(2, s.require("vrrp.VI_1.adverts_sent"));
        assertEquals(1, s.require("vrrp.VI_1.became_master"));
        assertEquals(3, s.require("vrrp.VI_1.drop.LENGTH_MISMATCH"));
        assertEquals(4, s.require("vrrp.VI_1.drop.TTL_NOT_255"));
        assertEquals(5, s.require("vrrp.VI_1.drop.AUTH_FAILURE"));
        assertEquals(0, s.require("vrrp.VI_1.drop.INVALID_AUTH_TYPE"), "Invalid Type under Authentication Errors");
        assertEquals(6, s.require("vrrp.VI_1.priority_zero_sent"));
        assertTrue(s.counter("vrrp.VI_1.drop.BAD_CHECKSUM").isEmpty(), "keepalived has no checksum counter");
    }

    @Test
    void aKeepalivedDumpCutShortIsIncomplete() {
        String cut = KEEPALIVED_STATS.substring(0, KEEPALIVED_STATS.indexOf("  Priority Zero"));
        assertThrows(IllegalArgumentException.class, () -> KeepalivedDump.parse(cut, KEEPALIVED_DATA));
        assertThrows(IllegalArgumentException.class, () -> KeepalivedDump.parse(KEEPALIVED_STATS, ""));
    }

    @Test
    void keepalive4jDumpNeedsEveryPromisedKey() {
        StringBuilder dump = new StringBuilder("VRRP statistics\nvrrp.VI_1.state BACKUP\nvrrp.VI_1.wanted_state MASTER\nvrrp.unknown_vrid 9\n");
        for (String name : K4jStatsFile.INSTANCE_COUNTERS) {
            dump.append("vrrp.VI_1.").append(name).append(" 1\n");
        }
        for (DropReason r : DropReason.values()) {
            dump.append("vrrp.VI_1.drop.").append(r).append(' ').append(r.ordinal()).append('\n');
        }
        PeerStats s = K4jStatsFile.parse(dump.toString());
        assertEquals("BACKUP", s.state("VI_1"));
        assertEquals(9, s.require(K4jStatsFile.UNKNOWN_VRID));
        assertEquals(DropReason.BAD_CHECKSUM.ordinal(), s.require("vrrp.VI_1.drop.BAD_CHECKSUM"));

        String withoutOne = dump.toString().replace("vrrp.VI_1.drop.TTL_NOT_255", "vrrp.VI_1.something_else");
        assertThrows(IllegalArgumentException.class, () -> K4jStatsFile.parse(withoutOne));
        assertThrows(IllegalArgumentException.class, () -> K4jStatsFile.parse(dump.toString().replace(" 9\n", " x\n")));
    }
}
