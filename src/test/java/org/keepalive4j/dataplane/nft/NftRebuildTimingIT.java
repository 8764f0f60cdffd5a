package org.keepalive4j.dataplane.nft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.keepalive4j.config.model.ForwardingMethod;
import org.keepalive4j.config.model.LvsProtocol;
import org.keepalive4j.config.model.LvsScheduler;
import org.keepalive4j.dataplane.Destination;
import org.keepalive4j.dataplane.ServiceKey;
import org.keepalive4j.dataplane.VirtualService;
import org.keepalive4j.testlib.NamespaceThread;
import org.keepalive4j.testlib.NetnsLab;
import org.keepalive4j.testlib.Root;

/**
 * How long one change takes with 1, 100 and 1000 destinations, through libnftables and through the nft
 * program, in a lab namespace. Two figures per size: a weight change (one scheduling chain rewritten)
 * and a destination added (its chains, counters and the count chain). Prints them; asserts only that
 * the table really holds what was asked and a generous bound, since the machine is shared. Also the
 * time to read a service's counters back (one listing of all named counters).
 *
 * <p>A benchmark (about a minute), so not part of the suite: {@code scripts/bench-nft} runs it with
 * {@code -Dkeepalive4j.bench=true}.
 */
@EnabledIfSystemProperty(named = "keepalive4j.bench", matches = "true")
class NftRebuildTimingIT {

    private static final int REPEAT = 7;

    @Test
    void measureChangesWithOneHundredAndThousandDestinations() throws Exception {
        Root.assume();
        try (NetnsLab lab = NetnsLab.start(1); NamespaceThread ns = new NamespaceThread(lab.host(1).namespace(), Duration.ofSeconds(120))) {
            StringBuilder report = new StringBuilder("nftables dataplane, ms per change (median of " + REPEAT + "):\n");
            for (String runner : new String[] {"libnftables", "nft"}) {
                for (int size : new int[] {1, 100, 1000}) {
                    double[] figures = ns.call(() -> measure(runner, size));
                    report.append(String.format("  %-11s %4d destinations: weight change %7.2f ms, add destination"
                            + " %7.2f ms, reading its counters %7.2f ms, building the table %7.0f ms%n", runner,
                            size, figures[0], figures[1], figures[3], figures[2]));
                    assertTrue(figures[0] < 5000, "a weight change took " + figures[0] + " ms");
                }
            }
            System.out.println(report);
        }
    }

    private static double[] measure(String runner, int size) throws Exception {
        ServiceKey key = new ServiceKey.Address(InetAddress.getByName("10.77.0.100"), 80, LvsProtocol.TCP);
        try (NftablesDataplane dp = new NftablesDataplane(
                runner.equals("nft") ? new NftCommand() : new LibNftables(), false)) {
            long start = System.nanoTime();
            dp.addService(new VirtualService(key, LvsScheduler.WRR, Set.of(), false, null, null));
            for (int i = 0; i < size; i++) {
                dp.addDestination(key, destination(i, 1));
            }
            double buildMs = (System.nanoTime() - start) / 1e6;
            double[] weight = new double[REPEAT];
            for (int r = 0; r < REPEAT; r++) {
                long t = System.nanoTime();
                dp.updateDestination(key, destination(0, 2 + r));
                weight[r] = (System.nanoTime() - t) / 1e6;
            }
            double[] add = new double[REPEAT];
            for (int r = 0; r < REPEAT; r++) {
                long t = System.nanoTime();
                dp.addDestination(key, destination(size + r, 1));
                add[r] = (System.nanoTime() - t) / 1e6;
            }
            double[] read = new double[REPEAT];
            for (int r = 0; r < REPEAT; r++) {
                long t = System.nanoTime();
                assertEquals(size + REPEAT, dp.destinationCounters(key).size());
                read[r] = (System.nanoTime() - t) / 1e6;
            }
            return new double[] {median(weight), median(add), buildMs, median(read)};
        }
    }

    private static Destination destination(int i, int weight) throws Exception {
        InetAddress a = InetAddress.getByName("10.80." + (i / 250) + "." + (1 + i % 250));
        return new Destination(a, 8080, ForwardingMethod.NAT, weight, 0, 0);
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
