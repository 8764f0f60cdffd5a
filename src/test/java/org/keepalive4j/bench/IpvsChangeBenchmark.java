package org.keepalive4j.bench;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.keepalive4j.config.model.ForwardingMethod;
import org.keepalive4j.config.model.LvsProtocol;
import org.keepalive4j.config.model.LvsScheduler;
import org.keepalive4j.dataplane.Destination;
import org.keepalive4j.dataplane.ServiceKey;
import org.keepalive4j.dataplane.VirtualService;
import org.keepalive4j.dataplane.ipvs.IpvsDataplane;

/**
 * How long a checker's verdict takes to be live in the kernel's IPVS table with a large table: the check
 * engine calls the dataplane on its owner thread right after the decision, and the kernel has applied the
 * change when it acknowledges the netlink request, so the figure is the time of that call. Fills
 * SERVICES x DESTS destinations, then times SAMPLES random destination removals (a server found down),
 * re-additions (back up) and weight changes (inhibit_on_failure, snmpset), checking after each removal
 * that the kernel's table no longer lists it. Run by scripts/bench-ipvs inside the IPVS guest.
 */
public final class IpvsChangeBenchmark {

    private IpvsChangeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int services = Integer.parseInt(args[0]);
        int dests = Integer.parseInt(args[1]);
        int samples = Integer.parseInt(args[2]);
        Random random = new Random(42);
        try (IpvsDataplane ipvs = IpvsDataplane.open(false, true)) {
            List<ServiceKey> keys = new ArrayList<>();
            long fill = System.nanoTime();
            for (int s = 0; s < services; s++) {
                ServiceKey key = new ServiceKey.Address(InetAddress.getByName("10.60." + (s / 250) + "." + (s % 250 + 1)),
                        80, LvsProtocol.TCP);
                keys.add(key);
                ipvs.addService(new VirtualService(key, LvsScheduler.WRR, Set.of(), false, null, null));
                for (int d = 0; d < dests; d++) {
                    ipvs.addDestination(key, dest(s, d, 1));
                }
            }
            double fillSeconds = (System.nanoTime() - fill) / 1e9;
            // warm the code paths before timing
            for (int i = 0; i < 50; i++) {
                ipvs.updateDestination(keys.get(i % services), dest(i % services, 0, 2));
                ipvs.updateDestination(keys.get(i % services), dest(i % services, 0, 1));
            }
            long[] down = new long[samples];
            long[] up = new long[samples];
            long[] weight = new long[samples];
            for (int i = 0; i < samples; i++) {
                int s = random.nextInt(services);
                int d = random.nextInt(dests);
                Destination dest = dest(s, d, 1);
                long t0 = System.nanoTime();
                ipvs.removeDestination(keys.get(s), dest.key());
                down[i] = System.nanoTime() - t0;
                if (ipvs.destinationCounters(keys.get(s)).containsKey(dest.key())) {
                    throw new IllegalStateException(dest.describe() + " still in the kernel after its removal");
                }
                t0 = System.nanoTime();
                ipvs.addDestination(keys.get(s), dest);
                up[i] = System.nanoTime() - t0;
                t0 = System.nanoTime();
                ipvs.updateDestination(keys.get(s), dest(s, d, 0));
                weight[i] = System.nanoTime() - t0;
                ipvs.updateDestination(keys.get(s), dest);
            }
            System.out.printf("IPVS dataplane (EMULATED: qemu TCG guest, not a real machine), %d services x %d"
                    + " destinations filled in %.1f s%n", services, dests, fillSeconds);
            System.out.println("ms from the call to the kernel's acknowledgement, " + samples + " samples:"
                    + "   p50     p90     p99     max");
            row("server down (remove destination)", down);
            row("server up (add destination)", up);
            row("weight change (set destination)", weight);
        }
    }

    private static Destination dest(int s, int d, int weight) throws Exception {
        int n = s * 16 + d;
        return new Destination(InetAddress.getByName("10.61." + (n / 250) + "." + (n % 250 + 1)), 8080,
                ForwardingMethod.NAT, weight, 0, 0);
    }

    private static void row(String what, long[] nanos) {
        long[] v = nanos.clone();
        Arrays.sort(v);
        System.out.printf("  %-34s %7.2f %7.2f %7.2f %7.2f%n", what, ms(v, 0.50), ms(v, 0.90), ms(v, 0.99),
                v[v.length - 1] / 1e6);
    }

    private static double ms(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }
}
