package org.keepalive4j.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.keepalive4j.config.model.ForwardingMethod;
import org.keepalive4j.config.model.KeepalivedConfig;
import org.keepalive4j.config.model.LvsProtocol;
import org.keepalive4j.config.model.LvsScheduler;
import org.keepalive4j.config.model.RealServer;
import org.keepalive4j.config.model.VirtualServer;
import org.keepalive4j.config.model.VirtualServerGroup;
import org.keepalive4j.config.model.check.Checker;
import org.keepalive4j.config.model.check.CheckerCommon;
import org.keepalive4j.config.model.check.HttpCheck;
import org.keepalive4j.config.model.check.MiscCheck;
import org.keepalive4j.config.model.check.PingCheck;
import org.keepalive4j.config.model.check.SmtpCheck;
import org.keepalive4j.config.model.check.StatusCodeRange;
import org.keepalive4j.config.model.check.TcpCheck;
import org.keepalive4j.config.model.check.UdpCheck;

/** The LVS parts of the sample configurations Debian's keepalived package ships. */
class LvsSamplesTest {

    private static final Path SAMPLES = Path.of("/usr/share/doc/keepalived/samples");

    private static KeepalivedConfig sample(String suffix) throws Exception {
        assumeTrue(Files.isDirectory(SAMPLES), SAMPLES + " is missing: install the keepalived package to run"
                + " the sample tests");
        return new ConfigParser(ParseOptions.defaults()).parse(SAMPLES.resolve("keepalived.conf." + suffix)).config();
    }

    private static InetAddress ip(String s) throws Exception {
        return InetAddress.getByName(s);
    }

    private static <T extends Checker> T only(RealServer rs, Class<T> kind) {
        assertEquals(1, rs.checkers().size());
        return assertInstanceOf(kind, rs.checkers().get(0));
    }

    @Test
    void httpGetPort() throws Exception {
        KeepalivedConfig c = sample("HTTP_GET.port");
        VirtualServer vs = c.virtualServers().get(0);
        assertEquals(new VirtualServer.Address(ip("192.168.200.100"), 443), vs.target());
        assertEquals(Duration.ofSeconds(6), vs.delayLoop());
        assertEquals(50, vs.persistenceTimeout());
        HttpCheck h = only(vs.realServers().get(0), HttpCheck.class);
        assertTrue(h.tls());
        assertEquals(444, h.common().connectPort());
        assertEquals(ip("192.168.201.100"), h.common().connectIp());
        assertEquals(Duration.ofSeconds(3), h.common().connectTimeout());
        assertEquals(3, h.common().retry());
        assertEquals(Duration.ofSeconds(3), h.common().delayBeforeRetry());
    }

    @Test
    void sslGet() throws Exception {
        KeepalivedConfig c = sample("SSL_GET");
        assertEquals(2, c.virtualServers().size());
        assertEquals(2, c.realServerCount());
        HttpCheck ssl = only(c.virtualServers().get(0).realServers().get(0), HttpCheck.class);
        assertTrue(ssl.tls());
        assertEquals(List.of("/", "/mrtg/"), ssl.urls().stream().map(u -> u.path()).toList());
        assertEquals("ff20ad2481f97b1754ef3e12ecd3a9cc", ssl.urls().get(0).digest());
        assertEquals("9b3a0c85a887a256d6939da88aabd8cd", ssl.urls().get(1).digest());
        HttpCheck http = only(c.virtualServers().get(1).realServers().get(0), HttpCheck.class);
        assertTrue(!http.tls());
        assertEquals(2, http.urls().size());
        assertEquals(ForwardingMethod.Kind.NAT, c.virtualServers().get(1).forwarding().kind());
    }

    @Test
    void smtpCheck() throws Exception {
        KeepalivedConfig c = sample("SMTP_CHECK");
        VirtualServer vs = c.virtualServers().get(0);
        assertEquals(3, vs.realServers().size());
        SmtpCheck first = only(vs.realServers().get(0), SmtpCheck.class);
        assertEquals("foo.bar.com", first.heloName());
        assertEquals(Duration.ofSeconds(30), first.common().connectTimeout());
        assertEquals(2, first.common().retry());
        assertEquals(Duration.ofSeconds(5), first.common().delayBeforeRetry());
        assertTrue(first.hosts().isEmpty());
        SmtpCheck second = only(vs.realServers().get(1), SmtpCheck.class);
        assertEquals(List.of(ip("172.16.1.11"), ip("192.168.155.10"), ip("64.233.167.99")),
                second.hosts().stream().map(CheckerCommon::connectIp).toList());
        SmtpCheck third = only(vs.realServers().get(2), SmtpCheck.class);
        List<CheckerCommon> h = third.hosts();
        assertEquals(3, h.size());
        assertEquals(ip("172.16.1.12"), h.get(0).connectIp());
        assertEquals(25, h.get(0).connectPort());
        assertEquals(ip("172.16.1.2"), h.get(0).bindto());
        assertEquals(ip("192.168.155.11"), h.get(1).connectIp());
        assertEquals(25, h.get(1).connectPort());
        assertEquals(ip("192.168.155.2"), h.get(1).bindto());
        assertEquals(ip("64.233.167.100"), h.get(2).connectIp());
        assertEquals(587, h.get(2).connectPort());
        assertNull(h.get(2).bindto());
    }

    @Test
    void quorum() throws Exception {
        KeepalivedConfig c = sample("quorum");
        VirtualServer vs = c.virtualServers().get(0);
        assertEquals(10, vs.realServers().size());
        assertEquals(7, vs.quorum());
        assertEquals(2, vs.hysteresis());
        assertTrue(vs.alpha());
        assertTrue(vs.omega());
        assertEquals(LvsScheduler.WRR, vs.scheduler());
        assertEquals(900, vs.persistenceTimeout());
        assertEquals("/usr/local/sbin/quorum-up.sh", vs.quorumUp().command());
        assertEquals("/usr/local/sbin/quorum-down.sh", vs.quorumDown().command());
        for (RealServer rs : vs.realServers()) {
            TcpCheck t = only(rs, TcpCheck.class);
            assertEquals(80, t.common().connectPort());
            assertEquals(8080, rs.port());
            assertTrue(rs.alpha(), "alpha is inherited from the virtual server");
        }
    }

    @Test
    void virtualServerGroup() throws Exception {
        KeepalivedConfig c = sample("virtual_server_group");
        VirtualServerGroup g = c.virtualServerGroup("VSG_1").orElseThrow();
        assertEquals(4, g.addressRanges().size());
        VirtualServerGroup.AddressRange range = g.addressRanges().get(3);
        assertEquals(ip("192.168.200.3"), range.first());
        assertEquals(ip("192.168.200.10"), range.last());
        assertEquals(80, range.port());
        assertEquals(ip("10.0.0.1"), g.addressRanges().get(0).first());
        assertEquals(8080, g.addressRanges().get(0).port());
        assertEquals(List.of(1L, 2L), g.fwmarks().stream().map(VirtualServerGroup.Fwmark::mark).toList());
        VirtualServer vs = c.virtualServers().get(0);
        assertEquals(new VirtualServer.Group("VSG_1"), vs.target());
        assertEquals(2, vs.realServers().size());
        assertEquals("640205b7b0fc66c1ea91c463fac6334d",
                only(vs.realServers().get(1), HttpCheck.class).urls().get(0).digest());
    }

    @Test
    void fwmark() throws Exception {
        KeepalivedConfig c = sample("fwmark");
        VirtualServer vs = c.virtualServers().get(0);
        assertEquals(new VirtualServer.Fwmark(1), vs.target());
        assertNull(vs.protocol(), "IPVS ignores the protocol of a fwmark service");
        assertEquals(2, vs.realServers().size());
        assertNull(vs.realServers().get(0).port());
        assertEquals(80, only(vs.realServers().get(0), TcpCheck.class).common().connectPort());
    }

    @Test
    void miscCheckArg() throws Exception {
        KeepalivedConfig c = sample("misc_check_arg");
        RealServer rs = c.virtualServers().get(0).realServers().get(0);
        MiscCheck m = only(rs, MiscCheck.class);
        assertEquals("/usr/local/bin/script.sh arg1 arg2", m.script().command());
        assertEquals(Duration.ofSeconds(6), m.timeout(), "misc_timeout defaults to the delay_loop");
        assertEquals(0, m.common().retry(), "MISC_CHECK retries 0 times by default");
        assertNull(m.common().connectIp());
    }

    @Test
    void statusCode() throws Exception {
        KeepalivedConfig c = sample("status_code");
        HttpCheck h = only(c.virtualServers().get(0).realServers().get(0), HttpCheck.class);
        assertEquals(List.of(new StatusCodeRange(200, 299), new StatusCodeRange(400, 499), new StatusCodeRange(503, 503),
                new StatusCodeRange(505, 505)), h.urls().get(0).statusCodes());
        assertNull(h.urls().get(0).digest());
        assertEquals(List.of(new StatusCodeRange(200, 200)), h.urls().get(1).statusCodes());
        assertEquals("9b3a0c85a887a256d6939da88aabd8cd", h.urls().get(1).digest());
    }

    @Test
    void ipv6() throws Exception {
        KeepalivedConfig c = sample("IPv6");
        VirtualServerGroup g = c.virtualServerGroup("IPv6_group").orElseThrow();
        assertEquals(ip("ae00::2"), g.addressRanges().get(0).first());
        assertEquals(ip("ae00::9"), g.addressRanges().get(0).last());
        assertTrue(g.addressRanges().get(1).isSingle());
        VirtualServer vs = c.virtualServers().get(0);
        assertEquals(new VirtualServer.Address(ip("ae00::1"), 80), vs.target());
        RealServer rs = vs.realServers().get(0);
        assertEquals(ip("ae00::10"), rs.address());
        SmtpCheck s = only(rs, SmtpCheck.class);
        assertEquals(3, s.common().retry());
        assertEquals("foo.bar.com", s.heloName());
    }

    @Test
    void udpCheck() throws Exception {
        KeepalivedConfig c = sample("UDP_CHECK");
        VirtualServer vs = c.virtualServers().get(0);
        assertEquals(LvsProtocol.UDP, vs.protocol());
        UdpCheck u = only(vs.realServers().get(0), UdpCheck.class);
        assertEquals(3, u.common().retry());
        assertTrue(!u.requireReply(), "require_reply is commented out in the sample");
        assertNull(u.payload());
    }

    @Test
    void pingCheck() throws Exception {
        KeepalivedConfig c = sample("PING_CHECK");
        PingCheck p = only(c.virtualServers().get(0).realServers().get(0), PingCheck.class);
        assertEquals(4, p.common().retry());
        assertEquals(Duration.ofSeconds(1), p.common().delayBeforeRetry());
    }

    @Test
    void inhibit() throws Exception {
        KeepalivedConfig c = sample("inhibit");
        RealServer rs = c.virtualServers().get(0).realServers().get(0);
        assertTrue(rs.inhibitOnFailure());
        assertEquals(1, rs.weight());
        only(rs, HttpCheck.class);
    }

    @Test
    void virtualhost() throws Exception {
        KeepalivedConfig c = sample("virtualhost");
        VirtualServer vs = c.virtualServers().get(0);
        assertEquals("www.firewall.loc", vs.virtualhost());
        HttpCheck h = only(vs.realServers().get(0), HttpCheck.class);
        assertEquals("www.firewall.loc", h.virtualhost(), "the checker inherits the virtual server's virtualhost");
        assertEquals(2, h.urls().size());
    }
}
