package org.keepalive4j.check.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.keepalive4j.config.model.check.HttpCheck.HttpProtocol;

/** The messages are the ones /usr/bin/genhash (keepalived 2.2.7) prints for the same words. */
class GenhashCommandLineTest {

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private GenhashOptions parse(String... args) {
        return GenhashCommandLine.parse(List.of(args), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void shortLongClusteredAndAttached() {
        GenhashOptions o = parse("-s127.0.0.1", "--port=8080", "-vSIu/x", "--use-virt", "www", "-P", "1.1", "-t", "3");
        assertNotNull(o, stderr());
        assertEquals("127.0.0.1", o.server().getHostAddress());
        assertEquals(8080, o.port());
        assertEquals("/x", o.path());
        assertTrue(o.verbose() && o.ssl() && o.sni());
        assertEquals("www", o.virtualhost());
        assertEquals(HttpProtocol.HTTP_1_1, o.protocol());
        assertEquals(3000, o.timeoutMs());
    }

    @Test
    void defaultsAreGenhashs() {
        GenhashOptions o = parse("-s", "::1", "-p", "80", "-u", "/");
        assertNotNull(o);
        assertEquals(HttpProtocol.HTTP_1_0, o.protocol());
        assertEquals(GenhashOptions.DEFAULT_TIMEOUT_MS, o.timeoutMs());
        assertFalse(o.ssl() || o.sni() || o.verbose());
    }

    @Test
    void missingMandatoryOptionIsUsageWithoutMessage() {
        assertNull(parse("-s", "127.0.0.1", "-p", "80"));
        assertEquals("", stderr());
        assertNull(parse());
    }

    @Test
    void badValuesSayWhich() {
        assertNull(parse("-s", "host", "-p", "80", "-u", "/"));
        assertNull(parse("-s", "1.2.3.4", "-p", "0", "-u", "/"));
        assertNull(parse("-s", "1.2.3.4", "-p", "80x", "-u", "/"));
        assertNull(parse("-s", "1.2.3.4", "-p", "80", "-u", "/", "-P", "2"));
        assertNull(parse("-s", "1.2.3.4", "-p", "80", "-u", "/", "-t", "-1"));
        assertNull(parse("-s", "1.2.3.256", "-p", "80", "-u", "/"));
        assertEquals("server should be an IP, not host\n"
                + "invalid port number '0'\n"
                + "invalid port number '80x'\n"
                + "invalid HTTP protocol version '2'\n"
                + "invalid timeout '-1'\n"
                + "server should be an IP, not 1.2.3.256\n", stderr());
    }

    @Test
    void unknownAndIncompleteOptionsAreAllReported() {
        assertNull(parse("-s", "1.2.3.4", "-x", "--bogus", "-p", "80", "-u", "/", "-t"));
        assertEquals("Unknown option -x\nUnknown option --bogus\nMissing parameter for option -t\n", stderr());
    }

    @Test
    void helpAndStrayWordsAreUsage() {
        assertNull(parse("-h"));
        assertNull(parse("-s", "1.2.3.4", "-p", "80", "-u", "/", "foo", "bar"));
        assertEquals("Unexpected argument(s): foo bar\n", stderr());
    }

    @Test
    void fwmarkIsRefusedClearly() {
        assertNull(parse("-s", "1.2.3.4", "-p", "80", "-u", "/", "-m", "5"));
        assertTrue(stderr().contains("fwmark"), stderr());
    }

    @Test
    void ambiguousLongPrefixIsUnknown() {
        // --use could be --use-ssl, --use-sni or --use-virtualhost
        assertNull(parse("--use", "-s", "1.2.3.4", "-p", "80", "-u", "/"));
        assertEquals("Unknown option --use\n", stderr());
    }
}
