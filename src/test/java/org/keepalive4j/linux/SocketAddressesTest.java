package org.keepalive4j.linux;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class SocketAddressesTest {

    @Test
    void ipv4PortIsInNetworkOrderAndFamilyInHostOrder() throws Exception {
        byte[] s = SocketAddresses.encode(InetAddress.getByName("10.1.2.3"), 0x1234, 0);
        assertEquals(SocketAddresses.SOCKADDR_IN_SIZE, s.length);
        assertEquals(Sockets.AF_INET, NativeBytes.host(s).getShort(0));
        assertEquals(0x12, s[2]);
        assertEquals(0x34, s[3]);
        assertArrayEquals(new byte[] {10, 1, 2, 3}, java.util.Arrays.copyOfRange(s, 4, 8));
    }

    @Test
    void ipv6KeepsPortAddressAndScope() throws Exception {
        byte[] s = SocketAddresses.encode(InetAddress.getByName("fe80::1"), 53, 7);
        assertEquals(SocketAddresses.SOCKADDR_IN6_SIZE, s.length);
        assertEquals(Sockets.AF_INET6, NativeBytes.host(s).getShort(0));
        assertEquals(53, ByteBuffer.wrap(s, 2, 2).getShort());
        assertEquals(7, NativeBytes.host(s).getInt(24));
        assertEquals(InetAddress.getByName("fe80::1"), InetAddress.getByAddress(java.util.Arrays.copyOfRange(s, 8, 24)));
    }

    @Test
    void theOldFormHasPortZero() throws Exception {
        assertArrayEquals(SocketAddresses.encode(InetAddress.getByName("10.1.2.3"), 0, 0),
                SocketAddresses.encode(InetAddress.getByName("10.1.2.3"), 0));
    }
}
