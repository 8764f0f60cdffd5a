package org.keepalive4j.linux;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnixDatagramSocketTest {

    @Test
    void aPathIsNulTerminatedAfterTheFamily() {
        byte[] s = UnixDatagramSocket.Address.path("/run/n").encode();
        assertEquals(2 + 6 + 1, s.length);
        assertEquals(Sockets.AF_UNIX, NativeBytes.host(s).getShort(0));
        assertArrayEquals("/run/n\0".getBytes(StandardCharsets.US_ASCII), java.util.Arrays.copyOfRange(s, 2, s.length));
    }

    @Test
    void anAbstractNameStartsWithNulAndHasNoTrailingOne() {
        byte[] s = UnixDatagramSocket.Address.abstractName("sd").encode();
        assertEquals(2 + 1 + 2, s.length);
        assertArrayEquals(new byte[] {0, 's', 'd'}, java.util.Arrays.copyOfRange(s, 2, s.length));
    }

    @Test
    void addressesThatDoNotFitAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> UnixDatagramSocket.Address.path(""));
        assertThrows(IllegalArgumentException.class, () -> UnixDatagramSocket.Address.path("/a\0b"));
        assertThrows(IllegalArgumentException.class, () -> UnixDatagramSocket.Address.abstractName("x".repeat(108)));
        assertEquals(107, UnixDatagramSocket.Address.abstractName("x".repeat(107)).name().length());
    }

    /** The kernel's answer when nobody listens: the error names the peer, the socket stays usable. */
    @Test
    void sendingToNobodyFailsWithTheKernelsReason(@TempDir Path dir) throws Exception {
        try (UnixDatagramSocket s = UnixDatagramSocket.openTo(UnixDatagramSocket.Address.path(
                dir.resolve("absent").toString()))) {
            ErrnoException e = assertThrows(ErrnoException.class, () -> s.send(new byte[] {'x'}));
            assertEquals(Errno.ENOENT, e.errno());
            assertTrue(e.getMessage().contains("absent"), e.getMessage());
        }
    }
}
