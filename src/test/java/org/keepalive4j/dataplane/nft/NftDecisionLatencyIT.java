package org.keepalive4j.dataplane.nft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.keepalive4j.config.model.ForwardingMethod;
import org.keepalive4j.config.model.LvsProtocol;
import org.keepalive4j.config.model.LvsScheduler;
import org.keepalive4j.dataplane.Destination;
import org.keepalive4j.dataplane.ServiceKey;
import org.keepalive4j.dataplane.VirtualService;
import org.keepalive4j.testlib.Host;
import org.keepalive4j.testlib.NamespaceThread;
import org.keepalive4j.testlib.NetnsLab;
import org.keepalive4j.testlib.Root;

/**
 * How long a checker's decision takes to be live in the kernel with 1,000 virtual services × 10 real
 * servers in the nftables table: the time from the check engine's call (removeDestination when a server
 * goes down, addDestination when it comes back, a weight of 0 with inhibit_on_failure) to its return —
 * the call returns when the kernel has committed the transaction, so the rule is live then. Every tenth
 * change is also checked from outside with the nft program (the server is gone from, or back in, its
 * service's scheduling map). Prints p50/p99/max; asserts only that the table holds what was asked.
 *
 * <p>A benchmark (several minutes), so not part of the suite: {@code scripts/bench-dataplane} runs it.
 */
@EnabledIfSystemProperty(named = "keepalive4j.bench", matches = "true")
class NftDecisionLatencyIT {

    private static final int SERVICES = Integer.getInteger("keepalive4j.bench.services", 1000);
    private static final int SERVERS = Integer.getInteger("keepalive4j.bench.servers", 10);
    private static final int DECISIONS = Integer.getInteger("keepalive4j.bench.decisions", 100);

    @Test
    void downAndUpDecisionsAtAThousandServicesTimesTen() throws Exception {
        Root.assume();
        try (NetnsLab lab = NetnsLab.start(1);
             NamespaceThread ns = new NamespaceThread(lab.host(1).namespace(), Duration.ofMinutes(30))) {
            Host host = lab.host(1);
            NftablesDataplane dp = ns.call(() -> new NftablesDataplane(new LibNftables(), false));
            try {
                long t = System.nanoTime();
                ns.run(() -> {
                    dp.batch(() -> {
                        for (int s = 0; s < SERVICES; s++) {
                            dp.addService(new VirtualService(service(s), LvsScheduler.WRR, Set.of(), false, null, null));
                            for (int r = 0; r < SERVERS; r++) {
                                dp.addDestination(service(s), destination(s, r, 1));
                            }
                        }
                    });
                    return null;
                });
                double buildMs = (System.nanoTime() - t) / 1e6;
                // service s is chain s(1 + s * (SERVERS + 1)): services and destinations share one numbering
                assertTrue(host.exec("nft", "list", "chain", "inet", "keepalive4j", chain(SERVICES - 1)).orThrow()
                        .stdout().contains(service(SERVICES - 1).describe()), "the last service is in the kernel");

                Random random = new Random(42);
                double[] down = new double[DECISIONS];
                double[] up = new double[DECISIONS];
                double[] inhibit = new double[DECISIONS];
                double[] back = new double[DECISIONS];
                double[] kernel = new double[DECISIONS];
                for (int i = 0; i < DECISIONS; i++) {
                    int s = random.nextInt(SERVICES);
                    int r = random.nextInt(SERVERS);
                    boolean check = i % 10 == 0;
                    down[i] = timed(ns, () -> dp.removeDestination(service(s), destination(s, r, 1).key()));
                    kernel[i] = dp.lastApplyNanos() / 1e6;
                    if (check) {
                        assertEquals(SERVERS - 1, gotos(host, s), "server " + r + " out of service " + s);
                    }
                    up[i] = timed(ns, () -> dp.addDestination(service(s), destination(s, r, 1)));
                    if (check) {
                        assertEquals(SERVERS, gotos(host, s), "server " + r + " back in service " + s);
                    }
                    inhibit[i] = timed(ns, () -> dp.updateDestination(service(s), destination(s, r, 0)));
                    if (check) {
                        assertEquals(SERVERS - 1, gotos(host, s), "server " + r + " at weight 0 in service " + s);
                    }
                    back[i] = timed(ns, () -> dp.updateDestination(service(s), destination(s, r, 1)));
                }
                String report = String.format("nftables dataplane, %d services x %d servers (libnftables):%n"
                        + "  table built in one transaction: %.0f ms%n"
                        + "  down (destination removed) -> rule live: %s%n"
                        + "  up (destination added)     -> rule live: %s%n"
                        + "  down with inhibit (weight 0) -> live:    %s%n"
                        + "  weight 0 -> 1               -> live:    %s%n"
                        + "  of a removal, inside libnftables (parse, cache, kernel commit): %s%n",
                        SERVICES, SERVERS, buildMs, figures(down), figures(up), figures(inhibit), figures(back),
                        figures(kernel));
                System.out.println(report);
            } finally {
                ns.run(() -> {
                    dp.close();
                    return null;
                });
            }
            assertFalse(host.exec("nft", "list", "tables").orThrow().stdout().contains("keepalive4j"));
        }
    }

    private interface Change {
        void run() throws Exception;
    }

    private static double timed(NamespaceThread ns, Change change) throws Exception {
        return ns.call(() -> {
            long t = System.nanoTime();
            change.run();
            return (System.nanoTime() - t) / 1e6;
        });
    }

    /** Destinations the service's scheduling map can send a new connection to, as the kernel has it. */
    private static int gotos(Host host, int s) {
        String chain = host.exec("nft", "list", "chain", "inet", "keepalive4j", chain(s)).orThrow().stdout();
        Set<String> targets = new java.util.TreeSet<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("goto (s\\d+d\\d+)").matcher(chain);
        while (m.find()) {
            targets.add(m.group(1));
        }
        return targets.size();
    }

    private static String chain(int s) {
        return "s" + (1 + s * (SERVERS + 1));
    }

    static String figures(double[] ms) {
        double[] s = ms.clone();
        Arrays.sort(s);
        return String.format("p50 %.1f ms, p99 %.1f ms, max %.1f ms (n=%d)", s[s.length / 2],
                s[Math.min(s.length - 1, (int) Math.ceil(s.length * 0.99) - 1)], s[s.length - 1], s.length);
    }

    private static ServiceKey service(int s) {
        try {
            return new ServiceKey.Address(InetAddress.getByName("10.100." + (s / 250) + "." + (1 + s % 250)), 80,
                    LvsProtocol.TCP);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static Destination destination(int s, int r, int weight) {
        try {
            InetAddress a = InetAddress.getByName("10.80." + (r + 1) + "." + (1 + s % 250));
            return new Destination(a, 8080 + s / 250, ForwardingMethod.NAT, weight, 0, 0);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

}
