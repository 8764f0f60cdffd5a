package org.keepalive4j.check.probe;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.keepalive4j.config.model.check.Checker;
import org.keepalive4j.config.model.check.CheckerCommon;
import org.keepalive4j.config.model.check.DnsCheck;
import org.keepalive4j.config.model.check.PingCheck;
import org.keepalive4j.config.model.check.SmtpCheck;
import org.keepalive4j.config.model.check.TcpCheck;
import org.keepalive4j.config.model.check.UdpCheck;
import org.keepalive4j.testlib.Host;
import org.keepalive4j.testlib.ManagedProcess;
import org.keepalive4j.testlib.NamespaceThread;
import org.keepalive4j.testlib.NetnsLab;
import org.keepalive4j.testlib.Root;

/**
 * Connection options and ICMP errors of the probes, from lab host h1 to h2 (which runs a Python UDP echo
 * server, the DNS responder and an SMTP responder): fwmark steers packets through h1's policy routing, bind_if
 * pins them to an interface, and a host that does not answer ARP is reported by ICMP.
 */
class ProbeOptionsIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final int ECHO_PORT = 5000;
    private static final int DNS_PORT = 5353;
    private static final int SMTP_PORT = 2525;
    private static final long MARK = 7;
    private static ProbeTesting t;
    private static NetnsLab lab;
    private static NamespaceThread inH1;

    @BeforeAll
    static void setUp() throws Exception {
        Root.assume();
        t = new ProbeTesting();
        lab = NetnsLab.builder().hosts(2).start();
        inH1 = new NamespaceThread(lab.host(1).namespace(), Duration.ofSeconds(30));
        Host h1 = lab.host(1);
        Host h2 = lab.host(2);
        // marked packets to h2 meet an unreachable route; unmarked ones use the main table
        h1.exec("ip", "rule", "add", "fwmark", Long.toString(MARK), "lookup", "7").orThrow();
        h1.exec("ip", "route", "add", "unreachable", h2.ipv4() + "/32", "table", "7").orThrow();
        Path dns = h2.workDir().resolve("dns_responder.py");
        try (var in = ProbeOptionsIT.class.getResourceAsStream("/probe/dns_responder.py")) {
            Files.copy(in, dns);
        }
        ManagedProcess named = h2.start("dns", List.of("python3", dns.toString(), "--address", h2.ipv4(), "--port",
                Integer.toString(DNS_PORT)), Map.of());
        named.waitForOutput("ready", Duration.ofSeconds(10));
        Path smtp = h2.workDir().resolve("smtp_responder.py");
        try (var in = ProbeOptionsIT.class.getResourceAsStream("/probe/smtp_responder.py")) {
            Files.copy(in, smtp);
        }
        h2.start("smtp", List.of("python3", smtp.toString(), h2.ipv4(), Integer.toString(SMTP_PORT)), Map.of())
                .waitForOutput("ready", Duration.ofSeconds(10));
        ManagedProcess echo = h2.start("echo", List.of("python3", "-u", "-c",
                "import socket\ns=socket.socket(socket.AF_INET,socket.SOCK_DGRAM)\ns.bind(('" + h2.ipv4() + "',"
                        + ECHO_PORT + "))\nprint('ready',flush=True)\nwhile True:\n d,a=s.recvfrom(65535)\n s.sendto(d,a)\n"),
                Map.of());
        echo.waitForOutput("ready", Duration.ofSeconds(10));
    }

    @AfterAll
    static void tearDown() {
        if (inH1 != null) {
            inH1.close();
        }
        if (lab != null) {
            lab.close();
        }
        if (t != null) {
            t.close();
        }
    }

    private static CheckerCommon to(String ip, Integer port, String bindIf, Long fwmark, Duration timeout) {
        return new CheckerCommon(ProbeTesting.address(ip), port, null, null, bindIf, fwmark, timeout, 0,
                Duration.ofSeconds(1), Duration.ZERO, Duration.ofSeconds(5), false, false);
    }

    private static ProbeTesting.Timed fromH1(Checker c) throws Exception {
        try (Probe p = t.probes.create(c)) {
            long t0 = System.nanoTime();
            CompletableFuture<ProbeResult> f = inH1.call(p::attempt);
            ProbeResult r = f.get(30, TimeUnit.SECONDS);
            return new ProbeTesting.Timed(r, Duration.ofNanos(System.nanoTime() - t0));
        }
    }

    private static UdpCheck udp(CheckerCommon c, boolean requireReply) {
        return new UdpCheck(c, "4B344A", requireReply, requireReply ? "4B34" : null, 0, 255, ProbeTesting.HERE);
    }

    private static String h2() {
        return lab.host(2).ipv4();
    }

    @Test
    void unmarkedProbesReachH2() throws Exception {
        fromH1(udp(to(h2(), ECHO_PORT, null, null, TIMEOUT), true)).assertUp();
        fromH1(new DnsCheck(to(h2(), DNS_PORT, null, null, TIMEOUT), "A", "example.org", ProbeTesting.HERE)).assertUp();
        fromH1(new PingCheck(to(h2(), null, null, null, TIMEOUT), ProbeTesting.HERE)).assertUp();
        fromH1(udp(to(h2(), ECHO_PORT, "eth0", null, TIMEOUT), true)).assertUp();
        fromH1(new TcpCheck(to(h2(), SMTP_PORT, null, null, TIMEOUT), ProbeTesting.HERE)).assertUp();
        fromH1(new TcpCheck(to(h2(), SMTP_PORT, "eth0", null, TIMEOUT), ProbeTesting.HERE)).assertUp();
        fromH1(smtp(to(h2(), SMTP_PORT, "eth0", null, TIMEOUT))).assertUp();
    }

    private static SmtpCheck smtp(CheckerCommon c) {
        return new SmtpCheck(c, "h1.test", List.of(), ProbeTesting.HERE);
    }

    @Test
    void fwmarkSendsProbesThroughTheMarkedRoutingTable() throws Exception {
        fromH1(udp(to(h2(), ECHO_PORT, null, MARK, TIMEOUT), true)).assertDown("unreachable").assertWithin(TIMEOUT);
        fromH1(udp(to(h2(), ECHO_PORT, null, MARK, TIMEOUT), false)).assertDown("unreachable");
        fromH1(new DnsCheck(to(h2(), DNS_PORT, null, MARK, TIMEOUT), "A", "example.org", ProbeTesting.HERE))
                .assertDown("unreachable");
        fromH1(new PingCheck(to(h2(), null, null, MARK, TIMEOUT), ProbeTesting.HERE)).assertDown("EHOSTUNREACH");
        fromH1(new TcpCheck(to(h2(), SMTP_PORT, null, MARK, TIMEOUT), ProbeTesting.HERE)).assertDown("no route to host");
        fromH1(smtp(to(h2(), SMTP_PORT, null, MARK, TIMEOUT))).assertDown("no route to host");
    }

    @Test
    void bindIfPinsTheProbeToItsInterface() throws Exception {
        // sent out of lo, the datagrams never reach h2 (the same probes through eth0 pass, above)
        fromH1(udp(to(h2(), ECHO_PORT, "lo", null, TIMEOUT), true)).assertDown("no reply within").assertWithin(TIMEOUT);
        fromH1(new DnsCheck(to(h2(), DNS_PORT, "lo", null, TIMEOUT), "A", "example.org", ProbeTesting.HERE))
                .assertDown("timeout after").assertWithin(TIMEOUT);
        fromH1(new TcpCheck(to(h2(), SMTP_PORT, "lo", null, TIMEOUT), ProbeTesting.HERE))
                .assertDown("timeout after").assertWithin(TIMEOUT);
    }

    @Test
    void aHostThatNeverAnswersArpIsDownByIcmpEvenWithoutRequireReply() throws Exception {
        // keepalived sets IP_RECVERR for this: without it the kernel would not report host unreachable
        Duration limit = Duration.ofSeconds(8);
        ProbeTesting.Timed r = fromH1(udp(to("10.77.0.99", ECHO_PORT, null, null, limit), false))
                .assertDown("host unreachable (ICMP)");
        if (r.elapsed().compareTo(limit) >= 0) {
            throw new AssertionError("the ICMP error, not the timeout, should end the attempt: " + r);
        }
    }
}
