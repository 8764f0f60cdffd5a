package org.keepalive4j.check.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResponseScannerTest {

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static long contentLength(String s) {
        return ResponseScanner.contentLength(b(s), s.length());
    }

    private static int statusCode(String s) {
        return ResponseScanner.statusCode(b(s), s.length());
    }

    private static String md5(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(b(s)));
    }

    private static ResponseScanner scan(int bodyLimit, String... reads) {
        ResponseScanner sc = new ResponseScanner(ResponseObserver.NONE, bodyLimit);
        for (String r : reads) {
            sc.feed(b(r), 0, r.length());
        }
        sc.finish();
        return sc;
    }

    @Test
    void digestCoversTheBodyOnly() throws Exception {
        ResponseScanner sc = scan(100, "HTTP/1.0 200 OK\r\nServer: x\r\n\r\nhello world\n");
        assertTrue(sc.headerSeen());
        assertEquals(200, sc.statusCode());
        assertEquals(-1, sc.contentLength());
        assertEquals(md5("hello world\n"), sc.digestHex());
        assertEquals(12, sc.bodyBytes());
        assertArrayEquals(b("hello world\n"), sc.body());
    }

    @Test
    void headerSplitOverReadsAndBodyOverMore() throws Exception {
        ResponseScanner sc = scan(0, "HTTP/1.1 503 Service Unav", "ailable\r\nContent-Length: 5\r", "\n\r\nab",
                "cde");
        assertEquals(503, sc.statusCode());
        assertEquals(5, sc.contentLength());
        assertEquals(md5("abcde"), sc.digestHex());
        assertEquals(0, sc.body().length, "bodyLimit 0 keeps nothing");
    }

    @Test
    void contentLengthBoundsTheDigestNotTheRead() throws Exception {
        ResponseScanner sc = scan(0, "HTTP/1.0 200 OK\r\nContent-Length: 3\r\n\r\nabcdef", "ghi");
        assertEquals(md5("abc"), sc.digestHex());
        assertEquals(9, sc.bodyBytes());
        ResponseScanner later = scan(0, "HTTP/1.0 200 OK\r\nContent-Length: 4\r\n\r\nab", "cdef");
        assertEquals(md5("abcd"), later.digestHex());
    }

    @Test
    void chunkedBodiesAreHashedWithTheirFramingAsGenhashDoes() throws Exception {
        String chunked = "5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n";
        ResponseScanner sc = scan(0, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" + chunked);
        assertEquals(md5(chunked), sc.digestHex());
        assertFalse(sc.digestHex().equals(md5("hello world")));
    }

    @Test
    void contentLengthIsFoundAsKeepalivedFindsIt() {
        assertEquals(12, contentLength("X\r\nContent-Length:   12\r\n\r\n"));
        // case-sensitive: keepalived's strstr does not see a lower-case header
        assertEquals(-1, contentLength("X\r\ncontent-length: 12\r\n\r\n"));
        // trailing junk after the number: not a length
        assertEquals(-1, contentLength("Content-Length: 12x\r\n"));
        assertEquals(-1, contentLength("Content-Length: \r\n"));
    }

    @Test
    void statusCodeIsThreeDigitsBetweenSpaces() {
        assertEquals(404, statusCode("HTTP/1.0 404 Not Found\r\n"));
        assertEquals(0, statusCode("HTTP/1.0 2000 OK\r\n"));
        assertEquals(0, statusCode("HTTP/1.0 20x OK\r\n"));
        assertEquals(0, statusCode("garbage\r\n"));
        assertEquals(0, statusCode("HTTP/1.0  200 OK\r\n"));
    }

    @Test
    void noBlankLineMeansNoResponse() throws Exception {
        ResponseScanner sc = scan(0, "HTTP/1.0 200 OK\r\nServer: x\r\n");
        assertFalse(sc.headerSeen());
        assertEquals(md5(""), sc.digestHex());
    }

    @Test
    void observerSeesEachReadAsGenhashPrintsIt() {
        List<String> events = new ArrayList<>();
        ResponseObserver o = new ResponseObserver() {
            @Override
            public void headerRead() {
                events.add("headerRead");
            }

            @Override
            public void header(byte[] buffer, int length) {
                events.add("header " + length);
            }

            @Override
            public void bodyDigested(byte[] buffer, int offset, int length, boolean first) {
                events.add("body " + new String(buffer, offset, length, StandardCharsets.ISO_8859_1) + " " + first);
            }
        };
        ResponseScanner sc = new ResponseScanner(o, 0);
        for (String r : new String[] {"HTTP/1.0 200 OK\r\n", "\r\nab", "cd"}) {
            sc.feed(b(r), 0, r.length());
        }
        assertEquals(List.of("headerRead", "headerRead", "header 19", "body ab true", "body cd false"), events);
    }
}
