package org.keepalive4j.check.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SmtpReplyReaderTest {

    private static int feed(SmtpReplyReader r, String s) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        return r.feed(b, 0, b.length);
    }

    @Test
    void aSingleLineReplyGivesItsCode() {
        assertEquals(220, feed(new SmtpReplyReader(), "220 mail.example.org ESMTP\r\n"));
        assertEquals(250, feed(new SmtpReplyReader(), "250\r\n"));
        assertEquals(221, feed(new SmtpReplyReader(), "221 bye\n"));
    }

    @Test
    void aReplySplitAcrossReadsCompletesOnItsLineEnd() {
        SmtpReplyReader r = new SmtpReplyReader();
        assertEquals(-1, feed(r, "22"));
        assertEquals(-1, feed(r, "0 hello"));
        assertEquals(220, feed(r, "\r\n"));
    }

    @Test
    void aMultiLineReplyEndsWithItsLastLine() {
        SmtpReplyReader r = new SmtpReplyReader();
        assertEquals(-1, feed(r, "220-first\r\n220-second\r\n"));
        assertEquals(220, feed(r, "220 last\r\n"));
    }

    @Test
    void theReaderIsReusedForTheNextReply() {
        SmtpReplyReader r = new SmtpReplyReader();
        assertEquals(220, feed(r, "220 hi\r\n"));
        assertEquals(250, feed(r, "250 ok\r\n"));
    }

    @Test
    void somethingThatIsNotSmtpIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> feed(new SmtpReplyReader(), "HTTP/1.1 400 Bad Request\r\n"));
        assertTrue(e.getMessage().contains("HTTP/1.1 400"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> feed(new SmtpReplyReader(), "22 short\r\n"));
        assertThrows(IllegalArgumentException.class, () -> feed(new SmtpReplyReader(), "2200 long\r\n"));
    }

    @Test
    void endlessGarbageWithoutALineEndIsRefused() {
        SmtpReplyReader r = new SmtpReplyReader();
        String chunk = "2".repeat(1000);
        assertThrows(IllegalArgumentException.class, () -> {
            for (int i = 0; i < 20; i++) {
                feed(r, chunk);
            }
        });
    }
}
