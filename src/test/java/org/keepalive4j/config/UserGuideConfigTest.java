package org.keepalive4j.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.keepalive4j.config.model.Authentication;
import org.keepalive4j.config.model.ForwardingMethod;
import org.keepalive4j.config.model.KeepalivedConfig;
import org.keepalive4j.config.model.LvsProtocol;
import org.keepalive4j.config.model.LvsScheduler;
import org.keepalive4j.config.model.RealServer;
import org.keepalive4j.config.model.VirtualServer;
import org.keepalive4j.config.model.check.HttpCheck;
import org.keepalive4j.config.model.check.TcpCheck;
import org.keepalive4j.config.model.VirtualAddress;
import org.keepalive4j.config.model.VrrpInstance;
import org.keepalive4j.config.model.VrrpSyncGroup;

/** The configuration examples of keepalived's user guide, asserted field by field. */
class UserGuideConfigTest {

    static ParsedConfig load(String name) throws IOException {
        try (InputStream in = UserGuideConfigTest.class.getResourceAsStream("/userguide/" + name)) {
            return ConfigTesting.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static void assertInstance(KeepalivedConfig c, String name, VrrpInstance.InitialState state, String ifname,
                                       int vrid, int priority, Authentication auth, List<String> vips) {
        VrrpInstance i = c.vrrpInstance(name).orElseThrow(() -> new AssertionError("no instance " + name));
        assertEquals(state, i.initialState(), name + " state");
        assertEquals(ifname, i.interfaceName(), name + " interface");
        assertEquals(vrid, i.virtualRouterId(), name + " vrid");
        assertEquals(priority, i.priority(), name + " priority");
        assertEquals(Duration.ofSeconds(1), i.advertInterval(), name + " advert_int");
        assertEquals(auth, i.authentication(), name + " authentication");
        assertEquals(vips, i.virtualAddresses().stream().map(VirtualAddress::cidr).toList(), name + " VIPs");
        assertEquals(2, i.version());
        assertTrue(!i.nopreempt());
    }

    private static void assertGroups(KeepalivedConfig c) {
        assertEquals(List.of("VG1", "VG2"), c.syncGroups().stream().map(VrrpSyncGroup::name).toList());
        assertEquals(List.of("VI_1", "VI_2"), c.syncGroup("VG1").orElseThrow().members());
        assertEquals(List.of("VI_3", "VI_4"), c.syncGroup("VG2").orElseThrow().members());
    }

    /** The guide's "k@l!ve1" passwords are cut at '!' (a comment) by keepalived too; so are ours. */
    private static Authentication ah() {
        return new Authentication(Authentication.Type.AH, "k@l");
    }

    @Test
    void failoverDirectorOne() throws IOException {
        ParsedConfig p = load("failover-director1.conf");
        KeepalivedConfig c = p.config();
        assertGroups(c);
        assertEquals(4, c.vrrpInstances().size());
        // AH with initial state MASTER: keepalived clears the MASTER start (warning), as do we.
        assertInstance(c, "VI_1", VrrpInstance.InitialState.BACKUP, "eth0", 51, 150, ah(),
                List.of("192.168.200.10/32", "192.168.200.11/32"));
        assertInstance(c, "VI_2", VrrpInstance.InitialState.BACKUP, "eth1", 52, 150, ah(), List.of("192.168.100.10/32"));
        assertInstance(c, "VI_3", VrrpInstance.InitialState.BACKUP, "eth0", 53, 100, ah(),
                List.of("192.168.200.12/32", "192.168.200.13/32"));
        assertInstance(c, "VI_4", VrrpInstance.InitialState.BACKUP, "eth1", 54, 100, ah(), List.of("192.168.100.11/32"));
        assertTrue(p.warnings().stream().anyMatch(w -> w.message().contains("incompatible with AH")));
    }

    @Test
    void failoverDirectorTwoIsTheMirrorImage() throws IOException {
        KeepalivedConfig c = load("failover-director2.conf").config();
        assertGroups(c);
        assertInstance(c, "VI_1", VrrpInstance.InitialState.BACKUP, "eth0", 51, 100, ah(),
                List.of("192.168.200.10/32", "192.168.200.11/32"));
        assertInstance(c, "VI_3", VrrpInstance.InitialState.BACKUP, "eth0", 53, 150, ah(),
                List.of("192.168.200.12/32", "192.168.200.13/32"));
        assertEquals(150, c.vrrpInstance("VI_4").orElseThrow().priority());
    }

    @Test
    void mixingVrrpAndHealthcheck() throws IOException {
        KeepalivedConfig c = load("mixing.conf").config();
        assertGroups(c);
        Authentication pass = new Authentication(Authentication.Type.PASS, "k@l");
        assertInstance(c, "VI_1", VrrpInstance.InitialState.MASTER, "eth0", 51, 150, pass,
                List.of("192.168.200.10/32", "192.168.200.11/32"));
        assertInstance(c, "VI_2", VrrpInstance.InitialState.MASTER, "eth1", 52, 150, pass, List.of("192.168.100.10/32"));
        assertInstance(c, "VI_3", VrrpInstance.InitialState.BACKUP, "eth0", 53, 100, pass,
                List.of("192.168.200.12/32", "192.168.200.13/32"));
        assertInstance(c, "VI_4", VrrpInstance.InitialState.BACKUP, "eth1", 54, 100, pass, List.of("192.168.100.11/32"));
        assertEquals(List.of("admin@domain.com", "0633225522@domain.com"), c.global().notificationEmails());
        assertEquals("keepalived@domain.com", c.global().notificationEmailFrom());
        assertEquals("192.168.200.20", c.global().smtpServer());
        assertEquals(List.of("LVS_MAIN"), c.global().otherOptions().get("lvs_id"));
        assertEquals(2, c.virtualServers().size());
        assertEquals(4, c.realServerCount());
    }

    private static VirtualServer vs(KeepalivedConfig c, String ip, int port) {
        return c.virtualServers().stream().filter(v -> v.target() instanceof VirtualServer.Address a
                        && a.address().getHostAddress().equals(ip) && a.port() == port).findFirst()
                .orElseThrow(() -> new AssertionError("no virtual server " + ip + ":" + port));
    }

    private static void assertService(VirtualServer v, Duration delayLoop, LvsScheduler algo, int persistence,
                                      List<String> realServers) {
        assertEquals(delayLoop, v.delayLoop());
        assertEquals(algo, v.scheduler());
        assertEquals(ForwardingMethod.Kind.NAT, v.forwarding().kind());
        assertEquals(persistence, v.persistenceTimeout());
        assertEquals(LvsProtocol.TCP, v.protocol());
        assertEquals(realServers, v.realServers().stream()
                .map(r -> r.address().getHostAddress() + ":" + r.port() + "/w" + r.weight()).toList());
    }

    private static void assertHttpCheck(RealServer rs, boolean tls, List<String> pathsAndDigests) {
        assertEquals(1, rs.checkers().size());
        HttpCheck http = (HttpCheck) rs.checkers().get(0);
        assertEquals(tls, http.tls());
        assertEquals(pathsAndDigests, http.urls().stream().map(u -> u.path() + "=" + u.digest()).toList());
        assertEquals(Duration.ofSeconds(3), http.common().connectTimeout());
        assertEquals(3, http.common().retry());
        assertEquals(Duration.ofSeconds(2), http.common().delayBeforeRetry());
    }

    private static void assertTcpCheck(RealServer rs) {
        assertEquals(1, rs.checkers().size());
        TcpCheck tcp = (TcpCheck) rs.checkers().get(0);
        assertEquals(Duration.ofSeconds(3), tcp.common().connectTimeout());
    }

    private static final String D1 = "ec90a42b99ea9a2f5ecbe213ac9eba03";
    private static final String D2 = "640205b7b0fc66c1ea91c463fac6334c";

    @Test
    void healthcheckVirtualServersHttpTcpAndSmtp() throws IOException {
        KeepalivedConfig c = load("healthcheck.conf").config();
        assertEquals(List.of("admin@domain.com", "0633225522@domain.com"), c.global().notificationEmails());
        assertEquals(Duration.ofSeconds(30), c.global().smtpConnectTimeout());
        assertTrue(c.vrrpInstances().isEmpty());
        assertEquals(3, c.virtualServers().size());

        VirtualServer http = vs(c, "192.168.200.15", 80);
        assertService(http, Duration.ofSeconds(30), LvsScheduler.WRR, 50,
                List.of("192.168.100.2:80/w2", "192.168.100.3:80/w1"));
        assertEquals("192.168.100.100", http.sorryServer().address().getHostAddress());
        assertEquals(80, http.sorryServer().port());
        assertHttpCheck(http.realServers().get(0), false, List.of("/testurl/test.jsp=" + D1, "/testurl2/test.jsp=" + D2));
        assertHttpCheck(http.realServers().get(1), false, List.of("/testurl/test.jsp=" + D2));

        VirtualServer ssl = vs(c, "192.168.200.15", 443);
        assertService(ssl, Duration.ofSeconds(20), LvsScheduler.RR, 360,
                List.of("192.168.100.2:443/w1", "192.168.100.3:443/w1"));
        ssl.realServers().forEach(UserGuideConfigTest::assertTcpCheck);

        VirtualServer smtp = vs(c, "192.168.200.15", 25);
        assertService(smtp, Duration.ofSeconds(15), LvsScheduler.WLC, 50,
                List.of("192.168.100.4:25/w1", "192.168.100.5:25/w2"));
        smtp.realServers().forEach(UserGuideConfigTest::assertTcpCheck);
    }

    @Test
    void healthcheckSslVariantWithBraceOnTheNextLine() throws IOException {
        KeepalivedConfig c = load("healthcheck-ssl.conf").config();
        VirtualServer ssl = vs(c, "192.168.200.15", 443);
        assertService(ssl, Duration.ofSeconds(20), LvsScheduler.RR, 360,
                List.of("192.168.100.2:443/w1", "192.168.100.3:443/w1"));
        assertHttpCheck(ssl.realServers().get(0), true, List.of("/testurl/test.jsp=" + D1, "/testurl2/test.jsp=" + D2));
        assertHttpCheck(ssl.realServers().get(1), true, List.of("/testurl/test.jsp=" + D2));
    }

    @Test
    void mixingVirtualServers() throws IOException {
        KeepalivedConfig c = load("mixing.conf").config();
        VirtualServer http = vs(c, "192.168.200.10", 80);
        assertService(http, Duration.ofSeconds(30), LvsScheduler.WRR, 50,
                List.of("192.168.100.2:80/w2", "192.168.100.3:80/w1"));
        assertHttpCheck(http.realServers().get(0), false, List.of("/testurl/test.jsp=" + D1, "/testurl2/test.jsp=" + D2));
        VirtualServer ssl = vs(c, "192.168.200.12", 443);
        assertService(ssl, Duration.ofSeconds(20), LvsScheduler.RR, 360,
                List.of("192.168.100.2:443/w1", "192.168.100.3:443/w1"));
        ssl.realServers().forEach(UserGuideConfigTest::assertTcpCheck);
    }
}
