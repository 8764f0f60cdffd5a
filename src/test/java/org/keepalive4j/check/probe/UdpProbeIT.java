package org.keepalive4j.check.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.keepalive4j.config.model.check.UdpCheck;
import org.keepalive4j.testlib.Root;

/** UDP_CHECK against real UDP sockets on loopback: an echo server, a silent one, a closed port. */
class UdpProbeIT {

    private static final Duration TIMEOUT = Duration.ofMillis(1000);
    private static final InetAddress LO = ProbeTesting.loopback();
    private static ProbeTesting t;

    @BeforeAll
    static void setUp() {
        Root.assume();
        t = new ProbeTesting();
    }

    @AfterAll
    static void tearDown() {
        if (t != null) {
            t.close();
        }
    }

    private static Probe udp(InetAddress ip, int port, String payload, boolean requireReply, String pattern, int min,
                             int max) {
        return t.probes.create(new UdpCheck(ProbeTesting.common(ip, port, TIMEOUT), payload, requireReply, pattern, min,
                max, ProbeTesting.HERE));
    }

    private static Probe udp(int port, String payload, boolean requireReply, String pattern) {
        return udp(LO, port, payload, requireReply, pattern, 0, UdpCheck.DEFAULT_MAX_REPLY_LENGTH);
    }

    @Test
    void aReplyMatchingThePatternIsUp() throws Exception {
        try (UdpEchoServer s = new UdpEchoServer(LO, 0, false); Probe p = udp(s.port(), "0102AB", true, "0102XB")) {
            ProbeTesting.run(p).assertUp().assertWithin(TIMEOUT);
            assertEquals(1, s.received.get());
        }
    }

    @Test
    void aReplyNotMatchingThePatternIsDown() throws Exception {
        try (UdpEchoServer s = new UdpEchoServer(LO, 0, false); Probe p = udp(s.port(), "0102AB", true, "0103")) {
            ProbeTesting.run(p).assertDown("reply byte 1 is 02, pattern wants 03");
        }
    }

    @Test
    void aReplyOutsideTheLengthsIsDown() throws Exception {
        try (UdpEchoServer s = new UdpEchoServer(LO, 0, false);
             Probe p = udp(LO, s.port(), "0102AB", true, "01", 10, 20)) {
            ProbeTesting.run(p).assertDown("reply of 3 bytes, expected 10..20");
        }
    }

    @Test
    void aRandomPayloadIsSentWhenNoneIsConfigured() throws Exception {
        try (UdpEchoServer s = new UdpEchoServer(LO, 0, false); Probe p = udp(s.port(), null, true, null)) {
            ProbeResult r = ProbeTesting.run(p).assertUp().result();
            assertEquals("reply of " + UdpProbe.RANDOM_PAYLOAD_LENGTH + " bytes", r.detail());
        }
    }

    @Test
    void aClosedPortIsDownByIcmpAtOnce() throws Exception {
        int port = UdpEchoServer.freePort(LO);
        for (boolean requireReply : new boolean[] {false, true}) {
            try (Probe p = udp(port, "00", requireReply, null)) {
                ProbeTesting.Timed r = ProbeTesting.run(p).assertDown("port unreachable");
                assertTrue(r.elapsed().compareTo(TIMEOUT) < 0, "ICMP ends the attempt before the timeout: " + r);
            }
        }
    }

    @Test
    void silenceIsUpWithoutRequireReply() throws Exception {
        try (UdpEchoServer s = new UdpEchoServer(LO, 0, true); Probe p = udp(s.port(), "00", false, null)) {
            ProbeTesting.run(p).assertUp().assertAtLeast(TIMEOUT).assertWithin(TIMEOUT);
            assertEquals(1, s.received.get());
        }
    }

    @Test
    void silenceIsDownByTimeoutWithRequireReply() throws Exception {
        try (UdpEchoServer s = new UdpEchoServer(LO, 0, true); Probe p = udp(s.port(), "00", true, null)) {
            ProbeTesting.run(p).assertDown("no reply within 1000 ms").assertAtLeast(TIMEOUT).assertWithin(TIMEOUT);
        }
    }

    @Test
    void recoversWhenTheServerComesBack() throws Exception {
        int port;
        try (UdpEchoServer s = new UdpEchoServer(LO, 0, false)) {
            port = s.port();
            try (Probe p = udp(port, "AA", true, "AA")) {
                ProbeTesting.run(p).assertUp();
            }
        }
        try (Probe p = udp(port, "AA", true, "AA")) {
            ProbeTesting.run(p).assertDown("port unreachable");
            try (UdpEchoServer s = new UdpEchoServer(LO, port, false)) {
                ProbeTesting.run(p).assertUp();
            }
            ProbeTesting.run(p).assertDown("port unreachable");
        }
    }

    @Test
    void worksOverIpv6() throws Exception {
        InetAddress v6 = ProbeTesting.address("::1");
        try (UdpEchoServer s = new UdpEchoServer(v6, 0, false); Probe p = udp(v6, s.port(), "C0FFEE", true, "C0FFEE", 0, 255)) {
            ProbeTesting.run(p).assertUp();
        }
    }
}
