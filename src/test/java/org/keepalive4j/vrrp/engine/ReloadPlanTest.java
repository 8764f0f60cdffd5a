package org.keepalive4j.vrrp.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.keepalive4j.config.ConfigException;
import org.keepalive4j.config.ConfigParser;
import org.keepalive4j.config.ParseOptions;
import org.keepalive4j.config.model.KeepalivedConfig;
import org.keepalive4j.vrrp.engine.ReloadPlan.Action;

/** Which reloads a running instance follows in place and which restart it. */
class ReloadPlanTest {

    private static final String BASE = """
            vrrp_script chk {
              script "/bin/true"
              weight -20
            }
            vrrp_instance VI_1 {
              state MASTER
              interface eth0
              virtual_router_id 51
              priority 150
              advert_int 1
              authentication {
                auth_type PASS
                auth_pass secret1
              }
              track_script {
                chk
              }
              virtual_ipaddress {
                10.0.0.100/24
              }
            }
            """;

    private static KeepalivedConfig parse(String text) {
        try {
            return new ConfigParser(ParseOptions.defaults()).parse(text, Path.of("/tmp/x/keepalived.conf")).config();
        } catch (ConfigException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    private static ReloadPlan.Decision decide(String after) {
        KeepalivedConfig a = parse(BASE);
        KeepalivedConfig b = parse(after);
        return ReloadPlan.decide(a, b, a.vrrpInstance("VI_1").orElseThrow(), b.vrrpInstance("VI_1").orElseThrow());
    }

    private static void assertDecision(Action action, List<String> changed, String after) {
        ReloadPlan.Decision d = decide(after);
        assertEquals(action, d.action(), d.toString());
        assertEquals(changed, d.changed());
    }

    @Test
    void theSameFileKeepsTheInstanceEvenWhenBlocksMoved() {
        assertDecision(Action.KEEP, List.of(), BASE);
        assertDecision(Action.KEEP, List.of(), "\n\n# moved down\n" + BASE);
    }

    @Test
    void whatARunningRouterCanFollowIsChangedInPlace() {
        assertDecision(Action.IN_PLACE, List.of("priority"), BASE.replace("priority 150", "priority 120"));
        assertDecision(Action.IN_PLACE, List.of("advertInterval"), BASE.replace("advert_int 1", "advert_int 2"));
        assertDecision(Action.IN_PLACE, List.of("virtualAddresses"),
                BASE.replace("10.0.0.100/24", "10.0.0.100/24\n    10.0.0.101/24"));
        assertDecision(Action.IN_PLACE, List.of("authentication"), BASE.replace("secret1", "secret2"));
        assertDecision(Action.IN_PLACE, List.of("preemptDelay"),
                BASE.replace("  advert_int 1\n", "  advert_int 1\n  preempt_delay 5\n"));
        // nopreempt also makes keepalived start a "state MASTER" instance as BACKUP: both are start-up facts
        assertEquals(Action.IN_PLACE, decide(BASE.replace("  advert_int 1\n", "  advert_int 1\n  nopreempt\n")).action());
        assertDecision(Action.IN_PLACE, List.of("trackInterfaces"),
                BASE.replace("  track_script {", "  track_interface {\n    eth1\n  }\n  track_script {"));
        assertDecision(Action.IN_PLACE, List.of("notifyScripts"),
                BASE.replace("  advert_int 1\n", "  advert_int 1\n  notify_master \"/bin/true\"\n"));
        assertDecision(Action.IN_PLACE, List.of("vrrp_script chk"), BASE.replace("weight -20", "weight -30"));
    }

    @Test
    void whatIdentifiesTheVirtualRouterOnTheWireRestartsIt() {
        assertDecision(Action.RESTART, List.of("virtualRouterId"), BASE.replace("virtual_router_id 51", "virtual_router_id 52"));
        assertDecision(Action.RESTART, List.of("interfaceName"), BASE.replace("interface eth0", "interface eth1"));
        // VRRPv3 has no authentication: the parser drops the block
        assertDecision(Action.RESTART, List.of("version", "authentication"), BASE.replace("  advert_int 1\n", "  advert_int 1\n  version 3\n"));
        // (with AH, "state MASTER" starts as BACKUP, a keepalived quirk the parser keeps)
        assertDecision(Action.RESTART, List.of("initialState", "authentication"),
                BASE.replace("auth_type PASS", "auth_type AH"));
        assertDecision(Action.RESTART, List.of("priority"), BASE.replace("priority 150", "priority 255"));
        assertDecision(Action.RESTART, List.of("unicastPeers"),
                BASE.replace("  advert_int 1\n", "  advert_int 1\n  unicast_peer {\n    10.0.0.2\n  }\n"));
        assertDecision(Action.RESTART, List.of("vrrp_sync_group"),
                BASE + "vrrp_sync_group G1 {\n  group {\n    VI_1\n  }\n}\n");
    }
}
