package org.keepalive4j.dataplane.nft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.keepalive4j.config.model.ForwardingMethod;
import org.keepalive4j.config.model.LvsProtocol;
import org.keepalive4j.config.model.LvsScheduler;
import org.keepalive4j.dataplane.Counters;
import org.keepalive4j.dataplane.Destination;
import org.keepalive4j.dataplane.DestinationKey;
import org.keepalive4j.dataplane.ServiceKey;
import org.keepalive4j.dataplane.VirtualService;
import org.keepalive4j.testlib.CommandResult;
import org.keepalive4j.testlib.Host;
import org.keepalive4j.testlib.Root;

/**
 * New connections per second through the director, measured with wrk from the client (one request per
 * connection, {@code Connection: close}): through our nftables DNAT path (virtual address → one real
 * server, counters included) and by plain routing to the same server with no table of ours loaded. Runs
 * the two alternately, {@code ROUNDS} times each, and prints the medians and their ratio. The real server
 * is a small asyncio server (several processes on one port); everything shares the machine's CPUs, so
 * the figures say as much about the machine as about the path — the ratio is the point.
 *
 * <p>A benchmark, not part of the suite: {@code scripts/bench-dataplane} runs it (and installs wrk).
 */
@EnabledIfSystemProperty(named = "keepalive4j.bench", matches = "true")
class NftThroughputIT {

    private static final int ROUNDS = Integer.getInteger("keepalive4j.bench.rounds", 5);
    private static final String SECONDS = System.getProperty("keepalive4j.bench.seconds", "5");
    private static final int FAST_PORT = 8081;
    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");

    @Test
    void newConnectionsPerSecondThroughDnatVersusPlainRouting() throws Exception {
        Root.assume();
        try (NatLab nat = NatLab.start(1, false)) {
            Host client = nat.client();
            Host server = nat.host(NatLab.FIRST_SERVER);
            String script = Path.of(NftThroughputIT.class.getResource("/dataplane/fast_server.py").toURI()).toString();
            server.start("fast", "python3", script, Integer.toString(FAST_PORT), "2")
                    .waitForOutput("listening", Duration.ofSeconds(10));
            // wrk cannot choose its source address: routes with a preferred source send it from 10.99.0.1
            // (which only the director routes back to), to the virtual address and, via the director, to the server
            client.exec("ip", "route", "add", NatLab.VIP + "/32", "dev", Host.INTERFACE, "src", NatLab.CLIENT_A).orThrow();
            client.exec("ip", "route", "add", server.ipv4() + "/32", "via", nat.director().ipv4(), "src",
                    NatLab.CLIENT_A).orThrow();
            client.exec("sysctl", "-qw", "net.ipv4.ip_local_port_range=1024 65000").orThrow();
            // whichever side closes first holds a TIME_WAIT; once wrk's source ports come round again a SYN
            // meeting one waits for a retry a second later and the rate collapses to about -c per second.
            // Keeping no TIME_WAIT sockets on either end keeps every round comparable.
            server.exec("sysctl", "-qw", "net.ipv4.tcp_max_tw_buckets=0").orThrow();
            client.exec("sysctl", "-qw", "net.ipv4.tcp_max_tw_buckets=0").orThrow();
            nat.director().exec("sysctl", "-qw", "net.netfilter.nf_conntrack_max=1048576");

            ServiceKey web = new ServiceKey.Address(NatLab.address(NatLab.VIP), NatLab.VPORT, LvsProtocol.TCP);
            Destination only = new Destination(NatLab.address(server.ipv4()), FAST_PORT, ForwardingMethod.NAT, 1, 0, 0);
            String plainUrl = "http://" + server.ipv4() + ":" + FAST_PORT + "/";
            String natUrl = "http://" + NatLab.VIP + "/";

            wrk(client, plainUrl, "1"); // warm-up: ARP, server processes, page cache
            List<Double> plain = new ArrayList<>();
            List<Double> dnat = new ArrayList<>();
            List<String> errors = new ArrayList<>();
            long natConnections = 0;
            long natRequests = 0;
            for (int round = 0; round < ROUNDS; round++) {
                assertTrue(!nat.director().exec("nft", "list", "tables").orThrow().stdout().contains("keepalive4j"),
                        "plain routing runs without our table");
                plain.add(rate(wrk(client, plainUrl, SECONDS), errors));

                NftablesDataplane dp = nat.directorThread().call(() -> new NftablesDataplane(new LibNftables(), false));
                try {
                    nat.directorThread().run(() -> {
                        dp.addService(new VirtualService(web, LvsScheduler.RR, Set.of(), false, null, null));
                        dp.addDestination(web, only);
                        return null;
                    });
                    String out = wrk(client, natUrl, SECONDS);
                    dnat.add(rate(out, errors));
                    natRequests += requests(out);
                    Map<DestinationKey, Counters> c = nat.directorThread().call(() -> dp.destinationCounters(web));
                    natConnections += c.get(only.key()).conns();
                } finally {
                    nat.directorThread().run(() -> {
                        dp.close();
                        return null;
                    });
                }
            }
            double p = median(plain);
            double d = median(dnat);
            System.out.printf("nftables DNAT throughput, new connections per second (wrk, %s s x %d rounds, "
                    + "one request per connection):%n  plain routing to the server: %s -> median %.0f/s%n"
                    + "  through the DNAT service:    %s -> median %.0f/s%n  ratio DNAT / plain: %.2f%n"
                    + "  connections counted by the service: %d of %d requests%s%n", SECONDS, ROUNDS, plain, p, dnat, d,
                    d / p, natConnections, natRequests, errors.isEmpty() ? "" : "; wrk errors: " + errors);
            assertTrue(natConnections >= natRequests, "every request through the VIP was a counted new connection");
        }
    }

    private static String wrk(Host client, String url, String seconds) {
        CommandResult r = client.exec(Duration.ofSeconds(60), "wrk", "-t2", "-c64", "-d" + seconds + "s",
                "-H", "Connection: close", url);
        assertEquals(0, r.exitCode(), r.stdout() + r.stderr());
        return r.stdout();
    }

    private static double rate(String wrkOutput, List<String> errors) {
        Matcher m = RATE.matcher(wrkOutput);
        assertTrue(m.find(), wrkOutput);
        for (String line : wrkOutput.split("\n")) {
            if (line.contains("Socket errors") || line.contains("Non-2xx")) {
                errors.add(line.strip());
            }
        }
        return Double.parseDouble(m.group(1));
    }

    private static long requests(String wrkOutput) {
        Matcher m = Pattern.compile("(\\d+) requests in").matcher(wrkOutput);
        assertTrue(m.find(), wrkOutput);
        return Long.parseLong(m.group(1));
    }

    private static double median(List<Double> v) {
        double[] s = v.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
