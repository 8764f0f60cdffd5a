package org.keepalive4j.agentx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.UnixDomainSocketAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MasterAddressTest {

    @Test
    void defaultIsNetSnmpsMasterSocket() {
        assertEquals("unix:/var/agentx/master", MasterAddress.DEFAULT.toString());
        assertEquals(UnixDomainSocketAddress.of("/var/agentx/master"), MasterAddress.DEFAULT.socketAddress());
    }

    @Test
    void unixWithPrefix() {
        MasterAddress a = MasterAddress.parse("unix:/run/snmp/agentx");
        assertEquals(MasterAddress.Kind.UNIX, a.kind());
        assertEquals("/run/snmp/agentx", a.path());
    }

    @Test
    void bareAbsolutePathMeansUnix() {
        assertEquals(MasterAddress.unix("/tmp/agentx"), MasterAddress.parse("/tmp/agentx"));
        assertEquals(MasterAddress.unix("/tmp/agentx"), MasterAddress.parse("  /tmp/agentx  "));
    }

    @Test
    void prefixIsCaseInsensitive() {
        assertEquals(MasterAddress.unix("/x"), MasterAddress.parse("UNIX:/x"));
        assertEquals(MasterAddress.tcp("localhost", 705), MasterAddress.parse("TCP:localhost:705"));
    }

    @Test
    void tcpHostAndPort() {
        MasterAddress a = MasterAddress.parse("tcp:127.0.0.1:705");
        assertEquals(MasterAddress.Kind.TCP, a.kind());
        assertEquals("127.0.0.1", a.host());
        assertEquals(705, a.port());
        assertEquals(new InetSocketAddress("127.0.0.1", 705), a.socketAddress());
        assertEquals("tcp:127.0.0.1:705", a.toString());
    }

    @Test
    void tcpBracketedIpv6() {
        MasterAddress a = MasterAddress.parse("tcp:[::1]:705");
        assertEquals("::1", a.host());
        assertEquals(705, a.port());
        assertEquals("tcp:[::1]:705", a.toString());
        assertEquals(a, MasterAddress.parse(a.toString()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"udp:127.0.0.1:705", "udp6:[::1]:705", "UDP:localhost:161"})
    void udpIsRefusedWithAReason(String spec) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MasterAddress.parse(spec));
        assertTrue(e.getMessage().contains("only unix: and tcp: are supported"), e.getMessage());
        assertTrue(e.getMessage().contains(spec), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "agentx", "unix:", "unix:relative/path", "tcp:host", "tcp:host:", "tcp::705",
        "tcp:host:port", "tcp:host:0", "tcp:host:65536", "ssh:host:22"})
    void malformedIsRefused(String spec) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MasterAddress.parse(spec));
        assertTrue(e.getMessage().startsWith("AgentX"), e.getMessage());
    }

    @Test
    void peerAddressRoundTrips() {
        MasterPeerAddress p = new MasterPeerAddress(MasterAddress.parse("/tmp/m"));
        MasterPeerAddress q = new MasterPeerAddress(MasterAddress.DEFAULT);
        q.setValue(p.toByteArray());
        assertEquals(p, q);
        assertTrue(q.parseAddress("tcp:h:1"));
        assertEquals("tcp:h:1", q.toString());
        assertTrue(!q.parseAddress("udp:h:1"));
    }
}
