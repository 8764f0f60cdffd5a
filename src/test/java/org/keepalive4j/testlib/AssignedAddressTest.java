package org.keepalive4j.testlib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class AssignedAddressTest {

    /** Shortened `ip -j addr show` of a lab host (iproute2 6.1), including an address-less link. */
    private static final String IP_JSON = """
            [{"ifindex":1,"ifname":"lo","flags":["LOOPBACK","UP","LOWER_UP"],"mtu":65536,"qdisc":"noqueue",\
            "operstate":"UNKNOWN","group":"default","txqlen":1000,"link_type":"loopback",\
            "address":"00:00:00:00:00:00","broadcast":"00:00:00:00:00:00","addr_info":[{"family":"inet",\
            "local":"127.0.0.1","prefixlen":8,"scope":"host","label":"lo","valid_life_time":4294967295,\
            "preferred_life_time":4294967295},{"family":"inet6","local":"::1","prefixlen":128,"scope":"host",\
            "valid_life_time":4294967295,"preferred_life_time":4294967295}]},\
            {"ifindex":2,"ifname":"tunl0","flags":["NOARP"],"mtu":1480,"addr_info":[]},\
            {"ifindex":3,"link_index":4,"ifname":"eth0","flags":["BROADCAST","MULTICAST","UP","LOWER_UP"],\
            "mtu":1500,"addr_info":[{"family":"inet","local":"10.77.0.11","prefixlen":24,"broadcast":"",\
            "scope":"global","label":"eth0","valid_life_time":4294967295,"preferred_life_time":4294967295},\
            {"family":"inet6","local":"fd00:77::11","prefixlen":64,"scope":"global","nodad":true,\
            "valid_life_time":4294967295,"preferred_life_time":4294967295},{}]}]
            """;

    @Test
    void readsEveryAddressOfEveryInterface() {
        assertEquals(List.of(
                new AssignedAddress("lo", "inet", "127.0.0.1", 8),
                new AssignedAddress("lo", "inet6", "::1", 128),
                new AssignedAddress("eth0", "inet", "10.77.0.11", 24),
                new AssignedAddress("eth0", "inet6", "fd00:77::11", 64)),
                AssignedAddress.parseIpJson(IP_JSON));
    }

    @Test
    void matchesWithOrWithoutPrefixLength() {
        AssignedAddress a = new AssignedAddress("eth0", "inet", "10.77.0.11", 24);
        assertTrue(a.matches("10.77.0.11"));
        assertTrue(a.matches("10.77.0.11/24"));
        assertFalse(a.matches("10.77.0.11/32"));
        assertFalse(a.matches("10.77.0.1"));
        assertEquals("10.77.0.11/24", a.cidr());
    }

    @Test
    void comparesIpv6AsAddressesNotText() {
        AssignedAddress a = new AssignedAddress("eth0", "inet6", "fd00:77::11", 64);
        assertTrue(a.matches("FD00:77:0:0::11/64"));
        assertFalse(a.matches("fd00:77::12"));
    }

    @Test
    void refusesNamesInsteadOfLookingThemUp() {
        AssignedAddress a = new AssignedAddress("lo", "inet", "127.0.0.1", 8);
        assertThrows(IllegalArgumentException.class, () -> a.matches("localhost"));
    }

    @Test
    void jsonEscapesAndTrailingText() {
        assertEquals(List.of("a\"b\\c\u00e9", 12L, -1.5, true, false),
                Json.parse("[\"a\\\"b\\\\c\\u00e9\", 12, -1.5, true, false]"));
        assertThrows(IllegalArgumentException.class, () -> Json.parse("[1] x"));
    }
}
