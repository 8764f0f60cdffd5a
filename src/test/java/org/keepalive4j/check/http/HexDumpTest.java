package org.keepalive4j.check.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The layout is genhash -v's; the expected lines are what /usr/bin/genhash printed for these bytes. */
class HexDumpTest {

    @Test
    void shortBufferIsPaddedToAFullLine() {
        byte[] b = "hello world\n".getBytes(StandardCharsets.US_ASCII);
        assertEquals("0000  68 65 6c 6c 6f 20 77 6f - 72 6c 64 0a               hello world.    \n",
                HexDump.of(b, 0, b.length));
    }

    @Test
    void offsetsAreDecimalAndTheDashSplitsEveryLine() {
        byte[] b = new byte[17];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (0x41 + i);
        }
        assertEquals("0000  41 42 43 44 45 46 47 48 - 49 4a 4b 4c 4d 4e 4f 50   ABCDEFGHIJKLMNOP\n"
                + "0016  51                      -                           Q               \n",
                HexDump.of(b, 0, b.length));
    }

    @Test
    void emptyBufferPrintsNothing() {
        assertEquals("", HexDump.of(new byte[0], 0, 0));
    }
}
