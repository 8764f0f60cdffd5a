package org.keepalive4j.check.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.keepalive4j.dataplane.Counters;

class CounterRatesTest {

    private static final long SECOND = 1_000_000_000L;
    private final CounterRates rates = new CounterRates();
    private final Object server = new Object();

    private static Counters totals(long conns, long inPkts, long outPkts, long inBytes, long outBytes) {
        return new Counters(conns, inPkts, outPkts, inBytes, outBytes, 0, 0, 0, 0, 0, 7, 8, 9);
    }

    private Counters read(long at, Counters c) {
        CounterRates.Round r = rates.begin(at);
        Counters out = r.withRates(server, c);
        r.end();
        return out;
    }

    @Test
    void firstReadingHasNoRatesTheNextArePerSecondOverTheInterval() {
        Counters first = read(10 * SECOND, totals(10, 100, 50, 10_000, 5_000));
        assertEquals(totals(10, 100, 50, 10_000, 5_000), first);
        Counters second = read(12 * SECOND, totals(30, 1100, 550, 1_010_000, 105_000));
        assertEquals(new Counters(30, 1100, 550, 1_010_000, 105_000, 10, 500, 250, 500_000, 50_000, 7, 8, 9), second);
    }

    @Test
    void ratesRoundToTheNearestUnitOverIrregularIntervals() {
        read(0, totals(0, 0, 0, 0, 0));
        Counters c = read(3 * SECOND, totals(10, 0, 0, 0, 0)); // 3.33 per second
        assertEquals(3, c.cps());
        c = read(4 * SECOND + SECOND / 2, totals(11, 0, 0, 0, 0)); // 1 in 1.5 s: 0.67
        assertEquals(1, c.cps());
    }

    @Test
    void totalsThatWentBackwardsRestartTheRates() {
        read(0, totals(100, 100, 100, 100, 100));
        Counters c = read(SECOND, totals(5, 5, 5, 5, 5));
        assertEquals(0, c.cps());
        assertEquals(0, c.inPps());
        c = read(2 * SECOND, totals(15, 5, 5, 5, 5));
        assertEquals(10, c.cps(), "measured again from the new totals");
    }

    @Test
    void aThingMissingFromARoundStartsAfreshWhenItComesBack() {
        read(0, totals(0, 0, 0, 0, 0));
        CounterRates.Round empty = rates.begin(SECOND);
        empty.end();
        Counters c = read(2 * SECOND, totals(100, 0, 0, 0, 0));
        assertEquals(0, c.cps(), "no previous reading of it any more");
    }
}
