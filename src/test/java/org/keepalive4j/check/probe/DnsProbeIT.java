package org.keepalive4j.check.probe;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.keepalive4j.config.model.check.DnsCheck;
import org.keepalive4j.testlib.ManagedProcess;
import org.keepalive4j.testlib.Processes;
import org.keepalive4j.testlib.Root;

/** DNS_CHECK against a Python DNS responder on loopback (tests/resources/probe/dns_responder.py). */
class DnsProbeIT {

    private static final Duration TIMEOUT = Duration.ofMillis(1000);
    private static ProbeTesting t;
    private static Path logs;
    private static Path script;

    @BeforeAll
    static void setUp() throws Exception {
        Root.assume();
        t = new ProbeTesting();
        logs = Files.createTempDirectory("k4j-dns-it");
        script = logs.resolve("dns_responder.py");
        try (var in = DnsProbeIT.class.getResourceAsStream("/probe/dns_responder.py")) {
            Files.copy(in, script);
        }
    }

    @AfterAll
    static void tearDown() {
        if (t != null) {
            t.close();
        }
    }

    /** Starts the responder and returns it with the port it reported. */
    private static ManagedProcess responder(String label, String... options) {
        List<String> cmd = new ArrayList<>(List.of("python3", script.toString()));
        cmd.addAll(List.of(options));
        ManagedProcess p = Processes.start(logs, label, cmd, java.util.Map.of());
        p.waitForOutput("ready \\d+", Duration.ofSeconds(10));
        return p;
    }

    private static int port(ManagedProcess p) {
        Matcher m = Pattern.compile("ready (\\d+)").matcher(p.stdout());
        assertTrue(m.find(), p.stdout());
        return Integer.parseInt(m.group(1));
    }

    private static Probe dns(int port, String type, String name) {
        return t.probes.create(new DnsCheck(ProbeTesting.common(ProbeTesting.loopback(), port, TIMEOUT), type, name,
                ProbeTesting.HERE));
    }

    @Test
    void upWhenAnsweredAndTheQueryIsWhatKeepalivedSends() {
        try (ManagedProcess r = responder("dns-ok"); Probe p = dns(port(r), "A", "www.example.org")) {
            ProbeTesting.run(p).assertUp().assertWithin(TIMEOUT);
            r.waitForOutput("query id=\\d+ rd=1 qname=www.example.org. qtype=1 qclass=1 qd=1", Duration.ofSeconds(5));
        }
    }

    @Test
    void theDefaultRootSoaQueryIsUp() {
        try (ManagedProcess r = responder("dns-root"); Probe p = dns(port(r), "SOA", ".")) {
            ProbeTesting.run(p).assertUp();
            r.waitForOutput("qname=\\. qtype=6 ", Duration.ofSeconds(5));
        }
    }

    @Test
    void aNonZeroRcodeIsDown() {
        try (ManagedProcess r = responder("dns-servfail", "--rcode", "2"); Probe p = dns(port(r), "A", "example.org")) {
            ProbeTesting.run(p).assertDown("rcode 2");
        }
    }

    @Test
    void repliesWithAnotherIdAndEchoedQueriesAreIgnored() {
        try (ManagedProcess r = responder("dns-bogus", "--bogus-first", "--query-echo");
             Probe p = dns(port(r), "MX", "example.org")) {
            ProbeTesting.run(p).assertUp();
        }
    }

    @Test
    void silenceIsDownByTimeout() {
        try (ManagedProcess r = responder("dns-silent", "--silent"); Probe p = dns(port(r), "A", "example.org")) {
            ProbeTesting.run(p).assertDown("timeout after 1000 ms").assertAtLeast(TIMEOUT).assertWithin(TIMEOUT);
        }
    }

    @Test
    void aClosedPortIsDownAtOnce() throws Exception {
        try (Probe p = dns(UdpEchoServer.freePort(ProbeTesting.loopback()), "A", "example.org")) {
            ProbeTesting.run(p).assertDown("port unreachable");
        }
    }

    @Test
    void recoversWhenTheServerComesBack() {
        int port;
        try (ManagedProcess r = responder("dns-first")) {
            port = port(r);
        }
        try (Probe p = dns(port, "A", "example.org")) {
            ProbeTesting.run(p).assertDown("port unreachable");
            try (ManagedProcess r = responder("dns-again", "--port", Integer.toString(port))) {
                ProbeTesting.run(p).assertUp();
            }
            ProbeTesting.until(p, false, Duration.ofSeconds(5));
        }
    }
}
