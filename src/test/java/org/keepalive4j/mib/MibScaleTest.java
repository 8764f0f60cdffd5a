package org.keepalive4j.mib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.keepalive4j.bench.ScaleConfigGenerator;
import org.keepalive4j.config.model.KeepalivedConfig;
import org.keepalive4j.mib.schema.RealServerColumn;
import org.snmp4j.agent.DefaultMOContextScope;
import org.snmp4j.agent.DefaultMOQuery;
import org.snmp4j.agent.DefaultMOScope;
import org.snmp4j.agent.ManagedObject;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.VariableBinding;

/**
 * realServerTable at 1,000 and 10,000 rows: build time, and the cost per row of walking a column,
 * both through snmp4j-agent over UDP (GETBULK, GETNEXT) and in the model alone (the table's find,
 * which is what GETNEXT runs). On the concurrent skip-list model each step is O(log n), so the cost
 * per row must not grow with the table: asserted as a ratio below 2. Each figure is the best of three
 * runs (the model walk: of fifteen), because timings are noisy on a shared machine.
 */
class MibScaleTest {

    static final OID COLUMN = KeepalivedOids.sub(RealServerColumn.ENTRY, RealServerColumn.STATUS.id());

    record Figures(int rows, double buildMillis, double bulkNanos, double nextNanos, double findNanos) {
    }

    @Test
    void walkCostPerRowDoesNotGrowWithTheTable() throws Exception {
        measure(100); // warm-up: JIT, sockets
        Figures small = measure(100);
        Figures large = measure(1000);
        for (Figures f : List.of(small, large)) {
            System.out.printf("realServerTable %,6d rows: build %4.0f ms; per row: GETBULK(50) %5.1f us, "
                            + "GETNEXT %5.1f us, model find %5.0f ns%n",
                    f.rows(), f.buildMillis(), f.bulkNanos() / 1000, f.nextNanos() / 1000, f.findNanos());
        }
        double bulk = large.bulkNanos() / small.bulkNanos();
        double next = large.nextNanos() / small.nextNanos();
        double find = large.findNanos() / small.findNanos();
        System.out.printf("per-row cost ratio 10k/1k: GETBULK %.2f, GETNEXT %.2f, model find %.2f%n", bulk, next, find);
        assertTrue(bulk < 2, "GETBULK per-row cost grew " + bulk + "x");
        assertTrue(next < 2, "GETNEXT per-row cost grew " + next + "x");
        assertTrue(find < 2, "model per-row cost grew " + find + "x");
    }

    private Figures measure(int virtualServers) throws Exception {
        KeepalivedConfig config = MibFixtures.parse(new ScaleConfigGenerator(virtualServers, 10, 0).generate());
        long t0 = System.nanoTime();
        KeepalivedMib mib = KeepalivedMib.build(config, MibOptions.defaults());
        double buildMillis = (System.nanoTime() - t0) / 1e6;
        int rows = virtualServers * 10;
        assertEquals(rows, mib.check().realServerRowCount());
        double bulk = Double.MAX_VALUE;
        double next = Double.MAX_VALUE;
        double find = Double.MAX_VALUE;
        try (SnmpHarness snmp = new SnmpHarness(mib.server())) {
            for (int run = 0; run < 3; run++) {
                System.gc(); // keep the previous build's garbage out of the timings
                long t1 = System.nanoTime();
                List<VariableBinding> walked = snmp.walk(COLUMN, 50);
                bulk = Math.min(bulk, (double) (System.nanoTime() - t1) / rows);
                assertEquals(rows, walked.size());
                // GETNEXT row by row over the last 999 rows, where a linear search would hurt most
                int steps = 999;
                OID from = walked.get(rows - 1 - steps).getOid();
                long t2 = System.nanoTime();
                for (int i = 0; i < steps; i++) {
                    from = snmp.getNext(from).getOid();
                }
                next = Math.min(next, (double) (System.nanoTime() - t2) / steps);
                assertEquals(walked.get(rows - 1).getOid(), from);
                for (int i = 0; i < 5; i++) {
                    find = Math.min(find, findWalk(mib, rows));
                }
            }
        }
        return new Figures(rows, buildMillis, bulk, next, find);
    }

    /** Nanoseconds per row to step through the column with the table's own find(scope). */
    private static double findWalk(KeepalivedMib mib, int rows) {
        OID upper = COLUMN.nextPeer();
        ManagedObject<?> table = mib.server().lookup(new DefaultMOQuery(
                new DefaultMOContextScope(null, COLUMN, true, upper, false)));
        long t = System.nanoTime();
        int n = 0;
        OID cur = COLUMN;
        while ((cur = table.find(new DefaultMOScope(cur, false, upper, false))) != null) {
            n++;
        }
        long elapsed = System.nanoTime() - t;
        assertEquals(rows, n);
        return (double) elapsed / rows;
    }
}
