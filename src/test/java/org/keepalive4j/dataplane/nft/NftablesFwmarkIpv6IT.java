package org.keepalive4j.dataplane.nft;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.keepalive4j.config.model.ForwardingMethod;
import org.keepalive4j.config.model.IpFamily;
import org.keepalive4j.config.model.LvsProtocol;
import org.keepalive4j.config.model.LvsScheduler;
import org.keepalive4j.dataplane.Destination;
import org.keepalive4j.dataplane.DestinationKey;
import org.keepalive4j.dataplane.ServiceKey;
import org.keepalive4j.dataplane.VirtualService;
import org.keepalive4j.testlib.Host;
import org.keepalive4j.testlib.NamespaceThread;
import org.keepalive4j.testlib.NetnsLab;
import org.keepalive4j.testlib.Root;

/**
 * The nftables load balancer for an IPv6 service and for a firewall-mark service, with real traffic.
 * Lab as in {@link NftablesDataplaneIT}, dual-stack: the client sends from 10.99.0.1 and fd99::1,
 * networks only the director routes back to; the director holds 10.77.0.100 and fd00:77::100.
 */
class NftablesFwmarkIpv6IT {

    static final int RPORT = 8080;

    static NetnsLab lab;
    static Host director;
    static NamespaceThread directorThread;
    static NamespaceThread clientThread;

    NftablesDataplane dataplane;

    @BeforeAll
    static void buildLab() throws Exception {
        Root.assume();
        lab = NetnsLab.builder().hosts(4).ipv6().start();
        Host client = lab.host(1);
        director = lab.host(2);
        director.exec("ip", "addr", "add", "10.77.0.100/24", "dev", Host.INTERFACE).orThrow();
        director.exec("ip", "addr", "add", "fd00:77::100/64", "dev", Host.INTERFACE, "nodad").orThrow();
        director.exec("sysctl", "-qw", "net.ipv4.ip_forward=1").orThrow();
        director.exec("sysctl", "-qw", "net.ipv6.conf.all.forwarding=1").orThrow();
        director.exec("sysctl", "-qw", "net.ipv4.conf.all.send_redirects=0").orThrow();
        director.exec("sysctl", "-qw", "net.ipv4.conf.eth0.send_redirects=0").orThrow();
        director.exec("ip", "route", "add", "10.99.0.0/24", "via", client.ipv4()).orThrow();
        director.exec("ip", "-6", "route", "add", "fd99::/64", "via", client.ipv6()).orThrow();
        client.exec("ip", "addr", "add", "10.99.0.1/32", "dev", Host.INTERFACE).orThrow();
        client.exec("ip", "addr", "add", "fd99::1/128", "dev", Host.INTERFACE, "nodad").orThrow();
        // the operator's own marking rule, in a table of its own, before our nat chain
        director.exec("nft", "add table ip operator; add chain ip operator premark { type filter hook prerouting"
                + " priority mangle; }; add rule ip operator premark ip daddr 10.77.0.100 tcp dport 8000 meta mark set 7")
                .orThrow();
        String script = Path.of(NftablesFwmarkIpv6IT.class.getResource("/dataplane/name_server.py").toURI())
                .toString();
        for (int i = 3; i <= 4; i++) {
            Host rs = lab.host(i);
            rs.exec("ip", "route", "add", "10.99.0.0/24", "via", director.ipv4()).orThrow();
            rs.exec("ip", "-6", "route", "add", "fd99::/64", "via", director.ipv6()).orThrow();
            // an ICMPv6 redirect from the director would send replies around its conntrack
            rs.exec("sysctl", "-qw", "net.ipv6.conf.all.accept_redirects=0").orThrow();
            rs.exec("sysctl", "-qw", "net.ipv6.conf.eth0.accept_redirects=0").orThrow();
            rs.start("http", "python3", script, rs.name(), Integer.toString(RPORT))
                    .waitForOutput("listening", Duration.ofSeconds(10));
        }
        directorThread = new NamespaceThread(director.namespace(), Duration.ofSeconds(120));
        clientThread = new NamespaceThread(client.namespace(), Duration.ofSeconds(120));
        dataplaneIsEmpty();
    }

    private static void dataplaneIsEmpty() {
        assertEquals(false, director.exec("nft", "list", "tables").orThrow().stdout().contains("keepalive4j"));
    }

    @AfterAll
    static void tearDown() {
        if (directorThread != null) {
            directorThread.close();
            clientThread.close();
        }
        if (lab != null) {
            lab.close();
        }
    }

    @AfterEach
    void closeDataplane() throws Exception {
        if (dataplane != null) {
            directorThread.run(() -> {
                dataplane.close();
                return null;
            });
        }
    }

    @Test
    void ipv6ServiceRoundRobinsAndCounts() throws Exception {
        ServiceKey web6 = new ServiceKey.Address(InetAddress.getByName("fd00:77::100"), 80, LvsProtocol.TCP);
        dataplane = directorThread.call(() -> new NftablesDataplane(new LibNftables(), false));
        directorThread.run(() -> {
            dataplane.addService(new VirtualService(web6, LvsScheduler.RR, Set.of(), false, null, null));
            for (int i = 3; i <= 4; i++) {
                dataplane.addDestination(web6, new Destination(InetAddress.getByName(lab.host(i).ipv6()), RPORT,
                        ForwardingMethod.NAT, 1, 0, 0));
            }
            return null;
        });

        Map<String, Integer> spread = requests("fd99::1", "fd00:77::100", 80, 40);

        assertEquals(Map.of("h3", 20, "h4", 20), spread);
        long conns = directorThread.call(() -> dataplane.counters(web6)).conns();
        assertEquals(40, conns);
    }

    @Test
    void fwmarkServiceBalancesWhatTheOperatorMarked() throws Exception {
        ServiceKey marked = new ServiceKey.Fwmark(7, IpFamily.INET);
        dataplane = directorThread.call(() -> new NftablesDataplane(new LibNftables(), false));
        directorThread.run(() -> {
            dataplane.addService(new VirtualService(marked, LvsScheduler.WRR, Set.of(), false, null, null));
            dataplane.addDestination(marked, new Destination(InetAddress.getByName(lab.host(3).ipv4()), RPORT,
                    ForwardingMethod.NAT, 1, 0, 0));
            dataplane.addDestination(marked, new Destination(InetAddress.getByName(lab.host(4).ipv4()), RPORT,
                    ForwardingMethod.NAT, 3, 0, 0));
            return null;
        });

        Map<String, Integer> spread = requests("10.99.0.1", "10.77.0.100", 8000, 40);

        assertEquals(Map.of("h3", 10, "h4", 30), spread);
        Map<DestinationKey, org.keepalive4j.dataplane.Counters> c = directorThread.call(
                () -> dataplane.destinationCounters(marked));
        assertEquals(10, c.get(new DestinationKey(InetAddress.getByName(lab.host(3).ipv4()), RPORT)).conns());
        assertEquals(30, c.get(new DestinationKey(InetAddress.getByName(lab.host(4).ipv4()), RPORT)).conns());
    }

    private static Map<String, Integer> requests(String source, String vip, int port, int n) throws Exception {
        return clientThread.call(() -> {
            Map<String, Integer> spread = new TreeMap<>();
            for (int i = 0; i < n; i++) {
                spread.merge(HttpClient.get(source, vip, port), 1, Integer::sum);
            }
            return spread;
        });
    }
}
