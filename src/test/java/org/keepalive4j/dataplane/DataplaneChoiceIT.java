package org.keepalive4j.dataplane;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.keepalive4j.config.ConfigTesting;
import org.keepalive4j.config.model.GlobalDefs;
import org.keepalive4j.dataplane.ipvs.IpvsDataplane;
import org.keepalive4j.testlib.NamespaceThread;
import org.keepalive4j.testlib.NetnsLab;
import org.keepalive4j.testlib.Root;

/**
 * lvs_dataplane auto against this machine's kernel, in a lab namespace: the generic netlink lookup agrees
 * with the kernel's own sign of IPVS (/proc/net/ip_vs, which exists once ip_vs is loaded, and resolving
 * the family loads it), and auto opens IPVS exactly when it is there, nftables otherwise.
 */
class DataplaneChoiceIT {

    @Test
    void autoOpensIpvsWhenTheKernelHasItAndNftablesOtherwise() throws Exception {
        Root.assume();
        GlobalDefs auto = ConfigTesting.parse("global_defs {\n router_id a\n}\n").config().global();
        assertEquals("auto", auto.lvsDataplane());
        try (NetnsLab lab = NetnsLab.start(1);
             NamespaceThread ns = new NamespaceThread(lab.host(1).namespace(), Duration.ofSeconds(60))) {
            boolean ipvs = ns.call(IpvsDataplane::available);
            assertEquals(Files.exists(Path.of("/proc/net/ip_vs")), ipvs, "genl family IPVS vs /proc/net/ip_vs");
            String name = ns.call(() -> {
                try (Dataplane d = Dataplanes.open(auto, false)) {
                    return d.name();
                }
            });
            assertEquals(ipvs ? "IPVS" : "nftables", name);
            if (!ipvs) {
                DataplaneException e = org.junit.jupiter.api.Assertions.assertThrows(DataplaneException.class,
                        () -> ns.call(() -> IpvsDataplane.open(false, false)));
                assertTrue(e.getMessage().contains("no IPVS") && e.getMessage().contains("nftables"), e.getMessage());
            }
        }
    }
}
