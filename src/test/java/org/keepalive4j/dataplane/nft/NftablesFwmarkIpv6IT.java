package org.keepalive4j.dataplane.nft;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.util.Map;
import java.util.Set;
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
import org.keepalive4j.testlib.Root;

/**
 * The nftables load balancer for an IPv6 service and for a firewall-mark service, with real traffic, in
 * the dual-stack {@link NatLab} with two real servers (h3, h4).
 */
class NftablesFwmarkIpv6IT {

    static final int RPORT = NatLab.RPORT;

    static NatLab nat;
    static Host director;
    static NamespaceThread directorThread;

    NftablesDataplane dataplane;

    @BeforeAll
    static void buildLab() throws Exception {
        Root.assume();
        nat = NatLab.start(2, true);
        director = nat.director();
        // the operator's own marking rule, in a table of its own, before our nat chain
        director.exec("nft", "add table ip operator; add chain ip operator premark { type filter hook prerouting"
                + " priority mangle; }; add rule ip operator premark ip daddr 10.77.0.100 tcp dport 8000 meta mark set 7")
                .orThrow();
        directorThread = nat.directorThread();
        dataplaneIsEmpty();
    }

    private static void dataplaneIsEmpty() {
        assertEquals(false, director.exec("nft", "list", "tables").orThrow().stdout().contains("keepalive4j"));
    }

    @AfterAll
    static void tearDown() {
        if (nat != null) {
            nat.close();
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
                dataplane.addDestination(web6, new Destination(InetAddress.getByName(nat.host(i).ipv6()), RPORT,
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
            dataplane.addDestination(marked, new Destination(InetAddress.getByName(nat.host(3).ipv4()), RPORT,
                    ForwardingMethod.NAT, 1, 0, 0));
            dataplane.addDestination(marked, new Destination(InetAddress.getByName(nat.host(4).ipv4()), RPORT,
                    ForwardingMethod.NAT, 3, 0, 0));
            return null;
        });

        Map<String, Integer> spread = requests("10.99.0.1", "10.77.0.100", 8000, 40);

        assertEquals(Map.of("h3", 10, "h4", 30), spread);
        Map<DestinationKey, org.keepalive4j.dataplane.Counters> c = directorThread.call(
                () -> dataplane.destinationCounters(marked));
        assertEquals(10, c.get(new DestinationKey(InetAddress.getByName(nat.host(3).ipv4()), RPORT)).conns());
        assertEquals(30, c.get(new DestinationKey(InetAddress.getByName(nat.host(4).ipv4()), RPORT)).conns());
    }

    private static Map<String, Integer> requests(String source, String vip, int port, int n) throws Exception {
        return nat.requests(source, vip, port, n);
    }
}
