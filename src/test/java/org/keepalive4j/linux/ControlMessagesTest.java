package org.keepalive4j.linux;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.jna.Native;
import java.net.InetAddress;
import java.nio.ByteOrder;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** cmsg and sockaddr layouts as an x86-64 / aarch64 kernel expects them. */
class ControlMessagesTest {

    @Test
    void pktinfoItemOnLp64() {
        Assumptions.assumeTrue(Native.SIZE_T_SIZE == 8 && ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN);
        byte[] pktinfo = HexFormat.of().parseHex("030000000a4d000b00000000");
        byte[] item = ControlMessages.encode(RawIpSocket.IPPROTO_IP, RawIpSocket.IP_PKTINFO, pktinfo);
        // cmsg_len 16 + 12 = 28 as size_t, level 0, type IP_PKTINFO (8), data, padding to 32
        assertArrayEquals(HexFormat.of().parseHex(
                "1c00000000000000 00000000 08000000 030000000a4d000b00000000 00000000".replace(" ", "")), item);
        assertEquals(32, ControlMessages.space(12));
    }

    @Test
    void decodesConsecutiveItems() {
        byte[] ttl = ControlMessages.encode(RawIpSocket.IPPROTO_IP, RawIpSocket.IP_TTL, NativeBytes.int32(255));
        byte[] info = ControlMessages.encode(RawIpSocket.IPPROTO_IPV6, RawIpSocket.IPV6_PKTINFO, new byte[20]);
        byte[] both = new byte[ttl.length + info.length];
        System.arraycopy(ttl, 0, both, 0, ttl.length);
        System.arraycopy(info, 0, both, ttl.length, info.length);
        List<ControlMessages.ControlMessage> items = ControlMessages.decode(both, both.length);
        assertEquals(2, items.size());
        assertEquals(RawIpSocket.IP_TTL, items.get(0).type());
        assertEquals(255, NativeBytes.host(items.get(0).data()).getInt(0));
        assertEquals(RawIpSocket.IPPROTO_IPV6, items.get(1).level());
        assertEquals(20, items.get(1).data().length);
    }

    @Test
    void sockaddrIn6CarriesScopeIdAndNetworkOrderAddress() throws Exception {
        Assumptions.assumeTrue(ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN);
        byte[] sockaddr = SocketAddresses.encode(InetAddress.getByName("fe80::1"), 3);
        assertArrayEquals(HexFormat.of().parseHex(
                "0a00 0000 00000000 fe800000000000000000000000000001 03000000".replace(" ", "")), sockaddr);
        assertEquals(InetAddress.getByName("fe80::1%3"), SocketAddresses.decode(sockaddr, sockaddr.length));
        byte[] v4 = SocketAddresses.encode(InetAddress.getByName("224.0.0.18"), 3);
        assertArrayEquals(HexFormat.of().parseHex("0200 0000 e0000012 0000000000000000".replace(" ", "")), v4);
    }
}
