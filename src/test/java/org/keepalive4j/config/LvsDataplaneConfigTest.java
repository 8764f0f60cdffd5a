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
}
