package org.keepalive4j.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.keepalive4j.config.model.ForwardingMethod;
import org.keepalive4j.config.model.LvsProtocol;
import org.keepalive4j.config.model.LvsScheduler;
import org.keepalive4j.config.model.RealServer;
import org.keepalive4j.config.model.VirtualServer;
import org.keepalive4j.config.model.check.CheckerCommon;
import org.keepalive4j.config.model.check.DnsCheck;
import org.keepalive4j.config.model.check.HttpCheck;
import org.keepalive4j.config.model.check.HttpUrl;
import org.keepalive4j.config.model.check.TcpCheck;

/** keepalived's defaults (keepalived.conf(5) and its parser), applied to a minimal virtual server. */
class LvsDefaultsTest {

    private static ParsedConfig parse(String text) throws ConfigException {
        return new ConfigParser(ParseOptions.defaults()).parse(text, Path.of("/tmp/x/keepalived.conf"));
    }

    @Test
    void minimalTcpCheck() throws Exception {
        ParsedConfig p = parse("virtual_server 10.0.0.1 80 {\n real_server 10.0.1.1 {\n  TCP_CHECK {\n  }\n }\n}\n");
        VirtualServer vs = p.config().virtualServers().get(0);
        assertEquals(Duration.ofSeconds(60), vs.delayLoop());
        assertEquals(Duration.ofSeconds(5), vs.connectTimeout());
        assertEquals(LvsScheduler.WLC, vs.scheduler());
        assertEquals(ForwardingMethod.Kind.NAT, vs.forwarding().kind());
        assertEquals(LvsProtocol.UDP, vs.protocol(), "keepalived defaults an unset protocol to UDP, with a warning");
        assertEquals(1, vs.quorum());
        assertEquals(0, vs.hysteresis());
        assertFalse(vs.alpha());
        assertFalse(vs.omega());
        assertNull(vs.persistenceTimeout());
        assertTrue(p.warnings().stream().anyMatch(w -> w.message().contains("no protocol set")));

        RealServer rs = vs.realServers().get(0);
        assertEquals(1, rs.weight());
        assertEquals(80, rs.port(), "a NAT real server without a port takes the virtual server's");
        assertFalse(rs.inhibitOnFailure());
        assertTrue(rs.smtpAlert(), "real servers alert by default unless global_defs says otherwise");

        CheckerCommon cc = assertInstanceOf(TcpCheck.class, rs.checkers().get(0)).common();
        assertEquals(InetAddress.getByName("10.0.1.1"), cc.connectIp());
        assertEquals(80, cc.connectPort());
        assertEquals(Duration.ofSeconds(5), cc.connectTimeout());
        assertEquals(1, cc.retry());
        assertEquals(Duration.ofSeconds(1), cc.delayBeforeRetry());
        assertEquals(Duration.ofSeconds(60), cc.delayLoop());
        assertEquals(Duration.ofSeconds(60), cc.warmup(), "warmup defaults to the delay_loop");
        assertNull(cc.bindto());
    }

    @Test
    void checkerTypeDefaultsAndInheritance() throws Exception {
        ParsedConfig p = parse("virtual_server 10.0.0.1 80 {\n protocol TCP\n delay_loop 10\n connect_timeout 2\n"
                + " real_server 10.0.1.1 80 {\n  delay_loop 4\n"
                + "  HTTP_GET {\n   url {\n    path /\n   }\n  }\n"
                + "  DNS_CHECK {\n  }\n }\n}\n");
        RealServer rs = p.config().virtualServers().get(0).realServers().get(0);
        HttpCheck h = assertInstanceOf(HttpCheck.class, rs.checkers().get(0));
        assertEquals(Duration.ofSeconds(3), h.common().delayBeforeRetry(), "HTTP waits 3 s before a retry");
        assertEquals(1, h.common().retry());
        assertEquals(Duration.ofSeconds(4), h.common().delayLoop());
        assertEquals(Duration.ofSeconds(2), h.common().connectTimeout());
        assertEquals(HttpUrl.DEFAULT_STATUS_CODES, h.urls().get(0).statusCodes());
        assertEquals(HttpCheck.HttpProtocol.HTTP_1_0, h.httpProtocol());
        DnsCheck d = assertInstanceOf(DnsCheck.class, rs.checkers().get(1));
        assertEquals(3, d.common().retry());
        assertEquals(Duration.ofSeconds(4), d.common().delayBeforeRetry(), "DNS waits delay_loop before a retry");
        assertEquals("SOA", d.type());
        assertEquals(".", d.name());
    }
}
