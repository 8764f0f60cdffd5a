package org.keepalive4j.linux;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class ReceivedPacketTest {

    @Test
    void ipv4DatagramsStartWithTheirHeaderOptionsIncluded() throws Exception {
        byte[] datagram = new byte[24 + 3];
        datagram[0] = 0x46; // version 4, header of 6 words: one word of options
        datagram[24] = 'a';
        ReceivedPacket p = new ReceivedPacket(datagram, datagram.length, InetAddress.getByName("10.77.0.11"),
                InetAddress.getByName("224.0.0.18"), 2, 255);
        assertEquals(24, p.payloadOffset());
        assertArrayEquals(new byte[] {'a', 0, 0}, p.payload());
        assertFalse(p.truncated());
    }

    @Test
    void ipv6DatagramsAreAllPayload() throws Exception {
        byte[] datagram = {0x31, 1, 2};
        ReceivedPacket p = new ReceivedPacket(datagram, 40, InetAddress.getByName("fe80::1"),
                InetAddress.getByName("ff02::12"), 2, 255);
        assertEquals(0, p.payloadOffset());
        assertArrayEquals(datagram, p.payload());
        assertTrue(p.truncated(), "the kernel said 40 bytes, 3 fit");
    }

    @Test
    void interfaceAddressesRejectWhatTheKernelWould() throws Exception {
        InetAddress v4 = InetAddress.getByName("10.77.0.200");
        InetAddress v6 = InetAddress.getByName("fd00:77::200");
        assertThrows(IllegalArgumentException.class, () -> InterfaceAddress.of(2, v4, 33));
        assertThrows(IllegalArgumentException.class, () -> InterfaceAddress.of(2, v6, 64).withLabel("eth0:vip"));
        assertEquals(128, InterfaceAddress.of(2, v6, 128).prefixLength());
    }
}
