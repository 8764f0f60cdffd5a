package org.keepalive4j.check.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.keepalive4j.config.model.check.HttpUrl;
import org.keepalive4j.config.model.check.StatusCodeRange;

class UrlVerdictTest {

    private static HttpUrl url(String path, String digest, List<StatusCodeRange> codes, String regex,
            boolean noMatch, List<String> options, Integer min, Integer max) {
        return new HttpUrl(path, digest, codes, null, regex, noMatch, options, min, max, null);
    }

    private static HttpUrl plain(String path) {
        return url(path, null, HttpUrl.DEFAULT_STATUS_CODES, null, false, List.of(), null, null);
    }

    private static FetchOutcome response(String raw) {
        ResponseScanner sc = new ResponseScanner(ResponseObserver.NONE, RegexCheck.BODY_LIMIT);
        byte[] b = raw.getBytes(StandardCharsets.ISO_8859_1);
        sc.feed(b, 0, b.length);
        sc.finish();
        return new FetchOutcome(null, null, sc, true);
    }

    private static String judge(HttpUrl u, FetchOutcome o) {
        return UrlVerdict.judge(u, RegexCheck.of(u), o, 3000);
    }

    private static String md5(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void statusOutsideTheRangesFailsNamingTheUrl() {
        assertNull(judge(plain("/health"), response("HTTP/1.0 204 No Content\r\n\r\n")));
        assertEquals("status 503 for /health", judge(plain("/health"), response("HTTP/1.0 503 Busy\r\n\r\n")));
        HttpUrl accepts503 = url("/health", null, List.of(new StatusCodeRange(200, 200), new StatusCodeRange(500, 503)),
                null, false, List.of(), null, null);
        assertNull(judge(accepts503, response("HTTP/1.0 503 Busy\r\n\r\n")));
        assertEquals("malformed status line for /x", judge(plain("/x"), response("HTTP/1.0 OK\r\n\r\n")));
    }

    @Test
    void digestIsComparedAfterTheStatus() throws Exception {
        String want = md5("body");
        HttpUrl u = url("/i", want, HttpUrl.DEFAULT_STATUS_CODES, null, false, List.of(), null, null);
        assertNull(judge(u, response("HTTP/1.0 200 OK\r\n\r\nbody")));
        assertEquals("digest mismatch for /i: got " + md5("other") + ", want " + want,
                judge(u, response("HTTP/1.0 200 OK\r\n\r\nother")));
        assertEquals("status 404 for /i", judge(u, response("HTTP/1.0 404 No\r\n\r\nother")));
    }

    @Test
    void regexMatchNoMatchAndOffsets() {
        FetchOutcome o = response("HTTP/1.0 200 OK\r\n\r\n0123456789 status: GOOD\n");
        assertNull(judge(url("/", null, HttpUrl.DEFAULT_STATUS_CODES, "status: (GOOD|OK)", false, List.of(), null, null), o));
        assertEquals("regex 'status: BAD' did not match /",
                judge(url("/", null, HttpUrl.DEFAULT_STATUS_CODES, "status: BAD", false, List.of(), null, null), o));
        assertEquals("regex 'GOOD' matched / (regex_no_match)",
                judge(url("/", null, HttpUrl.DEFAULT_STATUS_CODES, "GOOD", true, List.of(), null, null), o));
        assertNull(judge(url("/", null, HttpUrl.DEFAULT_STATUS_CODES, "good", false, List.of("caseless"), null, null), o));
        // "status" starts at offset 11: max_offset 10 is too early, 11 is fine; min_offset 12 skips it
        assertTrue(judge(url("/", null, HttpUrl.DEFAULT_STATUS_CODES, "status", false, List.of(), null, 10), o) != null);
        assertNull(judge(url("/", null, HttpUrl.DEFAULT_STATUS_CODES, "status", false, List.of(), null, 11), o));
        assertTrue(judge(url("/", null, HttpUrl.DEFAULT_STATUS_CODES, "status", false, List.of(), 12, null), o) != null);
        assertTrue(judge(url("/", null, HttpUrl.DEFAULT_STATUS_CODES, "(", false, List.of(), null, null), o)
                .startsWith("invalid regex '('"));
    }

    @Test
    void failuresBeforeAResponse() {
        ResponseScanner empty = new ResponseScanner(ResponseObserver.NONE, 0);
        assertEquals("connection refused for /",
                judge(plain("/"), new FetchOutcome(FetchFailure.CONNECT_FAILED, "Connection refused", empty, false)));
        assertEquals("timeout after 3000 ms for / (timeout waiting for the response)",
                judge(plain("/"), new FetchOutcome(FetchFailure.RESPONSE_TIMEOUT, null, empty, false)));
        assertEquals("no HTTP response for /", judge(plain("/"), new FetchOutcome(null, null, empty, true)));
    }
}
