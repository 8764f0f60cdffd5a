package org.keepalive4j.mib;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.keepalive4j.bench.MibRowUpdateBenchmark;

/**
 * A short run of {@link MibRowUpdateBenchmark}: prints the figures and fails only on a pathological
 * cost (a setter that scans a table would take far more than 50 us on a 10,000-row MIB).
 */
class RowUpdateCostTest {

    @Test
    void rowUpdatesAreCheap() throws Exception {
        for (MibRowUpdateBenchmark.Result r : MibRowUpdateBenchmark.run(100_000)) {
            System.out.println(r);
            assertTrue(r.nanosPerOp() < 50_000, r.toString());
        }
    }
}
