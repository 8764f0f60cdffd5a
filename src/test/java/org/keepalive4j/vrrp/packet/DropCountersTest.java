package org.keepalive4j.vrrp.packet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DropCountersTest {

    @Test
    void countsPerReasonAndSeparatesNotOursFromErrors() {
        DropCounters counters = new DropCounters();
        counters.increment(DropReason.BAD_CHECKSUM);
        counters.increment(DropReason.BAD_CHECKSUM);
        counters.increment(DropReason.VRID_MISMATCH);
        DecodeResult ttl = new DecodeResult.Dropped(DropReason.TTL_NOT_255);
        assertSame(ttl, counters.record(ttl));

        assertEquals(2, counters.count(DropReason.BAD_CHECKSUM));
        assertEquals(1, counters.count(DropReason.VRID_MISMATCH));
        assertEquals(3, counters.errors());
        Map<DropReason, Long> snapshot = counters.snapshot();
        assertEquals(DropReason.values().length, snapshot.size());
        assertEquals(0L, snapshot.get(DropReason.AH_REPLAY));
    }
}
