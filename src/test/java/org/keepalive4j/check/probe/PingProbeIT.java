package org.keepalive4j.check.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.keepalive4j.config.model.check.CheckerCommon;
import org.keepalive4j.config.model.check.PingCheck;
import org.keepalive4j.linux.IcmpSocket;
import org.keepalive4j.linux.IpFamily;
import org.keepalive4j.testlib.Host;
import org.keepalive4j.testlib.NamespaceThread;
import org.keepalive4j.testlib.NetnsLab;
import org.keepalive4j.testlib.Root;

/**
 * PING_CHECK: on loopback of the JVM's own namespace (ping sockets, as keepalived uses), and from host
 * h1 of a lab to h2, where a new namespace's ping_group_range forbids ping sockets so the probe uses a
 * raw socket; h2 goes silent by ignoring echo requests (a sysctl of its own namespace).
 */
class PingProbeIT {

    private static final Duration TIMEOUT = Duration.ofMillis(1000);
    private static ProbeTesting t;
    private static NetnsLab lab;
    private static NamespaceThread inH1;

    @BeforeAll
    static void setUp() throws Exception {
        Root.assume();
        t = new ProbeTesting();
        lab = NetnsLab.builder().hosts(2).ipv6().start();
        inH1 = new NamespaceThread(lab.host(1).namespace(), Duration.ofSeconds(30));
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

    private static Probe ping(InetAddress target) {
        return ping(ProbeTesting.common(target, null, TIMEOUT));
    }

    private static Probe ping(CheckerCommon c) {
        return t.probes.create(new PingCheck(c, ProbeTesting.HERE));
    }

    /** One attempt started on h1's namespace thread, awaited here. */
    private static ProbeTesting.Timed fromH1(Probe p) throws Exception {
        long t0 = System.nanoTime();
        CompletableFuture<ProbeResult> f = inH1.call(p::attempt);
        ProbeResult r = f.get(30, TimeUnit.SECONDS);
        return new ProbeTesting.Timed(r, Duration.ofNanos(System.nanoTime() - t0));
    }

    private static Host h2() {
        return lab.host(2);
    }

    @Test
    void loopbackAnswersOverPingSockets() throws Exception {
        Assumptions.assumeTrue(rootMayUsePingSockets(), "ping_group_range of this namespace excludes gid 0");
        try (IcmpSocket s = IcmpSocket.open(IpFamily.IPV4)) {
            assertEquals(IcmpSocket.Kind.PING, s.kind());
        }
        try (Probe p = ping(ProbeTesting.loopback())) {
            ProbeTesting.run(p).assertUp().assertWithin(TIMEOUT);
            ProbeTesting.run(p).assertUp();
        }
        try (Probe p = ping(ProbeTesting.address("::1"))) {
            ProbeTesting.run(p).assertUp();
        }
    }

    @Test
    void aLiveHostIsUpOverRawSockets() throws Exception {
        assertEquals(IcmpSocket.Kind.RAW, inH1.call(() -> {
            try (IcmpSocket s = IcmpSocket.open(IpFamily.IPV4)) {
                return s.kind();
            }
        }), "a new namespace allows no ping sockets, so the fallback is exercised");
        try (Probe p = ping(ProbeTesting.address(h2().ipv4()))) {
            fromH1(p).assertUp().assertWithin(TIMEOUT);
            fromH1(p).assertUp();
        }
        try (Probe p = ping(ProbeTesting.address(h2().ipv6()))) {
            fromH1(p).assertUp().assertWithin(TIMEOUT);
        }
    }

    @Test
    void aSilentHostIsDownByTimeoutAndRecovers() throws Exception {
        try (Probe p = ping(ProbeTesting.address(h2().ipv4()))) {
            fromH1(p).assertUp();
            h2().exec("sysctl", "-q", "-w", "net.ipv4.icmp_echo_ignore_all=1").orThrow();
            try {
                fromH1(p).assertDown("timeout after 1000 ms").assertAtLeast(TIMEOUT).assertWithin(TIMEOUT);
            } finally {
                h2().exec("sysctl", "-q", "-w", "net.ipv4.icmp_echo_ignore_all=0").orThrow();
            }
            fromH1(p).assertUp();
        }
    }

    @Test
    void anAddressNobodyHasIsDownByTimeout() throws Exception {
        try (Probe p = ping(ProbeTesting.address("10.77.0.99"))) {
            fromH1(p).assertDown("timeout after 1000 ms").assertWithin(TIMEOUT);
        }
    }

    @Test
    /** Sent through lo, the request never reaches h2; bound to an address h1 lacks, it is never sent. */
    void bindtoAndBindIfAreApplied() throws Exception {
        InetAddress h1 = ProbeTesting.address(lab.host(1).ipv4());
        CheckerCommon c = new CheckerCommon(ProbeTesting.address(h2().ipv4()), null, h1, null, "eth0", null, TIMEOUT,
                0, Duration.ofSeconds(1), Duration.ZERO, Duration.ofSeconds(5), false, false);
        try (Probe p = ping(c)) {
            fromH1(p).assertUp();
        }
        CheckerCommon wrongDevice = new CheckerCommon(ProbeTesting.address(h2().ipv4()), null, null, null, "lo", null,
                TIMEOUT, 0, Duration.ofSeconds(1), Duration.ZERO, Duration.ofSeconds(5), false, false);
        try (Probe p = ping(wrongDevice)) {
            fromH1(p).assertDown("timeout after 1000 ms").assertWithin(TIMEOUT);
        }
        CheckerCommon foreignSource = new CheckerCommon(ProbeTesting.address(h2().ipv4()), null,
                ProbeTesting.address("10.77.0.98"), null, null, null, TIMEOUT, 0, Duration.ofSeconds(1), Duration.ZERO,
                Duration.ofSeconds(5), false, false);
        try (Probe p = ping(foreignSource)) {
            fromH1(p).assertDown("binding to 10.77.0.98: EADDRNOTAVAIL");
        }
    }

    private static boolean rootMayUsePingSockets() throws Exception {
        // procfs reports a size of 0, which Files.readString trusts; read the lines instead
        String[] range = Files.readAllLines(Path.of("/proc/sys/net/ipv4/ping_group_range")).get(0).trim().split("\\s+");
        return Long.parseLong(range[0]) <= 0 && Long.parseLong(range[1]) >= 0;
    }
}
