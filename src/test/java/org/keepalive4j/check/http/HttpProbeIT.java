package org.keepalive4j.check.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.keepalive4j.check.probe.Probe;
import org.keepalive4j.check.probe.ProbeResources;
import org.keepalive4j.check.probe.ProbeResult;
import org.keepalive4j.check.probe.Probes;
import org.keepalive4j.config.SourceLocation;
import org.keepalive4j.config.model.check.CheckerCommon;
import org.keepalive4j.config.model.check.HttpCheck;
import org.keepalive4j.config.model.check.HttpCheck.HttpProtocol;
import org.keepalive4j.config.model.check.HttpUrl;
import org.keepalive4j.config.model.check.StatusCodeRange;
import org.keepalive4j.testlib.Root;

/**
 * HTTP_GET and SSL_GET against real servers on 127.0.0.1: the story an operator expects, url by url.
 */
class HttpProbeIT {

    private static ScheduledExecutorService timers;
    private static ExecutorService blocking;
    private static Probes probes;

    @TempDir
    static Path dir;

    @BeforeAll
    static void resources() {
        timers = Executors.newScheduledThreadPool(1);
        blocking = Executors.newFixedThreadPool(4);
        probes = new Probes(new ProbeResources(timers, blocking, null));
    }

    @AfterAll
    static void stop() {
        timers.shutdownNow();
        blocking.shutdownNow();
    }

    @BeforeEach
    void root() {
        Root.assume();
    }

    static String md5(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(b));
    }

    static String md5(String s) throws Exception {
        return md5(s.getBytes(StandardCharsets.UTF_8));
    }

    static HttpUrl url(String path) {
        return new HttpUrl(path, null, HttpUrl.DEFAULT_STATUS_CODES, null, null, false, List.of(), null, null,
                SourceLocation.UNKNOWN);
    }

    static HttpUrl url(String path, String digest) {
        return new HttpUrl(path, digest, HttpUrl.DEFAULT_STATUS_CODES, null, null, false, List.of(), null, null,
                SourceLocation.UNKNOWN);
    }

    static HttpUrl codes(String path, StatusCodeRange... ranges) {
        return new HttpUrl(path, null, List.of(ranges), null, null, false, List.of(), null, null,
                SourceLocation.UNKNOWN);
    }

    static HttpUrl vhost(String path, String virtualhost) {
        return new HttpUrl(path, null, HttpUrl.DEFAULT_STATUS_CODES, virtualhost, null, false, List.of(), null, null,
                SourceLocation.UNKNOWN);
    }

    static HttpUrl regex(String path, String regex, boolean noMatch) {
        return new HttpUrl(path, null, HttpUrl.DEFAULT_STATUS_CODES, null, regex, noMatch, List.of(), null, null,
                SourceLocation.UNKNOWN);
    }

    static HttpCheck check(boolean tls, int port, Duration timeout, String virtualhost, HttpProtocol protocol,
            boolean sni, HttpUrl... urls) {
        CheckerCommon common = new CheckerCommon(InetAddress.getLoopbackAddress(), port, null, null, null, null,
                timeout, 1, Duration.ofSeconds(3), Duration.ZERO, Duration.ofSeconds(5), false, false);
        return new HttpCheck(tls, common, List.of(urls), virtualhost, protocol, sni, null, false, null,
                SourceLocation.UNKNOWN);
    }

    static HttpCheck bound(InetAddress connect, int port, InetAddress bindto, Integer bindPort, HttpUrl... urls) {
        CheckerCommon common = new CheckerCommon(connect, port, bindto, bindPort, null, null,
                Duration.ofSeconds(3), 1, Duration.ofSeconds(3), Duration.ZERO, Duration.ofSeconds(5), false, false);
        return new HttpCheck(false, common, List.of(urls), null, HttpProtocol.HTTP_1_0, false, null, false, null,
                SourceLocation.UNKNOWN);
    }

    static HttpCheck http(int port, HttpUrl... urls) {
        return check(false, port, Duration.ofSeconds(3), null, HttpProtocol.HTTP_1_0, false, urls);
    }

    static ProbeResult attempt(HttpCheck c) throws Exception {
        try (Probe p = probes.create(c)) {
            return p.attempt().get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void upWhenTheUrlAnswers200AndTheRequestIsKeepalivedsOwn() throws Exception {
        try (ScriptedHttpServer s = ScriptedHttpServer.plain()) {
            s.answer("/index.html", 200, "hello\n");
            ProbeResult r = attempt(http(s.port(), url("/index.html")));
            assertTrue(r.up(), r.detail());
            ScriptedHttpServer.Seen seen = s.seen().get(0);
            assertEquals("GET /index.html HTTP/1.0\r\nUser-Agent: KeepAliveClient\r\nHost: 127.0.0.1:" + s.port()
                    + "\r\n\r\n", seen.request());
        }
    }

    @Test
    void bindtoAndBindPortAreTheSourceTheServerSees() throws Exception {
        try (ScriptedHttpServer s = ScriptedHttpServer.plain();
                ServerSocket pick = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.2"))) {
            int sourcePort = pick.getLocalPort();
            pick.close();
            s.answer("/", 200, "x");
            InetAddress source = InetAddress.getByName("127.0.0.2");
            ProbeResult r = attempt(bound(InetAddress.getLoopbackAddress(), s.port(), source, sourcePort, url("/")));
            assertTrue(r.up(), r.detail());
            assertEquals(source, s.seen().get(0).from().getAddress());
            assertEquals(sourcePort, s.seen().get(0).from().getPort());
        }
    }

    @Test
    void ipv6HostHeaderIsBracketed() throws Exception {
        InetAddress v6 = InetAddress.getByName("::1");
        try (ScriptedHttpServer s = ScriptedHttpServer.plain(v6)) {
            s.answer("/", 200, "six");
            ProbeResult r = attempt(bound(v6, s.port(), null, null, url("/")));
            assertTrue(r.up(), r.detail());
            assertEquals("[::1]:" + s.port(), s.seen().get(0).header("Host"));
        }
    }

    @Test
    void downWhenRefused() throws Exception {
        int port;
        try (ServerSocket gone = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = gone.getLocalPort();
        }
        ProbeResult r = attempt(http(port, url("/")));
        assertFalse(r.up());
        assertEquals("connection refused for /", r.detail());
    }

    @Test
    void downWithinConnectTimeoutWhenTheServerNeverAnswers() throws Exception {
        try (ScriptedHttpServer s = ScriptedHttpServer.plain()) {
            s.answer("/slow", ScriptedHttpServer.SILENCE);
            HttpCheck c = check(false, s.port(), Duration.ofMillis(1000), null, HttpProtocol.HTTP_1_0, false,
                    url("/slow"));
            long t0 = System.nanoTime();
            ProbeResult r = attempt(c);
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            assertFalse(r.up());
            assertEquals("timeout after 1000 ms for /slow (timeout waiting for the response)", r.detail());
            assertTrue(ms >= 900 && ms < 1500, "took " + ms + " ms for a 1000 ms connect_timeout");
        }
    }

    @Test
    void downWithinConnectTimeoutWhenTheConnectionIsNeverAccepted() throws Exception {
        try (FullBacklogListener full = new FullBacklogListener()) {
            HttpCheck c = check(false, full.port(), Duration.ofMillis(1000), null, HttpProtocol.HTTP_1_0, false,
                    url("/"));
            long t0 = System.nanoTime();
            ProbeResult r = attempt(c);
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            assertEquals("timeout after 1000 ms for / (timeout connecting)", r.detail());
            assertFalse(r.up());
            assertTrue(ms >= 900 && ms < 1500, "took " + ms + " ms for a 1000 ms connect_timeout");
        }
    }

    @Test
    void manySlowServersDoNotDelayAHealthyOne() throws Exception {
        try (ScriptedHttpServer slow = ScriptedHttpServer.plain(); ScriptedHttpServer fine = ScriptedHttpServer.plain()) {
            slow.answer("/", ScriptedHttpServer.SILENCE);
            fine.answer("/", 200, "fine");
            List<Probe> ps = new java.util.ArrayList<>();
            List<java.util.concurrent.CompletableFuture<ProbeResult>> slowResults = new java.util.ArrayList<>();
            long t0 = System.nanoTime();
            for (int i = 0; i < 200; i++) {
                Probe p = probes.create(check(false, slow.port(), Duration.ofMillis(1500), null, HttpProtocol.HTTP_1_0,
                        false, url("/")));
                ps.add(p);
                slowResults.add(p.attempt());
            }
            try (Probe healthy = probes.create(http(fine.port(), url("/")))) {
                ProbeResult r = healthy.attempt().get(10, TimeUnit.SECONDS);
                long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
                assertTrue(r.up(), r.detail());
                assertTrue(ms < 1000, "the healthy server waited " + ms + " ms behind 200 silent ones");
            }
            for (java.util.concurrent.CompletableFuture<ProbeResult> f : slowResults) {
                ProbeResult r = f.get(10, TimeUnit.SECONDS);
                assertEquals("timeout after 1500 ms for / (timeout waiting for the response)", r.detail());
            }
            long all = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            assertTrue(all < 2500, "200 silent servers took " + all + " ms to time out at 1500 ms");
            ps.forEach(Probe::close);
        }
    }

    @Test
    void downWhenTheServerHangsUpWithoutAnswering() throws Exception {
        try (ScriptedHttpServer s = ScriptedHttpServer.plain()) {
            s.answer("/", new byte[0]);
            assertEquals(ProbeResult.down("no HTTP response for /"), attempt(http(s.port(), url("/"))));
        }
    }

    @Test
    void statusCodesDecide() throws Exception {
        try (ScriptedHttpServer s = ScriptedHttpServer.plain()) {
            s.answer("/health", 503, "busy\n");
            ProbeResult r = attempt(http(s.port(), url("/health")));
            assertEquals(new ProbeResult(false, null, "status 503 for /health"), r);
            assertTrue(attempt(http(s.port(), codes("/health", new StatusCodeRange(200, 200),
                    new StatusCodeRange(500, 503)))).up());
            assertFalse(attempt(http(s.port(), codes("/health", new StatusCodeRange(500, 502)))).up());
        }
    }

    @Test
    void digestDecides() throws Exception {
        try (ScriptedHttpServer s = ScriptedHttpServer.plain()) {
            s.answer("/index.html", 200, "the page\n");
            assertTrue(attempt(http(s.port(), url("/index.html", md5("the page\n")))).up());
            ProbeResult r = attempt(http(s.port(), url("/index.html", md5("another page\n"))));
            assertFalse(r.up());
            assertEquals("digest mismatch for /index.html: got " + md5("the page\n") + ", want "
                    + md5("another page\n"), r.detail());
        }
    }

    @Test
    void everyUrlMustPassInOrder() throws Exception {
        try (ScriptedHttpServer s = ScriptedHttpServer.plain()) {
            s.answer("/a", 200, "a");
            s.answer("/b", 200, "b");
            s.answer("/c", 500, "c");
            assertTrue(attempt(http(s.port(), url("/a"), url("/b"))).up());
            assertEquals(List.of("GET /a HTTP/1.0", "GET /b HTTP/1.0"),
                    s.seen().stream().map(ScriptedHttpServer.Seen::requestLine).toList());
            s.forget();
            ProbeResult r = attempt(http(s.port(), url("/a"), url("/c"), url("/b")));
            assertEquals("status 500 for /c", r.detail());
            assertFalse(r.up());
            // the first failure ends the attempt: /b is not asked for
            assertEquals(2, s.seen().size());
        }
    }

    @Test
    void virtualhostIsSentAsHost() throws Exception {
        try (ScriptedHttpServer s = ScriptedHttpServer.plain()) {
            s.answer("/", 200, "x");
            s.answer("/other", 200, "y");
            HttpCheck c = check(false, s.port(), Duration.ofSeconds(3), "www.example.com", HttpProtocol.HTTP_1_0C,
                    false, url("/"), vhost("/other", "other.example.com"));
            assertTrue(attempt(c).up());
            List<ScriptedHttpServer.Seen> seen = s.seen();
            assertEquals("www.example.com", seen.get(0).header("Host"));
            assertEquals("close", seen.get(0).header("Connection"));
            assertEquals("other.example.com", seen.get(1).header("Host"));
        }
    }

    @Test
    void http11ChunkedBodyDigestIncludesTheFraming() throws Exception {
        try (ScriptedHttpServer s = ScriptedHttpServer.plain()) {
            byte[] raw = ScriptedHttpServer.chunked("hello ", "chunked ", "world\n");
            s.answer("/chunked", raw);
            String framed = md5("6\r\nhello \r\n8\r\nchunked \r\n6\r\nworld\n\r\n0\r\n\r\n");
            HttpCheck c = check(false, s.port(), Duration.ofSeconds(3), null, HttpProtocol.HTTP_1_1, false,
                    url("/chunked", framed));
            assertTrue(attempt(c).up());
            assertEquals("GET /chunked HTTP/1.1", s.seen().get(0).requestLine());
            assertEquals("close", s.seen().get(0).header("Connection"));
            HttpCheck decoded = check(false, s.port(), Duration.ofSeconds(3), null, HttpProtocol.HTTP_1_1, false,
                    url("/chunked", md5("hello chunked world\n")));
            assertFalse(attempt(decoded).up(), "the decoded body is not what keepalived hashes");
        }
    }

    @Test
    void regexMatchAndNoMatch() throws Exception {
        try (ScriptedHttpServer s = ScriptedHttpServer.plain()) {
            s.answer("/status", 200, "<html>database: UP, cache: UP</html>\n");
            assertTrue(attempt(http(s.port(), regex("/status", "database: (UP|OK)", false))).up());
            ProbeResult miss = attempt(http(s.port(), regex("/status", "database: DOWN", false)));
            assertEquals("regex 'database: DOWN' did not match /status", miss.detail());
            assertTrue(attempt(http(s.port(), regex("/status", "DOWN", true))).up());
            assertFalse(attempt(http(s.port(), regex("/status", "cache: UP", true))).up());
        }
    }

    @Test
    void recoversWhenTheServerDoes() throws Exception {
        try (ScriptedHttpServer s = ScriptedHttpServer.plain()) {
            HttpCheck c = http(s.port(), url("/health"));
            try (Probe p = probes.create(c)) {
                s.answer("/health", 200, "ok");
                assertTrue(p.attempt().get(10, TimeUnit.SECONDS).up());
                s.answer("/health", 503, "maintenance");
                assertFalse(p.attempt().get(10, TimeUnit.SECONDS).up());
                s.answer("/health", 200, "ok");
                ProbeResult back = p.attempt().get(10, TimeUnit.SECONDS);
                assertTrue(back.up(), back.detail());
            }
        }
    }

    @Test
    void sslGetUpAndWrongDigestDown() throws Exception {
        try (ScriptedHttpServer s = ScriptedHttpServer.tls(dir)) {
            s.answer("/secure", 200, "secret page\n");
            HttpCheck ok = check(true, s.port(), Duration.ofSeconds(5), null, HttpProtocol.HTTP_1_0, false,
                    url("/secure", md5("secret page\n")));
            ProbeResult r = attempt(ok);
            assertTrue(r.up(), r.detail());
            assertNull(s.seen().get(0).sni(), "no SNI unless enable_sni");
            HttpCheck wrong = check(true, s.port(), Duration.ofSeconds(5), null, HttpProtocol.HTTP_1_0, false,
                    url("/secure", md5("other\n")));
            ProbeResult w = attempt(wrong);
            assertFalse(w.up());
            assertTrue(w.detail().startsWith("digest mismatch for /secure"), w.detail());
        }
    }

    @Test
    void sslGetSendsTheVirtualhostAsSniWhenEnabled() throws Exception {
        try (ScriptedHttpServer s = ScriptedHttpServer.tls(dir)) {
            s.answer("/", 200, "x");
            assertTrue(attempt(check(true, s.port(), Duration.ofSeconds(5), "www.example.com",
                    HttpProtocol.HTTP_1_1, true, url("/"), vhost("/", "api.example.com"))).up());
            List<ScriptedHttpServer.Seen> seen = s.seen();
            assertEquals("www.example.com", seen.get(0).sni());
            assertEquals("www.example.com", seen.get(0).header("Host"));
            assertEquals("api.example.com", seen.get(1).sni());
            s.forget();
            assertTrue(attempt(check(true, s.port(), Duration.ofSeconds(5), "www.example.com",
                    HttpProtocol.HTTP_1_1, false, url("/"))).up());
            assertNull(s.seen().get(0).sni());
        }
    }

    @Test
    void sslGetToAPlainServerTimesOutInTheHandshake() throws Exception {
        try (ScriptedHttpServer s = ScriptedHttpServer.plain()) {
            s.answer("/", 200, "plain");
            HttpCheck c = check(true, s.port(), Duration.ofSeconds(2), null, HttpProtocol.HTTP_1_0, false, url("/"));
            ProbeResult r = attempt(c);
            assertFalse(r.up());
            // the plain server waits for a request line that never comes, as with keepalived
            assertEquals("timeout after 2000 ms for / (timeout connecting)", r.detail());
        }
    }
}
