package org.keepalive4j.vrrp.packet;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Per-instance count of dropped packets by {@link DropReason}, for the stats dump and the MIB.
 * Safe to increment from the receive thread while another thread reads.
 */
public final class DropCounters {

    private final LongAdder[] counts = new LongAdder[DropReason.values().length];

    public DropCounters() {
        for (int i = 0; i < counts.length; i++) {
            counts[i] = new LongAdder();
        }
    }

    public void increment(DropReason reason) {
        counts[reason.ordinal()].increment();
    }

    /** Counts the reason if the result is a drop; returns the result for chaining. */
    public DecodeResult record(DecodeResult result) {
        if (result instanceof DecodeResult.Dropped dropped) {
            increment(dropped.reason());
        }
        return result;
    }

    public long count(DropReason reason) {
        return counts[reason.ordinal()].sum();
    }

    /** Drops that were errors, leaving out packets that were only not for this instance. */
    public long errors() {
        long total = 0;
        for (DropReason reason : DropReason.values()) {
            if (reason.isError()) {
                total += count(reason);
            }
        }
        return total;
    }

    /** Every reason with its count, zeros included, in declaration order. */
    public Map<DropReason, Long> snapshot() {
        Map<DropReason, Long> snapshot = new EnumMap<>(DropReason.class);
        for (DropReason reason : DropReason.values()) {
            snapshot.put(reason, count(reason));
        }
        return Collections.unmodifiableMap(snapshot);
    }
}
