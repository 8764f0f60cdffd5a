package org.keepalive4j.check.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.keepalive4j.testlib.CommandResult;
import org.keepalive4j.testlib.ManagedProcess;
import org.keepalive4j.testlib.Processes;
import org.keepalive4j.testlib.Root;

/**
 * Our genhash against Debian's own (/usr/bin/genhash, keepalived 2.2.7) on the same urls of real
 * servers on 127.0.0.1: same digest, same output (verbose too, byte for byte apart from the measured
 * response time), same exit status, same request on the wire.
 */
class GenhashIT {

    private static final Path JAR = Path.of(System.getProperty("keepalive4j.jar",
            "target/keepalive4j-0.1.0-SNAPSHOT.jar"));
    private static final Path BASEDIR = Path.of(System.getProperty("keepalive4j.basedir", "."));
    private static final String DEBIAN = "/usr/bin/genhash";

    @TempDir
    Path dir;

    @BeforeEach
    void prerequisites() {
        Root.assume();
        assertTrue(Files.isExecutable(Path.of(DEBIAN)), "Debian's genhash (package keepalived) is needed");
    }

    private static CommandResult debian(String... args) {
        List<String> cmd = new ArrayList<>(List.of(DEBIAN));
        cmd.addAll(List.of(args));
        return Processes.run(Duration.ofSeconds(30), cmd);
    }

    private static CommandResult ours(String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", JAR.toString(), "-T"));
        cmd.addAll(List.of(args));
        return Processes.run(Duration.ofSeconds(30), cmd);
    }

    /** The response time genhash -v measures is the one line that may differ. */
    private static String timeless(String s) {
        return s.replaceAll("= \\d+ usecs", "= N usecs");
    }

    private static void assertSameRun(CommandResult want, CommandResult got) {
        assertEquals(want.exitCode(), got.exitCode(), got.describe());
        assertEquals(timeless(want.stdout()), timeless(got.stdout()), got.describe());
        assertEquals(want.stderr(), got.stderr(), got.describe());
    }

    private static String[] args(ScriptedHttpServer s, String... more) {
        List<String> a = new ArrayList<>(List.of("-s", "127.0.0.1", "-p", Integer.toString(s.port())));
        a.addAll(List.of(more));
        return a.toArray(String[]::new);
    }

    @Test
    void plainUrlOfAPythonHttpServer() throws Exception {
        Path www = Files.createDirectories(dir.resolve("www"));
        Files.writeString(www.resolve("index.html"), "<html><body>python served this</body></html>\n");
        byte[] big = new byte[50_000];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) (i * 31 + 7);
        }
        Files.write(www.resolve("big.bin"), big);
        int port = freePort();
        try (ManagedProcess py = Processes.start(dir, "http.server", List.of("python3", "-m", "http.server",
                Integer.toString(port), "--bind", "127.0.0.1", "--directory", www.toString()), Map.of())) {
            awaitListening(port);
            for (String path : List.of("/index.html", "/big.bin", "/missing")) {
                String[] a = {"-s", "127.0.0.1", "-p", Integer.toString(port), "-u", path};
                CommandResult want = debian(a);
                CommandResult got = ours(a);
                assertSameRun(want, got);
                assertTrue(got.stdout().matches("[0-9a-f]{32}\n"), got.stdout());
            }
            // TLS to a plain server: it answers the hello with a 400 page, the handshake fails
            String[] tls = {"-S", "-s", "127.0.0.1", "-p", Integer.toString(port), "-u", "/index.html", "-t", "5"};
            CommandResult want = debian(tls);
            assertEquals("SSL handshake/communication error connecting to\n", want.stdout());
            assertSameRun(want, ours(tls));
        }
    }

    @Test
    void verboseOutputIsByteForByteGenhashs() throws Exception {
        try (ScriptedHttpServer s = ScriptedHttpServer.plain()) {
            s.answer("/page", ScriptedHttpServer.response(200, "OK", "a page of text\nwith two lines\n"));
            s.answer("/err", ScriptedHttpServer.response(503, "Service Unavailable", "busy"));
            for (String path : List.of("/page", "/err")) {
                for (String proto : List.of("1.0", "1.0c", "1.1")) {
                    CommandResult want = debian(args(s, "-u", path, "-P", proto, "-v"));
                    assertTrue(want.stdout().contains("HTML hash final resulting"), want.describe());
                    assertSameRun(want, ours(args(s, "-u", path, "-P", proto, "-v")));
                }
            }
            // and both sent the same request, every time
            List<ScriptedHttpServer.Seen> seen = s.seen();
            assertEquals(12, seen.size());
            for (int i = 0; i < seen.size(); i += 2) {
                assertEquals(seen.get(i).request(), seen.get(i + 1).request());
            }
        }
    }

    @Test
    void chunkedBodyDigestIsTheSame() throws Exception {
        try (ScriptedHttpServer s = ScriptedHttpServer.plain()) {
            s.answer("/chunked", ScriptedHttpServer.chunked("first chunk ", "second, longer chunk ", "end\n"));
            CommandResult want = debian(args(s, "-u", "/chunked", "-P", "1.1"));
            CommandResult got = ours(args(s, "-u", "/chunked", "-P", "1.1"));
            assertTrue(want.stdout().matches("[0-9a-f]{32}\n"), want.describe());
            assertSameRun(want, got);
            assertSameRun(debian(args(s, "-u", "/chunked", "-P", "1.1", "-v")),
                    ours(args(s, "-u", "/chunked", "-P", "1.1", "-v")));
        }
    }

    @Test
    void contentLengthShorterThanTheBodyIsHashedAsGenhashDoes() throws Exception {
        try (ScriptedHttpServer s = ScriptedHttpServer.plain()) {
            s.answer("/short", ScriptedHttpServer.concat("HTTP/1.0 200 OK\r\nContent-Length: 4\r\n\r\n",
                    "0123456789".getBytes(StandardCharsets.US_ASCII)));
            assertSameRun(debian(args(s, "-u", "/short", "-v")), ours(args(s, "-u", "/short", "-v")));
        }
    }

    @Test
    void virtualhostIsSentTheSameWay() throws Exception {
        try (ScriptedHttpServer s = ScriptedHttpServer.plain()) {
            s.answer("/", 200, "virtual\n");
            assertSameRun(debian(args(s, "-u", "/", "-V", "www.example.com")),
                    ours(args(s, "-u", "/", "-V", "www.example.com")));
            List<ScriptedHttpServer.Seen> seen = s.seen();
            assertEquals("www.example.com", seen.get(0).header("Host"));
            assertEquals(seen.get(0).request(), seen.get(1).request());
        }
    }

    @Test
    void ipv6ServerAndHostHeaderAreTheSame() throws Exception {
        try (ScriptedHttpServer s = ScriptedHttpServer.plain(InetAddress.getByName("::1"))) {
            s.answer("/v6", 200, "over IPv6\n");
            String[] a = {"-s", "::1", "-p", Integer.toString(s.port()), "-u", "/v6", "-v"};
            assertSameRun(debian(a), ours(a));
            List<ScriptedHttpServer.Seen> seen = s.seen();
            assertEquals("[::1]:" + s.port(), seen.get(0).header("Host"));
            assertEquals(seen.get(0).request(), seen.get(1).request());
        }
    }

    @Test
    void tlsDigestAndSniAreTheSame() throws Exception {
        try (ScriptedHttpServer s = ScriptedHttpServer.tls(dir)) {
            s.answer("/secure", 200, "over TLS\n");
            CommandResult want = debian(args(s, "-S", "-u", "/secure"));
            CommandResult got = ours(args(s, "-S", "-u", "/secure"));
            assertSameRun(want, got);
            assertTrue(got.stdout().matches("[0-9a-f]{32}\n"), got.describe());
            s.forget();
            assertSameRun(debian(args(s, "-S", "-I", "-V", "www.example.com", "-u", "/secure")),
                    ours(args(s, "-S", "-I", "-V", "www.example.com", "-u", "/secure")));
            List<ScriptedHttpServer.Seen> seen = s.seen();
            assertEquals("www.example.com", seen.get(0).sni());
            assertEquals(seen.get(0).sni(), seen.get(1).sni());
            assertEquals(seen.get(0).request(), seen.get(1).request());
        }
    }

    @Test
    void refusedAndSilentServersGiveGenhashsMessagesAndStatus() throws Exception {
        int port = freePort();
        String[] refused = {"-s", "127.0.0.1", "-p", Integer.toString(port), "-u", "/"};
        CommandResult want = debian(refused);
        assertEquals("Connection failed\n", want.stdout());
        assertSameRun(want, ours(refused));
        String[] verbose = {"-s", "127.0.0.1", "-p", Integer.toString(port), "-u", "/", "-v"};
        assertSameRun(debian(verbose), ours(verbose));
        try (ScriptedHttpServer s = ScriptedHttpServer.plain()) {
            s.answer("/never", ScriptedHttpServer.SILENCE);
            CommandResult slow = debian(args(s, "-u", "/never", "-t", "1"));
            assertEquals("Timeout WEB read\n", slow.stdout());
            assertSameRun(slow, ours(args(s, "-u", "/never", "-t", "1")));
            // a TLS client gets no handshake from a plain server that waits for a request
            CommandResult noHandshake = debian(args(s, "-S", "-u", "/never", "-t", "1"));
            assertEquals("Timeout connecting\n", noHandshake.stdout());
            assertSameRun(noHandshake, ours(args(s, "-S", "-u", "/never", "-t", "1")));
        }
        try (ScriptedHttpServer s = ScriptedHttpServer.plain()) {
            s.answer("/hangup", new byte[0]); // reads the request, closes without a word
            CommandResult nothing = debian(args(s, "-u", "/hangup"));
            assertEquals("no data received from remote webserver\n", nothing.stderr());
            assertSameRun(nothing, ours(args(s, "-u", "/hangup")));
            assertSameRun(debian(args(s, "-u", "/hangup", "-v")), ours(args(s, "-u", "/hangup", "-v")));
        }
        try (FullBacklogListener full = new FullBacklogListener()) {
            String[] never = {"-s", "127.0.0.1", "-p", Integer.toString(full.port()), "-u", "/", "-t", "1"};
            CommandResult noConnect = debian(never);
            assertEquals("Timeout connecting\n", noConnect.stdout());
            assertSameRun(noConnect, ours(never));
        }
        try (ScriptedHttpServer s = ScriptedHttpServer.tls(dir)) {
            s.answer("/never", ScriptedHttpServer.SILENCE);
            assertSameRun(debian(args(s, "-S", "-u", "/never", "-t", "1")), ours(args(s, "-S", "-u", "/never", "-t", "1")));
        }
    }

    @Test
    void usageErrorsAreTheSameApartFromTheProgramName() {
        List<List<String>> bad = List.of(
                List.of("-h"),
                List.of("-s", "127.0.0.1", "-p", "80"),
                List.of("-s", "www.example.com", "-p", "80", "-u", "/"),
                List.of("-s", "127.0.0.1", "-p", "70000", "-u", "/"),
                List.of("-s", "127.0.0.1", "-p", "80", "-u", "/", "-P", "2.0"),
                List.of("-s", "127.0.0.1", "-p", "80", "-u", "/", "-t", "soon"),
                List.of("-s", "127.0.0.1", "-p", "80", "-u", "/", "-x", "--bogus"),
                List.of("-s", "127.0.0.1", "-p", "80", "-u", "/", "stray"),
                List.of("-s", "127.0.0.1", "-p", "80", "-u", "/", "-t"));
        for (List<String> a : bad) {
            CommandResult want = debian(a.toArray(String[]::new));
            CommandResult got = ours(a.toArray(String[]::new));
            assertEquals(1, want.exitCode(), want.describe());
            assertEquals(want.exitCode(), got.exitCode(), got.describe());
            assertEquals("", got.stdout());
            assertEquals(want.stderr().replace("Usage: " + DEBIAN + " COMMAND", "Usage: keepalive4j --genhash COMMAND"),
                    got.stderr(), String.join(" ", a));
        }
    }

    @Test
    void scriptsGenhashIsGenhash() throws Exception {
        Path script = BASEDIR.resolve("scripts/genhash").toAbsolutePath();
        CommandResult usage = Processes.run(Duration.ofSeconds(30), List.of(script.toString(), "-h"));
        CommandResult want = debian("-h");
        assertEquals(want.exitCode(), usage.exitCode());
        assertEquals(want.stderr().replace(DEBIAN, script.toString()), usage.stderr());
        try (ScriptedHttpServer s = ScriptedHttpServer.plain()) {
            s.answer("/x", 200, "through the script\n");
            List<String> cmd = new ArrayList<>(List.of(script.toString()));
            cmd.addAll(List.of(args(s, "-u", "/x")));
            assertSameRun(debian(args(s, "-u", "/x")), Processes.run(Duration.ofSeconds(30), cmd));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void awaitListening(int port) throws InterruptedException {
        long end = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < end) {
            try (Socket probe = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new AssertionError("python3 http.server did not listen on " + port + " within 10 s");
    }
}
