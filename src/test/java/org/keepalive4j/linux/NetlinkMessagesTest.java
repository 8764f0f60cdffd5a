package org.keepalive4j.linux;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.ByteOrder;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Netlink messages against the uapi layout, with the expected bytes written out by hand for a
 * little-endian host (netlink uses host byte order).
 */
class NetlinkMessagesTest {

    @BeforeAll
    static void littleEndianHost() {
        Assumptions.assumeTrue(ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN, "expected bytes are little-endian");
    }

    @Test
    void addressRequestHasHeaderIfaddrmsgAndPaddedAttributes() throws Exception {
        InterfaceAddress vip = InterfaceAddress.of(3, InetAddress.getByName("10.77.0.200"), 24).withLabel("eth0:vip");
        int flags = NetlinkMessages.NLM_F_REQUEST | NetlinkMessages.NLM_F_ACK | NetlinkMessages.NLM_F_CREATE
                | NetlinkMessages.NLM_F_EXCL;
        byte[] expected = hex(
                // nlmsghdr: len 56, type RTM_NEWADDR (20), flags 0x605, seq 7, pid 0
                "38000000 1400 0506 07000000 00000000"
                // ifaddrmsg: AF_INET, /24, flags 0, scope universe, ifindex 3
                + "02 18 00 00 03000000"
                // IFA_LOCAL and IFA_ADDRESS: len 8, the address
                + "0800 0200 0a4d00c8"
                + "0800 0100 0a4d00c8"
                // IFA_LABEL: len 4 + 9 ("eth0:vip" and NUL) = 13, padded to 16
                + "0d00 0300 657468303a766970 00 000000");
        assertArrayEquals(expected, vip.encode(NetlinkMessages.RTM_NEWADDR, flags, 7));
    }

    @Test
    void flagsBeyondEightBitsGoToTheIfaFlagsAttribute() throws Exception {
        InterfaceAddress vip = InterfaceAddress.of(4, InetAddress.getByName("fd00:77::200"), 64)
                .withFlags(InterfaceAddress.NODAD | InterfaceAddress.NOPREFIXROUTE);
        byte[] expected = hex(
                "48000000 1500 0100 01000000 00000000"
                // AF_INET6 (10), /64, ifa_flags holds the low byte: NODAD
                + "0a 40 02 00 04000000"
                + "1400 0200 fd000077000000000000000000000200"
                + "1400 0100 fd000077000000000000000000000200"
                // IFA_FLAGS (8): NODAD | NOPREFIXROUTE as u32
                + "0800 0800 02020000");
        assertArrayEquals(expected, vip.encode(NetlinkMessages.RTM_DELADDR, NetlinkMessages.NLM_F_REQUEST, 1));
    }

    @Test
    void parsesMessagesAndAttributesAcrossPadding() {
        // two RTM_NEWLINK messages in one datagram; the first ends with a 5-byte attribute and padding
        byte[] datagram = hex(
                "34000000 1000 0200 05000000 e8030000"
                // ifinfomsg: AF_UNSPEC, pad, ARPHRD_ETHER (1), index 3, flags UP|BROADCAST|RUNNING|MULTICAST|LOWER_UP
                + "00 00 0100 03000000 43100100 00000000"
                // IFLA_IFNAME "eth0": len 9, padded to 12
                + "0900 0300 6574683000 000000"
                // IFLA_CARRIER (33): u8 1, len 5, padded to 8
                + "0500 2100 01 000000"
                + "20000000 1000 0200 05000000 e8030000"
                + "00 00 0100 04000000 02100000 00000000");
        List<NetlinkMessage> messages = NetlinkMessages.parse(datagram, datagram.length);
        assertEquals(2, messages.size());
        NetlinkMessage first = messages.get(0);
        assertEquals(NetlinkMessages.RTM_NEWLINK, first.type());
        assertEquals(NetlinkMessages.NLM_F_MULTI, first.flags());
        assertEquals(5, first.sequence());
        assertEquals(1000, first.portId());
        assertEquals(52 - 16, first.payload().length);

        Map<Integer, byte[]> attributes = NetlinkMessages.attributes(first.payload(), Link.IFINFOMSG_SIZE);
        assertEquals("eth0", NetlinkMessages.string(attributes.get(Link.IFLA_IFNAME)));
        assertArrayEquals(new byte[] {1}, attributes.get(Link.IFLA_CARRIER));

        Link eth0 = Link.decode(first);
        assertEquals(new Link(3, "eth0", 0x11043, new byte[0], true), eth0);
        assertTrue(eth0.isUp());
        assertTrue(eth0.isRunning());

        // without IFLA_CARRIER, the carrier follows IFF_LOWER_UP; flags BROADCAST|MULTICAST: down
        Link second = Link.decode(messages.get(1));
        assertEquals(4, second.index());
        assertFalse(second.isUp());
        assertFalse(second.carrier());
    }

    @Test
    void aTruncatedMessageEndsTheList() {
        byte[] datagram = hex("14000000 0300 0200 01000000 00000000 00000000" + "40000000 1000 0000");
        List<NetlinkMessage> messages = NetlinkMessages.parse(datagram, datagram.length);
        assertEquals(1, messages.size());
        assertEquals(NetlinkMessages.NLMSG_DONE, messages.get(0).type());
    }

    @Test
    void decodesAnAddressNotificationWithLabelAndFlags() throws Exception {
        byte[] datagram = hex(
                "48000000 1400 0000 00000000 00000000"
                + "02 18 80 00 03000000"
                + "0800 0100 0a4d00c8"
                + "0800 0200 0a4d00c8"
                + "0800 0400 0a4d00ff"
                + "0d00 0300 657468303a766970 00 000000"
                + "0800 0800 80000000");
        NetlinkMessage m = NetlinkMessages.parse(datagram, datagram.length).get(0);
        NetlinkEvent event = LinkEvents.toEvent(m);
        InterfaceAddress expected = InterfaceAddress.of(3, InetAddress.getByName("10.77.0.200"), 24)
                .withBroadcast(InetAddress.getByName("10.77.0.255")).withLabel("eth0:vip")
                .withFlags(InterfaceAddress.PERMANENT);
        assertEquals(new NetlinkEvent.AddressAdded(expected), event);
    }

    @Test
    void readsErrnoAndExtendedAckText() {
        // NLMSG_ERROR, flags CAPPED|ACK_TLVS: error -17, the echoed request header, NLMSGERR_ATTR_MSG
        byte[] datagram = hex(
                "38000000 0200 0003 09000000 00000000"
                + "efffffff"
                + "38000000 1400 0506 09000000 00000000"
                // "Invalid label" and NUL: len 4 + 14 = 18, padded to 20
                + "1200 0100 496e76616c6964206c6162656c00 0000");
        NetlinkMessage error = NetlinkMessages.parse(datagram, datagram.length).get(0);
        assertEquals(Errno.EEXIST, NetlinkMessages.errorCode(error));
        assertEquals("Invalid label", NetlinkMessages.errorText(error));

        byte[] ack = hex("24000000 0200 0001 0a000000 00000000 00000000 24000000 1400 0506 0a000000 00000000");
        NetlinkMessage acknowledgement = NetlinkMessages.parse(ack, ack.length).get(0);
        assertEquals(0, NetlinkMessages.errorCode(acknowledgement));
        assertEquals("", NetlinkMessages.errorText(acknowledgement));
    }

    @Test
    void linkRequestByNameCarriesIfnameAfterTheIfinfomsg() {
        byte[] request = new NetlinkMessages.Builder(NetlinkMessages.RTM_GETLINK, NetlinkMessages.NLM_F_REQUEST)
                .header(Link.requestHeader(0)).attribute(Link.IFLA_IFNAME, "eth0").build(2, 0);
        assertArrayEquals(hex("2c000000 1200 0100 02000000 00000000"
                + "00 00 0000 00000000 00000000 00000000"
                + "0900 0300 6574683000 000000"), request);
    }

    @Test
    void otherFamiliesAndMessageTypesAreNoEvents() {
        byte[] mpls = hex("18000000 1400 0000 00000000 00000000 1c 14 00 00 03000000");
        assertNull(LinkEvents.toEvent(NetlinkMessages.parse(mpls, mpls.length).get(0)));
        byte[] route = hex("18000000 1800 0000 00000000 00000000 02 00 00 00 00 00 00 00");
        assertNull(LinkEvents.toEvent(NetlinkMessages.parse(route, route.length).get(0)));
    }

    static byte[] hex(String spaced) {
        return HexFormat.of().parseHex(spaced.replace(" ", ""));
    }
}
