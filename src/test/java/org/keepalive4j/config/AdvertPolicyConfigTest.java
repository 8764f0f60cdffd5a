package org.keepalive4j.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.keepalive4j.config.model.VrrpInstance;

/**
 * lower_prio_no_advert / higher_prio_send_advert: the instance's own setting wins, then global_defs'
 * vrrp_* keyword, then (for lower_prio_no_advert) strict mode, as keepalived resolves them.
 */
class AdvertPolicyConfigTest {

    private static VrrpInstance only(String text) {
        return ConfigTesting.parse(text).config().vrrpInstances().get(0);
    }

    @Test
    void offByDefault() {
        VrrpInstance i = only(ConfigTesting.instance("VI_1", 1, ""));
        assertFalse(i.lowerPrioNoAdvert());
        assertFalse(i.higherPrioSendAdvert());
    }

    @Test
    void strictModeTurnsLowerPrioNoAdvertOn() {
        VrrpInstance i = only("global_defs {\n vrrp_strict\n}\n" + ConfigTesting.instance("VI_1", 1, ""));
        assertTrue(i.lowerPrioNoAdvert());
        assertFalse(i.higherPrioSendAdvert());
    }

    @Test
    void globalDefsSetTheDefaultAndTheInstanceOverrides() {
        String global = "global_defs {\n vrrp_lower_prio_no_advert\n vrrp_higher_prio_send_advert true\n}\n";
        VrrpInstance inherited = only(global + ConfigTesting.instance("VI_1", 1, ""));
        assertTrue(inherited.lowerPrioNoAdvert());
        assertTrue(inherited.higherPrioSendAdvert());
        VrrpInstance own = only(global + ConfigTesting.instance("VI_1", 1,
                " lower_prio_no_advert false\n higher_prio_send_advert off"));
        assertFalse(own.lowerPrioNoAdvert());
        assertFalse(own.higherPrioSendAdvert());
    }

    @Test
    void aBadValueNamesTheKeyword() {
        var errors = ConfigTesting.errors(ConfigTesting.instance("VI_1", 1, " lower_prio_no_advert maybe"));
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).toString().contains("lower_prio_no_advert"), errors.toString());
    }
}
