package org.keepalive4j.check.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.keepalive4j.testlib.NetSnmp;
import org.keepalive4j.testlib.Root;

/**
 * The operator's health-check stories with the packaged daemon in a lab namespace as director, real
 * servers as TCP listeners in other namespaces, snmpd/snmptrapd beside the daemon. The dataplane is
 * the logging one: its table is read back from the SIGUSR1 dump.
 */
class CheckEngineIT {

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

    private static String tcpCheck(String extra) {
        return "  TCP_CHECK {\n   connect_timeout 1\n" + extra + "  }\n";
    }

    @Test
    void a_stopped_server_is_removed_reported_by_snmp_and_a_trap_and_comes_back_and_an_operator_can_drain_it() {
        lab = new CheckLab(3);
        lab.startServer(2, 8080);
        lab.startServer(3, 8080);
        NetSnmp snmp = lab.snmp();
        String rec = lab.recorder();
        lab.startDaemon("global_defs {\n router_id k4j-check\n enable_traps\n}\n"
                + "virtual_server 10.77.0.100 8080 {\n delay_loop 1\n lb_algo rr\n lb_kind NAT\n protocol TCP\n"
                + " real_server 10.77.0.12 8080 {\n  weight 1\n  notify_up \"" + rec + " up12\"\n"
                + "  notify_down \"" + rec + " down12\"\n" + tcpCheck("   retry 0\n") + " }\n"
                + " real_server 10.77.0.13 8080 {\n  weight 3\n" + tcpCheck("   retry 0\n") + " }\n}\n",
                "-C", "-x", "-A", snmp.agentxSocket());
        lab.await(() -> lab.stat("check." + VS + ".10.77.0.12:8080.attempts") >= 1, SOON, "a first check");
        String data = lab.data();
        assertTrue(data.contains("Destination 10.77.0.12:8080 weight 1"), data);
        assertTrue(data.contains("Destination 10.77.0.13:8080 weight 3"), data);
        lab.await(() -> snmp.get("KEEPALIVED-MIB::realServerStatus.1.1").equals("alive"), SOON,
                "realServerStatus alive through snmpd");

        // the server dies: out of the table, down in the MIB, a trap, notify_down
        lab.stopServer(2, 8080);
        lab.awaitLog("Removing service 10.77.0.12:8080 from VS " + VS, SOON);
        data = lab.data();
        assertFalse(data.contains("Destination 10.77.0.12:8080"), data);
        assertTrue(data.contains("Destination 10.77.0.13:8080 weight 3"), data);
        assertEquals("dead", snmp.get("KEEPALIVED-MIB::realServerStatus.1.1"),
                snmp.get("KEEPALIVED-MIB::realServerStatus.1.1"));
        assertEquals("1", snmp.get("KEEPALIVED-MIB::virtualServerRealServersUp.1"));
        lab.await(() -> snmp.snmptrapd().stdout().contains("realServerStateChange"), SOON, "realServerStateChange trap");
        lab.await(() -> lab.events().contains("down12"), SOON, "notify_down");

        // it comes back
        lab.startServer(2, 8080);
        lab.awaitLog("Adding service 10.77.0.12:8080 to VS " + VS, SOON);
        assertTrue(lab.data().contains("Destination 10.77.0.12:8080 weight 1"));
        lab.await(() -> snmp.get("KEEPALIVED-MIB::realServerStatus.1.1").equals("alive"), SOON, "alive again");
        lab.await(() -> lab.events().contains("up12"), SOON, "notify_up");
        assertTrue(lab.stat("check." + VS + ".10.77.0.12:8080.failures") >= 1);

        // the operator drains .13 through snmpset: weight 0 while healthy, back on the configured weight
        assertTrue(snmp.set("KEEPALIVED-MIB::realServerWeight.1.2", "i", "0").ok());
        lab.awaitLog("Dataplane: weight of 10.77.0.13:8080 in " + VS + " 3 -> 0", SOON);
        CheckLab.sleep(3000); // three check rounds: a healthy result must not undo the drain
        assertTrue(lab.data().contains("Destination 10.77.0.13:8080 weight 0"));
        assertEquals("0", snmp.get("KEEPALIVED-MIB::realServerWeight.1.2"));
        assertTrue(snmp.set("KEEPALIVED-MIB::realServerWeight.1.2", "i", "3").ok());
        lab.awaitLog("Dataplane: weight of 10.77.0.13:8080 in " + VS + " 0 -> 3", SOON);
        assertTrue(lab.data().contains("Destination 10.77.0.13:8080 weight 3"));
    }

    @Test
    void inhibit_quorum_sorry_server_and_alpha() {
        lab = new CheckLab(3);
        lab.startServer(2, 8080);
        lab.startServer(3, 8080);
        lab.startServer(3, 8081);
        lab.startServer(3, 8082);
        NetSnmp snmp = lab.snmp();
        String rec = lab.recorder();
        lab.startDaemon("global_defs {\n router_id k4j-check\n enable_traps\n}\n"
                // quorum 2 of two weight-1 servers: losing one loses quorum and calls the sorry server in
                + "virtual_server 10.77.0.100 8080 {\n delay_loop 1\n lb_algo rr\n lb_kind NAT\n protocol TCP\n"
                + " quorum 2\n quorum_up \"" + rec + " quorum_up\"\n quorum_down \"" + rec + " quorum_down\"\n"
                + " sorry_server 10.77.0.14 8080\n"
                + " real_server 10.77.0.12 8080 {\n  weight 1\n  inhibit_on_failure\n" + tcpCheck("   retry 0\n") + " }\n"
                + " real_server 10.77.0.13 8080 {\n  weight 1\n" + tcpCheck("   retry 0\n") + " }\n}\n"
                // alpha: .12:8081 has no listener yet and must not enter; .13:8081 (no alpha) is in at once
                + "virtual_server 10.77.0.101 8081 {\n delay_loop 1\n lb_algo rr\n lb_kind NAT\n protocol TCP\n"
                + " real_server 10.77.0.12 8081 {\n  weight 1\n  alpha\n" + tcpCheck("   retry 0\n") + " }\n"
                + " real_server 10.77.0.13 8081 {\n  weight 1\n" + tcpCheck("   retry 0\n") + " }\n}\n"
                // default quorum 1: the sorry server comes in when every real server is down
                + "virtual_server 10.77.0.102 8082 {\n delay_loop 1\n lb_algo rr\n lb_kind NAT\n protocol TCP\n"
                + " sorry_server 10.77.0.14 8082\n"
                + " real_server 10.77.0.13 8082 {\n  weight 1\n" + tcpCheck("   retry 0\n") + " }\n}\n",
                "-C", "-x", "-A", snmp.agentxSocket());
        String data = lab.data();
        assertFalse(data.contains("Destination 10.77.0.12:8081"), "alpha: out until its first success\n" + data);
        assertTrue(data.contains("Destination 10.77.0.13:8081 weight 1"), "no alpha: in from the start\n" + data);
        assertFalse(data.contains("Destination 10.77.0.14:8080"), data);

        // .12:8080 dies: inhibit keeps it with weight 0; quorum lost; the sorry server stands in
        lab.stopServer(2, 8080);
        lab.awaitLog("Disabling service 10.77.0.12:8080 of VS " + VS, SOON);
        lab.awaitLog("Lost quorum 2-0=2 > 1 for VS " + VS, SOON);
        data = lab.data();
        assertTrue(data.contains("Destination 10.77.0.12:8080 weight 0"), data);
        assertTrue(data.contains("Destination 10.77.0.14:8080 weight 1"), data);
        assertFalse(data.contains("Destination 10.77.0.13:8080"), "alive servers leave while the sorry server serves\n"
                + data);
        lab.await(() -> lab.events().contains("quorum_down"), SOON, "quorum_down script");
        lab.await(() -> snmp.snmptrapd().stdout().contains("virtualServerQuorumStateChange"), SOON, "quorum trap");
        assertTrue(snmp.get("KEEPALIVED-MIB::virtualServerQuorumStatus.1").contains("notMet"),
                snmp.get("KEEPALIVED-MIB::virtualServerQuorumStatus.1"));

        // back: quorum regained, sorry server out, both servers in
        lab.startServer(2, 8080);
        lab.awaitLog("Gained quorum 2+0=2 <= 2 for VS " + VS, SOON);
        lab.await(() -> lab.events().contains("quorum_up"), SOON, "quorum_up script");
        data = lab.data();
        assertTrue(data.contains("Destination 10.77.0.12:8080 weight 1"), data);
        assertTrue(data.contains("Destination 10.77.0.13:8080 weight 1"), data);
        assertFalse(data.contains("Destination 10.77.0.14:8080"), data);

        // alpha server gets its listener: enters on the first success
        lab.startServer(2, 8081);
        lab.awaitLog("Adding service 10.77.0.12:8081 to VS 10.77.0.101:8081/TCP", SOON);
        // the no-alpha one loses its listener: removed on its first failure
        lab.stopServer(3, 8081);
        lab.awaitLog("Removing service 10.77.0.13:8081 from VS 10.77.0.101:8081/TCP", SOON);

        // all real servers down: the sorry server comes in; one back: it leaves
        lab.stopServer(3, 8082);
        lab.awaitLog("Adding sorry server 10.77.0.14:8082 to VS 10.77.0.102:8082/TCP", SOON);
        data = lab.data();
        assertTrue(data.contains("Destination 10.77.0.14:8082 weight 1"), data);
        assertFalse(data.contains("Destination 10.77.0.13:8082"), data);
        lab.startServer(3, 8082);
        lab.awaitLog("Removing sorry server 10.77.0.14:8082 from VS 10.77.0.102:8082/TCP", SOON);
        data = lab.data();
        assertTrue(data.contains("Destination 10.77.0.13:8082 weight 1"), data);
        assertFalse(data.contains("Destination 10.77.0.14:8082"), data);
    }

    @Test
    void a_server_is_marked_down_after_retry_times_delay_before_retry_and_not_before() {
        lab = new CheckLab(2);
        lab.startServer(2, 8080);
        // -C: the VRRP instance in the same file must not run (its VIP would appear within ~1 s as MASTER)
        lab.startDaemon("vrrp_instance VI_1 {\n state MASTER\n interface eth0\n virtual_router_id 51\n priority 150\n"
                + " advert_int 1\n virtual_ipaddress {\n  10.77.0.100/24\n }\n}\n"
                + "virtual_server 10.77.0.100 8080 {\n delay_loop 2\n lb_algo rr\n lb_kind NAT\n protocol TCP\n"
                + " real_server 10.77.0.12 8080 {\n  weight 1\n"
                + tcpCheck("   retry 3\n   delay_before_retry 1\n") + " }\n}\n", "-C");
        lab.await(() -> lab.stat("check." + VS + ".10.77.0.12:8080.attempts") >= 1, SOON, "a first check");
        long stopped = System.nanoTime();
        lab.stopServer(2, 8080);
        lab.awaitLog("Removing service 10.77.0.12:8080 from VS " + VS, SOON);
        double seconds = (System.nanoTime() - stopped) / 1e9;
        // refused connections fail at once: the first failure within one delay_loop (2 s), then 3 retries 1 s apart
        assertTrue(seconds >= 3.0, "marked down after " + seconds + " s, before 3 × delay_before_retry");
        assertTrue(seconds <= 3.0 + 2.0 + 1.5, "marked down only after " + seconds + " s");
        assertEquals(3, CheckLab.count(lab.log(), "; retry "), lab.log());
        assertFalse(lab.director().hasAddress("10.77.0.100"), "-C ran the VRRP instance");
    }
}
