package org.keepalive4j.dataplane.nft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.keepalive4j.config.model.ForwardingMethod;
import org.keepalive4j.config.model.IpFamily;
import org.keepalive4j.config.model.LvsProtocol;
import org.keepalive4j.config.model.LvsScheduler;
import org.keepalive4j.dataplane.DataplaneException;
import org.keepalive4j.dataplane.Destination;
import org.keepalive4j.dataplane.DestinationKey;
import org.keepalive4j.dataplane.ServiceKey;
import org.keepalive4j.dataplane.VirtualService;
import org.keepalive4j.testlib.Host;
import org.keepalive4j.testlib.NamespaceThread;
import org.keepalive4j.testlib.NetnsLab;
import org.keepalive4j.testlib.Root;

/**
 * Every form of rule the backend generates, accepted by the kernel: UDP, SCTP, port-0 services and
 * destinations, IPv4 and IPv6 fwmarks, persistence, sh and dh; then changes that delete and re-create
 * objects (a persistence timeout changed, destinations and services removed) in one namespace.
 */
class NftRulesetKernelIT {

    @Test
    void everyGeneratedFormIsAcceptedAndChangesApplyCleanly() throws Exception {
        Root.assume();
        try (NetnsLab lab = NetnsLab.start(1); NamespaceThread ns = new NamespaceThread(lab.host(1).namespace(), Duration.ofSeconds(120))) {
            Host h = lab.host(1);
            ServiceKey udp = new ServiceKey.Address(ip("10.77.0.100"), 53, LvsProtocol.UDP);
            ServiceKey sctp = new ServiceKey.Address(ip("fd00:77::100"), 3868, LvsProtocol.SCTP);
            ServiceKey allPorts = new ServiceKey.Address(ip("10.77.0.101"), 0, LvsProtocol.TCP);
            ServiceKey mark4 = new ServiceKey.Fwmark(3, IpFamily.INET);
            ServiceKey mark6 = new ServiceKey.Fwmark(4, IpFamily.INET6);
            ns.run(() -> {
                try (NftablesDataplane dp = new NftablesDataplane(new LibNftables(), false)) {
                    dp.addService(service(udp, LvsScheduler.SH, 30));
                    dp.addDestination(udp, dest("10.77.0.13", 53, 2));
                    dp.addDestination(udp, dest("10.77.0.14", 5353, 1));
                    dp.addService(service(sctp, LvsScheduler.DH, null));
                    dp.addDestination(sctp, dest("fd00:77::13", 3868, 1));
                    dp.addService(service(allPorts, LvsScheduler.RR, 600));
                    dp.addDestination(allPorts, dest("10.77.0.13", 0, 1));
                    dp.addService(service(mark4, LvsScheduler.WRR, null));
                    dp.addDestination(mark4, dest("10.77.0.13", 0, 1));
                    dp.addDestination(mark4, dest("10.77.0.14", 443, 4));
                    dp.addService(service(mark6, LvsScheduler.RR, 60));
                    dp.addDestination(mark6, dest("fd00:77::14", 80, 1));

                    String table = h.exec("nft", "list", "table", "inet", "keepalive4j").orThrow().stdout();
                    assertTrue(table.contains("udp dport 53 goto s1"), table);
                    assertTrue(table.contains("sctp dport 3868 goto"), table);
                    assertTrue(table.contains("meta mark 0x00000004 goto"), table);
                    assertTrue(table.contains("timeout 10m"), table);

                    // a changed timeout re-creates the sets; removals delete chains, counters and sets
                    dp.updateService(service(allPorts, LvsScheduler.RR, 120));
                    dp.removeDestination(udp, new DestinationKey(ip("10.77.0.14"), 5353));
                    dp.removeService(mark6);
                    dp.updateDestination(mark4, dest("10.77.0.14", 443, 0));

                    table = h.exec("nft", "list", "table", "inet", "keepalive4j").orThrow().stdout();
                    assertFalse(table.contains("10m"), table);
                    assertTrue(table.contains("timeout 2m"), table);
                    assertFalse(table.contains("5353"), table);
                    assertFalse(table.contains("meta mark 0x00000004"), table);
                    assertEquals(4, dp.destinationCounters(mark4).size() + dp.destinationCounters(udp).size()
                            + dp.destinationCounters(allPorts).size(), table);

                    // nft refuses a scoped address; the transaction fails whole, table and dataplane stay as they were
                    DataplaneException e = assertThrows(DataplaneException.class, () -> dp.addDestination(sctp,
                            new Destination(ip("fe80::1%1"), 3868, ForwardingMethod.NAT, 1, 0, 0)));
                    assertTrue(e.getMessage().startsWith("nftables refused the change"), e.getMessage());
                    assertEquals(table, h.exec("nft", "list", "table", "inet", "keepalive4j").orThrow().stdout());
                    assertEquals(1, dp.destinationCounters(sctp).size());
                    dp.addDestination(sctp, dest("fd00:77::15", 3868, 1));
                    assertEquals(2, dp.destinationCounters(sctp).size(), "the next change applies normally");
                }
                return null;
            });
            assertFalse(h.exec("nft", "list", "tables").orThrow().stdout().contains("keepalive4j"));
        }
    }

    private static VirtualService service(ServiceKey key, LvsScheduler s, Integer persistence) {
        return new VirtualService(key, s, Set.of(), false, persistence, null);
    }

    private static Destination dest(String a, int port, int weight) {
        return new Destination(ip(a), port, ForwardingMethod.NAT, weight, 0, 0);
    }

    private static InetAddress ip(String s) {
        try {
            return InetAddress.getByName(s);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
