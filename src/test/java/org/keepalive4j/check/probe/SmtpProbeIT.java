package org.keepalive4j.check.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.keepalive4j.config.model.check.CheckerCommon;
import org.keepalive4j.config.model.check.SmtpCheck;
import org.keepalive4j.testlib.Root;

/** SMTP_CHECK against real SMTP responders on loopback. */
class SmtpProbeIT {

    private static final Duration TIMEOUT = Duration.ofMillis(1500);
    private static final String OK_GREETING = "220 mx.test ESMTP\r\n";
    private static final String OK_HELO = "250 mx.test\r\n";
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

    private static Probe smtp(int port, List<CheckerCommon> hosts) {
        return t.probes.create(new SmtpCheck(ProbeTesting.common(ProbeTesting.loopback(), port, TIMEOUT),
                "checker.test", hosts, ProbeTesting.HERE));
    }

    private static Probe smtp(int port) {
        return smtp(port, List.of());
    }

    @Test
    void upAfterGreetingHeloAndQuit() throws Exception {
        try (SmtpResponder s = new SmtpResponder(ProbeTesting.loopback(), 0, OK_GREETING, OK_HELO); Probe p = smtp(s.port())) {
            ProbeTesting.run(p).assertUp().assertWithin(TIMEOUT);
            assertEquals(List.of("HELO checker.test", "QUIT"), s.received);
        }
    }

    @Test
    void aMultiLineGreetingIsAccepted() throws Exception {
        try (SmtpResponder s = new SmtpResponder(ProbeTesting.loopback(), 0, "220-mx.test\r\n220 ready\r\n", OK_HELO);
             Probe p = smtp(s.port())) {
            ProbeTesting.run(p).assertUp();
        }
    }

    @Test
    void downWhenTheGreetingIs554() throws Exception {
        try (SmtpResponder s = new SmtpResponder(ProbeTesting.loopback(), 0, "554 no service\r\n", OK_HELO);
             Probe p = smtp(s.port())) {
            ProbeTesting.run(p).assertDown("greeting 554, expected 220");
        }
    }

    @Test
    void downWhenHeloIsRefused() throws Exception {
        try (SmtpResponder s = new SmtpResponder(ProbeTesting.loopback(), 0, OK_GREETING, "501 bad helo\r\n");
             Probe p = smtp(s.port())) {
            ProbeTesting.run(p).assertDown("HELO answered 501");
        }
    }

    @Test
    void downWhenRefused() throws Exception {
        try (Probe p = smtp(TcpProbeIT.freePort())) {
            ProbeTesting.run(p).assertDown("connection refused");
        }
    }

    @Test
    void downByTimeoutWhenTheServerNeverGreets() throws Exception {
        try (SmtpResponder s = new SmtpResponder(ProbeTesting.loopback(), 0, null, OK_HELO); Probe p = smtp(s.port())) {
            ProbeTesting.run(p).assertDown("timeout after 1500 ms").assertAtLeast(TIMEOUT).assertWithin(TIMEOUT);
        }
    }

    @Test
    void recoversWhenTheServerComesBack() throws Exception {
        int port;
        try (SmtpResponder s = new SmtpResponder(ProbeTesting.loopback(), 0, OK_GREETING, OK_HELO)) {
            port = s.port();
        }
        try (Probe p = smtp(port)) {
            ProbeTesting.run(p).assertDown("connection refused");
            try (SmtpResponder s = new SmtpResponder(ProbeTesting.loopback(), port, OK_GREETING, OK_HELO)) {
                ProbeTesting.run(p).assertUp();
            }
            ProbeTesting.run(p).assertDown("connection refused");
        }
    }

    @Test
    void everyHostBlockMustPass() throws Exception {
        InetAddress other = ProbeTesting.address("127.0.0.3");
        try (SmtpResponder main = new SmtpResponder(ProbeTesting.loopback(), 0, OK_GREETING, OK_HELO);
             SmtpResponder good = new SmtpResponder(other, 0, OK_GREETING, OK_HELO);
             SmtpResponder bad = new SmtpResponder(other, 0, "421 busy\r\n", OK_HELO)) {
            CheckerCommon goodHost = ProbeTesting.common(other, good.port(), TIMEOUT);
            CheckerCommon badHost = ProbeTesting.common(other, bad.port(), TIMEOUT);
            try (Probe p = smtp(main.port(), List.of(goodHost))) {
                ProbeTesting.run(p).assertUp();
            }
            try (Probe p = smtp(main.port(), List.of(goodHost, badHost))) {
                ProbeResult r = ProbeTesting.run(p).assertDown("greeting 421").result();
                assertTrue(r.detail().startsWith("127.0.0.3:" + bad.port()), r.detail());
            }
        }
    }
}
