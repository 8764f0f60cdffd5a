package org.keepalive4j.check.engine;

import java.util.IdentityHashMap;
import java.util.Map;
import org.keepalive4j.dataplane.Counters;

/**
 * Rates from successive readings of counter totals, as IPVS reports them: per second over the time
 * between the two readings (connections, packets and bytes per second, in and out). The first reading
 * of a thing gives rates of 0; so does a reading whose totals went backwards (the backend re-created
 * it). Things are keyed by identity (the MIB rows); a round forgets every thing it did not see.
 * Owner thread only.
 */
final class CounterRates {

    private record Reading(Counters totals, long at) {
    }

    private Map<Object, Reading> last = new IdentityHashMap<>();

    /** One refresh of all counters, taken at {@code at} nanoseconds. */
    final class Round {
        private final long at;
        private final Map<Object, Reading> next = new IdentityHashMap<>();

        private Round(long at) {
            this.at = at;
        }

        /** {@code totals} with its rate fields computed against the previous reading of {@code key}. */
        Counters withRates(Object key, Counters totals) {
            next.put(key, new Reading(totals, at));
            Reading prev = last.get(key);
            if (prev == null || at <= prev.at) {
                return rates(totals, 0, 0, 0, 0, 0);
            }
            Counters p = prev.totals;
            long dt = at - prev.at;
            if (totals.conns() < p.conns() || totals.inPackets() < p.inPackets() || totals.outPackets() < p.outPackets()
                    || totals.inBytes() < p.inBytes() || totals.outBytes() < p.outBytes()) {
                return rates(totals, 0, 0, 0, 0, 0);
            }
            return rates(totals, perSecond(totals.conns() - p.conns(), dt),
                    perSecond(totals.inPackets() - p.inPackets(), dt), perSecond(totals.outPackets() - p.outPackets(), dt),
                    perSecond(totals.inBytes() - p.inBytes(), dt), perSecond(totals.outBytes() - p.outBytes(), dt));
        }

        /** The readings of this round become the previous ones. */
        void end() {
            last = next;
        }
    }

    Round begin(long atNanos) {
        return new Round(atNanos);
    }

    /** Rounded to the nearest whole unit per second. */
    static long perSecond(long delta, long nanos) {
        return Math.round(delta * 1e9 / nanos);
    }

    private static Counters rates(Counters c, long cps, long inPps, long outPps, long inBps, long outBps) {
        return new Counters(c.conns(), c.inPackets(), c.outPackets(), c.inBytes(), c.outBytes(), cps, inPps, outPps,
                inBps, outBps, c.activeConns(), c.inactiveConns(), c.persistentConns());
    }
}
