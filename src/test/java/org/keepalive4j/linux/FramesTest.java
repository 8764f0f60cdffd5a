package org.keepalive4j.linux;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Gratuitous ARP and unsolicited neighbour advertisement layouts, byte by byte. */
class FramesTest {

    private static final byte[] MAC = HexFormat.of().parseHex("020000000011");

    @Test
    void gratuitousArpRequestAnnouncesTheAddressWithNoTargetHardwareAddress() throws Exception {
        byte[] arp = ArpPacket.gratuitous(ArpPacket.REQUEST, MAC, (Inet4Address) InetAddress.getByName("10.77.0.200"));
        assertArrayEquals(hex(
                // Ethernet (1), IPv4 (0x0800), hardware length 6, protocol length 4, request (1)
                "0001 0800 06 04 0001"
                // sender: our MAC, the address
                + "020000000011 0a4d00c8"
                // target: zero hardware address (RFC 5227), the address again
                + "000000000000 0a4d00c8"), arp);
    }

    @Test
    void gratuitousArpReplyTargetsBroadcast() throws Exception {
        byte[] arp = ArpPacket.gratuitous(ArpPacket.REPLY, MAC, (Inet4Address) InetAddress.getByName("10.77.0.200"));
        assertArrayEquals(hex("0001 0800 06 04 0002 020000000011 0a4d00c8 ffffffffffff 0a4d00c8"), arp);
        assertThrows(IllegalArgumentException.class,
                () -> ArpPacket.gratuitous(3, MAC, (Inet4Address) InetAddress.getByName("10.77.0.200")));
    }

    @Test
    void unsolicitedNeighbourAdvertisementHasOverrideTargetOptionAndChecksum() throws Exception {
        Inet6Address vip = (Inet6Address) InetAddress.getByName("fd00:77::200");
        byte[] na = NeighbourAdvertisement.unsolicited(vip, MAC, false, vip, AddressAnnouncer.ALL_NODES);
        assertArrayEquals(hex(
                // type 136, code 0, checksum (computed independently with Python), flags: Override only
                "88 00 559f 20000000"
                + "fd000077000000000000000000000200"
                // option 2 (target link-layer address), length 1 (x 8 bytes), the MAC
                + "02 01 020000000011"), na);
        // a correct checksum makes the sum over pseudo-header and message (checksum included) all ones
        assertEquals(0, NeighbourAdvertisement.checksum(vip, AddressAnnouncer.ALL_NODES, na));
    }

    @Test
    void routerFlagIsSetOnRequest() throws Exception {
        Inet6Address vip = (Inet6Address) InetAddress.getByName("fd00:77::200");
        byte[] na = NeighbourAdvertisement.unsolicited(vip, MAC, true, vip, AddressAnnouncer.ALL_NODES);
        assertEquals((byte) 0xa0, na[4]);
        assertEquals(0, NeighbourAdvertisement.checksum(vip, AddressAnnouncer.ALL_NODES, na));
    }

    private static byte[] hex(String spaced) {
        return HexFormat.of().parseHex(spaced.replace(" ", ""));
    }
}
