package org.keepalive4j.check.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.keepalive4j.testlib.NetSnmp;
import org.keepalive4j.testlib.Root;

/**
 * The check engine across the daemon's life: ha_suspend following a VRRP instance of the same daemon,
 * a SIGHUP that changes the pool without flapping the rest (an SNMP drain survives it), misc_dynamic
 * weights against an operator's drain, and omega's scripts at SIGTERM.
 */
class CheckLifecycleIT {

    private static final Duration SOON = Duration.ofSeconds(15);
    private static final String VS = "10.77.0.100:8080/TCP";
    private CheckLab lab;

    @BeforeAll
    static void root() {
        Root.assume();
    }

    @AfterEach
    void close() {
        if (lab != null) {
            lab.close();
        }
    }

    private static String vrrp(int priority) {
        return "vrrp_instance VI_1 {\n state BACKUP\n interface eth0\n virtual_router_id 51\n priority " + priority
                + "\n advert_int 1\n virtual_ipaddress {\n  10.77.0.100/24\n }\n}\n";
    }

    private static String tcpServer(int host, int port, String extra) {
        return " real_server 10.77.0." + (10 + host) + " " + port + " {\n  weight 1\n" + extra
                + "  TCP_CHECK {\n   connect_timeout 1\n   retry 0\n  }\n }\n";
    }

    @Test
    void ha_suspend_checks_only_while_the_vrrp_instance_holds_the_address() {
        lab = new CheckLab(3);
        lab.startServer(2, 8080);
        String attempts = "check." + VS + ".10.77.0.12:8080.attempts";
        lab.startDaemon(vrrp(100) + "virtual_server 10.77.0.100 8080 {\n delay_loop 1\n ha_suspend\n lb_algo rr\n"
                + " lb_kind DR\n protocol TCP\n" + tcpServer(2, 8080, "") + "}\n");
        // BACKUP at start: no VIP, no checks
        lab.awaitLog("Suspending healthcheckers of VS " + VS, SOON);
        assertFalse(lab.director().hasAddress("10.77.0.100"));
        assertEquals(0, lab.stat(attempts), "checks while the VIP is absent");

        // alone on the link it becomes MASTER, adds the VIP, and the checks start
        lab.awaitLog("Activating healthcheckers of VS " + VS, SOON);
        assertTrue(lab.director().hasAddress("10.77.0.100"));
        lab.await(() -> lab.stat(attempts) >= 2, SOON, "checks while MASTER");

        // a better peer takes the VIP: BACKUP again, checks pause
        lab.startPeer(3, vrrp(200), "-P");
        lab.awaitLog("healthcheckers of VS " + VS + " (ha_suspend: address gone)", SOON);
        assertFalse(lab.director().hasAddress("10.77.0.100"));
        long paused = lab.stat(attempts);
        CheckLab.sleep(3000);
        assertEquals(paused, lab.stat(attempts), "checks ran while BACKUP");
    }

    @Test
    void a_reload_changes_only_what_changed_and_keeps_an_operator_drain_and_omega_runs_scripts_at_stop() {
        lab = new CheckLab(4);
        lab.startServer(2, 8080);
        lab.startServer(3, 8080);
        lab.startServer(4, 8080);
        NetSnmp snmp = lab.snmp();
        String rec = lab.recorder();
        String head = "virtual_server 10.77.0.100 8080 {\n delay_loop 1\n lb_algo rr\n lb_kind NAT\n protocol TCP\n"
                + " omega\n quorum_down \"" + rec + " quorum_down\"\n";
        String s12 = tcpServer(2, 8080, "  notify_down \"" + rec + " down12\"\n");
        lab.startDaemon(head + s12 + tcpServer(3, 8080, "") + "}\n", "-C", "-x", "-A", snmp.agentxSocket());
        lab.await(() -> snmp.get("KEEPALIVED-MIB::realServerStatus.1.1").equals("alive"), SOON, "registered");
        assertTrue(snmp.set("KEEPALIVED-MIB::realServerWeight.1.1", "i", "0").ok());
        lab.awaitLog("Dataplane: weight of 10.77.0.12:8080 in " + VS + " 1 -> 0", SOON);

        // SIGHUP: .13 goes, .14 comes, .12 stays as it was (drained, no flap); the backend asked for changes
        // too, which only a restart applies: the running one stays and the log says so
        Path conf = lab.director().workDir().resolve("keepalived.conf");
        CheckLab.write(conf, "global_defs {\n lvs_dataplane nftables\n}\n" + head + s12 + tcpServer(4, 8080, "") + "}\n");
        lab.daemon().signal("HUP");
        lab.awaitLog("Removing service 10.77.0.13:8080 from VS " + VS, SOON);
        lab.awaitLog("Dataplane: adding 10.77.0.14:8080 weight 1 to " + VS, SOON);
        String log = lab.log();
        assertTrue(log.contains("lvs_dataplane changed from logging to nftables: the logging dataplane stays in use"
                + " until a restart"), log);
        assertFalse(log.contains("Removing service 10.77.0.12:8080"), "the unchanged server flapped:\n" + log);
        assertEquals(1, CheckLab.count(log, "Dataplane: adding 10.77.0.12:8080"), log);
        String data = lab.data();
        assertTrue(data.contains("Destination 10.77.0.12:8080 weight 0"), "the drain survives a reload\n" + data);
        assertFalse(data.contains("Destination 10.77.0.13:8080"), data);
        assertEquals("0", snmp.get("KEEPALIVED-MIB::realServerWeight.1.1"));

        // SIGTERM with omega: notify_down and quorum_down run on the way out
        lab.daemon().signal("TERM");
        lab.daemon().waitForExit(Duration.ofSeconds(20));
        assertTrue(lab.log().contains("Shutting down service 10.77.0.12:8080 from VS " + VS), lab.log());
        lab.await(() -> lab.events().contains("down12") && lab.events().contains("quorum_down"), SOON,
                "omega scripts at stop; recorded: " + lab.events());
    }

    @Test
    void misc_dynamic_sets_the_weight_but_never_undoes_a_drain() {
        lab = new CheckLab(2);
        NetSnmp snmp = lab.snmp();
        Path status = lab.directorFile("status", "0\n", false);
        Path script = lab.directorFile("misc", "#!/bin/sh\nexit $(cat " + status + ")\n", true);
        lab.startDaemon("virtual_server 10.77.0.100 8080 {\n delay_loop 1\n lb_algo rr\n lb_kind NAT\n protocol TCP\n"
                + " real_server 10.77.0.12 8080 {\n  weight 2\n  MISC_CHECK {\n   misc_path \"" + script + "\"\n"
                + "   misc_timeout 2\n   misc_dynamic\n   retry 0\n  }\n }\n}\n", "-C", "-x", "-A", snmp.agentxSocket());
        lab.await(() -> lab.data().contains("Destination 10.77.0.12:8080 weight 2"), SOON, "configured weight");
        CheckLab.write(status, "7\n"); // exit 7: weight 5
        lab.awaitLog("Dataplane: weight of 10.77.0.12:8080 in " + VS + " 2 -> 5", SOON);
        lab.await(() -> snmp.get("KEEPALIVED-MIB::realServerStatus.1.1").equals("alive"), SOON, "registered");
        assertTrue(snmp.set("KEEPALIVED-MIB::realServerWeight.1.1", "i", "0").ok());
        lab.awaitLog("Dataplane: weight of 10.77.0.12:8080 in " + VS + " 5 -> 0", SOON);
        CheckLab.write(status, "12\n"); // exit 12 asks for weight 10: the drain wins
        CheckLab.sleep(3000);
        assertTrue(lab.data().contains("Destination 10.77.0.12:8080 weight 0"), lab.data());
        assertTrue(snmp.set("KEEPALIVED-MIB::realServerWeight.1.1", "i", "2").ok()); // lift the drain
        lab.awaitLog("Dataplane: weight of 10.77.0.12:8080 in " + VS + " 0 -> 10", SOON);
        CheckLab.write(status, "1\n"); // exit 1: down
        lab.awaitLog("Removing service 10.77.0.12:8080 from VS " + VS, SOON);
    }
}
