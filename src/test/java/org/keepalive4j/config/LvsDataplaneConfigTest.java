package org.keepalive4j.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** global_defs lvs_dataplane: which backend programs the load balancer. */
class LvsDataplaneConfigTest {

    @Test
    void autoUnlessABackendIsChosen() {
        assertEquals("auto", ConfigTesting.parse("global_defs {\n router_id a\n}\n").config().global().lvsDataplane());
        for (String v : List.of("auto", "ipvs", "nftables", "logging")) {
            assertEquals(v, ConfigTesting.parse("global_defs {\n lvs_dataplane " + v + "\n}\n").config().global()
                    .lvsDataplane());
        }
    }

    @Test
    void anUnknownBackendNamesTheKeywordAndTheLine() {
        List<Diagnostic> errors = ConfigTesting.errors("global_defs {\n router_id a\n lvs_dataplane pf\n}\n");
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).toString().contains(":3"), errors.toString());
        assertTrue(errors.get(0).toString().contains("'pf'"), errors.toString());
        assertTrue(errors.get(0).toString().contains("auto, ipvs, nftables or logging"), errors.toString());
    }

    private static final String VS = "virtual_server 10.0.0.1 80 {\n protocol TCP\n%s real_server 10.0.0.2 80 {\n }\n}\n";

    @Test
    void withNftablesASchedulerThatNeedsConnectionCountsIsAConfigErrorAtItsLine() {
        List<Diagnostic> errors = ConfigTesting.errors("global_defs {\n lvs_dataplane nftables\n}\n"
                + VS.formatted(" lb_algo lc\n"));
        assertEquals(1, errors.size(), errors.toString());
        String e = errors.get(0).toString();
        assertTrue(e.contains(":6") && e.contains("'lb_algo'") && e.contains("scheduler lc"), e);
        assertTrue(e.contains("use lb_algo rr, wrr, sh or dh, or lvs_dataplane ipvs or auto"), e);
    }

    @Test
    void withNftablesAnUnwrittenLbAlgoIsKeepalivedsWlcAndRefusedTooButWithAutoItIsAllowed() {
        List<Diagnostic> errors = ConfigTesting.errors("global_defs {\n lvs_dataplane nftables\n}\n" + VS.formatted(""));
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).toString().contains("scheduler wlc (the default when lb_algo is not set)"),
                errors.toString());

        var auto = ConfigTesting.parse(VS.formatted("")).config().virtualServers().get(0);
        assertEquals(org.keepalive4j.config.model.LvsScheduler.WLC, auto.scheduler());
        assertTrue(auto.schedulerDefaulted());
        var written = ConfigTesting.parse(VS.formatted(" lb_algo wlc\n")).config().virtualServers().get(0);
        assertEquals(false, written.schedulerDefaulted());
        assertEquals(org.keepalive4j.config.model.LvsScheduler.WRR, ConfigTesting.parse(
                "global_defs {\n lvs_dataplane nftables\n}\n" + VS.formatted(" lb_algo wrr\n")).config()
                .virtualServers().get(0).scheduler());
    }
}
