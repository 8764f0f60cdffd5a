package org.keepalive4j.dataplane.ipvs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.InetAddress;
import java.nio.ByteOrder;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.keepalive4j.config.model.ForwardingMethod;
import org.keepalive4j.config.model.IpFamily;
import org.keepalive4j.config.model.LvsProtocol;
import org.keepalive4j.config.model.LvsScheduler;
import org.keepalive4j.dataplane.Counters;
import org.keepalive4j.dataplane.Destination;
import org.keepalive4j.dataplane.DestinationKey;
import org.keepalive4j.dataplane.ServiceKey;
import org.keepalive4j.dataplane.VirtualService;
import org.keepalive4j.linux.NetlinkAttributes;

/**
 * The IPVS generic netlink attributes against uapi linux/ip_vs.h (version 1.2.1): attribute numbers,
 * nesting, and byte order (ports and IPv4 netmasks network order, the rest host order), with the expected
 * bytes written out by hand for a little-endian host.
 */
class IpvsCodecTest {

    static final ServiceKey WEB = new ServiceKey.Address(addr("10.0.0.100"), 80, LvsProtocol.TCP);

    @BeforeAll
    static void littleEndianHost() {
        Assumptions.assumeTrue(ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN, "expected bytes are little-endian");
    }

    @Test
    void commandNumbersAreTheUapiEnum() {
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 15, 17), List.of(IpvsCodec.CMD_NEW_SERVICE,
                IpvsCodec.CMD_SET_SERVICE, IpvsCodec.CMD_DEL_SERVICE, IpvsCodec.CMD_GET_SERVICE, IpvsCodec.CMD_NEW_DEST,
                IpvsCodec.CMD_SET_DEST, IpvsCodec.CMD_DEL_DEST, IpvsCodec.CMD_GET_DEST, IpvsCodec.CMD_GET_INFO,
                IpvsCodec.CMD_FLUSH));
    }

    @Test
    void aPersistentTcpServiceCarriesEverySettingTheKernelRequires() {
        VirtualService s = new VirtualService(WEB, LvsScheduler.WRR, Set.of(), false, 300, "255.255.255.0");
        byte[] expected = hex(
                // IPVS_CMD_ATTR_SERVICE (1) | NLA_F_NESTED, 84 bytes
                "5400 0180"
                // AF = AF_INET (u16)
                + "0600 0100 0200 0000"
                // PROTOCOL = IPPROTO_TCP (u16)
                + "0600 0200 0600 0000"
                // ADDR: union nf_inet_addr, 16 bytes, 10.0.0.100 first
                + "1400 0300 0a000064 00000000 00000000 00000000"
                // PORT 80, network order
                + "0600 0400 0050 0000"
                // SCHED_NAME "wrr\0"
                + "0800 0600 77727200"
                // FLAGS: struct ip_vs_flags { flags PERSISTENT; mask ~0 }
                + "0c00 0700 01000000 ffffffff"
                // TIMEOUT 300 s (u32 host order)
                + "0800 0800 2c010000"
                // NETMASK 255.255.255.0, network order
                + "0800 0900 ffffff00");
        assertArrayEquals(expected, IpvsCodec.service(s));
    }

    @Test
    void anUnsetSchedulerIsWlcAndANonPersistentServiceHasTimeoutZeroAndAHostMask() {
        VirtualService s = new VirtualService(WEB, null, Set.of(), false, null, null);
        byte[] bytes = IpvsCodec.service(s);
        List<NetlinkAttributes.Attribute> svc = NetlinkAttributes.parse(bytes, 0).get(0).nested();
        assertEquals("wlc", NetlinkAttributes.find(svc, IpvsCodec.SVC_ATTR_SCHED_NAME).string());
        assertEquals(0, NetlinkAttributes.find(svc, IpvsCodec.SVC_ATTR_TIMEOUT).u32());
        assertArrayEquals(hex("ffffffff"), NetlinkAttributes.find(svc, IpvsCodec.SVC_ATTR_NETMASK).data());
        assertArrayEquals(hex("00000000 ffffffff"), NetlinkAttributes.find(svc, IpvsCodec.SVC_ATTR_FLAGS).data());
    }

    @Test
    void anIpv6FwmarkServiceHasNoAddressAndItsGranularityIsAHostOrderPrefixLength() {
        ServiceKey key = new ServiceKey.Fwmark(7, IpFamily.INET6);
        VirtualService s = new VirtualService(key, LvsScheduler.SH, Set.of("sh-port", "sh-fallback"), true, 60, "64");
        byte[] expected = hex("3800 0180"
                + "0600 0100 0a00 0000" // AF_INET6
                + "0800 0500 07000000" // FWMARK 7, host order
                + "0700 0600 736800 00" // "sh"
                // PERSISTENT | ONEPACKET | SCHED1 (fallback) | SCHED2 (port) = 0x1d
                + "0c00 0700 1d000000 ffffffff"
                + "0800 0800 3c000000" // 60 s
                + "0800 0900 40000000"); // prefix 64
        assertArrayEquals(expected, IpvsCodec.service(s));
    }

    @Test
    void aDestinationNamesItsServiceAndCarriesForwardingWeightAndThresholds() {
        Destination d = new Destination(addr("192.168.1.2"), 8080, ForwardingMethod.NAT, 3, 100, 10);
        byte[] expected = hex(
                // the service's identity only
                "3000 0180" + "0600 0100 0200 0000" + "0600 0200 0600 0000"
                + "1400 0300 0a000064 00000000 00000000 00000000" + "0600 0400 0050 0000"
                // IPVS_CMD_ATTR_DEST (2) | NESTED
                + "4800 0280"
                + "1400 0100 c0a80102 00000000 00000000 00000000" // ADDR
                + "0600 0200 1f90 0000" // PORT 8080, network order
                + "0600 0b00 0200 0000" // ADDR_FAMILY AF_INET
                + "0800 0300 00000000" // FWD_METHOD masquerading
                + "0800 0400 03000000" // WEIGHT 3
                + "0800 0500 64000000" // U_THRESH 100
                + "0800 0600 0a000000"); // L_THRESH 10
        assertArrayEquals(expected, IpvsCodec.destination(WEB, d));
    }

    @Test
    void forwardingMethodsAreTheConnectionFlags() {
        assertEquals(0, IpvsCodec.forwarding(ForwardingMethod.NAT));
        assertEquals(3, IpvsCodec.forwarding(ForwardingMethod.simple(ForwardingMethod.Kind.DR)));
        assertEquals(2, IpvsCodec.forwarding(ForwardingMethod.simple(ForwardingMethod.Kind.TUN)));
    }

    @Test
    void aGueTunnelAddsTypePortAndFlags() {
        ForwardingMethod gue = new ForwardingMethod(ForwardingMethod.Kind.TUN, ForwardingMethod.TunnelType.GUE, 6080,
                ForwardingMethod.TunnelChecksum.CSUM);
        byte[] bytes = IpvsCodec.destination(WEB, new Destination(addr("192.168.1.2"), 80, gue, 1, 0, 0));
        List<NetlinkAttributes.Attribute> dest = NetlinkAttributes.parse(bytes, 0).get(1).nested();
        assertEquals(1, NetlinkAttributes.find(dest, IpvsCodec.DEST_ATTR_TUN_TYPE).u8());
        assertArrayEquals(hex("17c0"), NetlinkAttributes.find(dest, IpvsCodec.DEST_ATTR_TUN_PORT).data());
        assertEquals(1, NetlinkAttributes.find(dest, IpvsCodec.DEST_ATTR_TUN_FLAGS).u16());
        // plain IPIP sends none of them (kernels before 5.2 do not know them)
        byte[] ipip = IpvsCodec.destination(WEB, new Destination(addr("192.168.1.2"), 80,
                ForwardingMethod.simple(ForwardingMethod.Kind.TUN), 1, 0, 0));
        assertNull(NetlinkAttributes.find(NetlinkAttributes.parse(ipip, 0).get(1).nested(),
                IpvsCodec.DEST_ATTR_TUN_TYPE));
    }

    @Test
    void removingADestinationNeedsOnlyItsAddressAndPort() {
        byte[] bytes = IpvsCodec.destinationIdentity(WEB, new DestinationKey(addr("192.168.1.2"), 8080));
        List<NetlinkAttributes.Attribute> dest = NetlinkAttributes.parse(bytes, 0).get(1).nested();
        assertEquals(List.of(IpvsCodec.DEST_ATTR_ADDR, IpvsCodec.DEST_ATTR_PORT, IpvsCodec.DEST_ATTR_ADDR_FAMILY),
                dest.stream().map(NetlinkAttributes.Attribute::type).toList());
    }

    @Test
    void aServiceAnswerDecodesWithItsStats64() {
        // what ip_vs_genl_fill_service puts: AF, PROTOCOL, ADDR, PORT, SCHED_NAME, FLAGS, TIMEOUT, NETMASK,
        // STATS (32-bit, ignored) and STATS64 (u64 each, with a PAD attribute as nla_put_u64_64bit may add)
        String stats64 = "0c00 0100 0500000000000000" // conns 5
                + "0c00 0200 1400000000000000" // inpkts 20
                + "0c00 0300 1000000000000000" // outpkts 16
                + "0c00 0400 e803000000000000" // inbytes 1000
                + "0c00 0500 d007000000000000" // outbytes 2000
                + "0400 0b00" // PAD
                + "0c00 0600 0100000000000000" // cps 1
                + "0c00 0700 0200000000000000" + "0c00 0800 0300000000000000"
                + "0c00 0900 0400000000000000" + "0c00 0a00 0500000000000000";
        int statsLength = 4 + stats64.replace(" ", "").length() / 2;
        String svc = "0600 0100 0200 0000" + "0600 0200 0600 0000" + "1400 0300 0a000064 00000000 00000000 00000000"
                + "0600 0400 0050 0000" + "0800 0600 77727200" + "0c00 0700 03000000 ffffffff"
                + "0800 0800 2c010000" + "0800 0900 ffffff00"
                + String.format("%04x", Short.reverseBytes((short) statsLength) & 0xffff) + "0c80" + stats64;
        int svcLength = 4 + svc.replace(" ", "").length() / 2;
        byte[] message = hex(String.format("%04x", Short.reverseBytes((short) svcLength) & 0xffff) + "0180" + svc);
        IpvsCodec.KernelService k = IpvsCodec.decodeService(NetlinkAttributes.parse(message, 0));
        assertEquals(WEB, k.key());
        assertEquals("wrr", k.scheduler());
        assertEquals(IpvsCodec.SVC_F_PERSISTENT | IpvsCodec.SVC_F_HASHED, k.flags());
        assertEquals(300, k.timeout());
        assertArrayEquals(hex("ffffff00"), k.netmask());
        assertEquals(new Counters(5, 20, 16, 1000, 2000, 1, 2, 3, 4, 5, 0, 0, 0), k.counters());
    }

    @Test
    void aDestinationAnswerDecodesConnectionGauges() {
        String dest = "1400 0100 c0a80102 00000000 00000000 00000000" + "0600 0200 1f90 0000"
                + "0800 0300 00000000" + "0800 0400 02000000" + "0800 0500 00000000" + "0800 0600 00000000"
                + "0800 0700 07000000" // active 7
                + "0800 0800 03000000" // inactive 3
                + "0800 0900 01000000" // persistent 1
                + "0600 0b00 0200 0000"
                + "1000 0c80" + "0c00 0100 0900000000000000"; // STATS64 with conns 9 only
        int len = 4 + dest.replace(" ", "").length() / 2;
        byte[] message = hex(String.format("%04x", Short.reverseBytes((short) len) & 0xffff) + "0280" + dest);
        IpvsCodec.KernelDestination d = IpvsCodec.decodeDestination(NetlinkAttributes.parse(message, 0), false);
        assertEquals(new DestinationKey(addr("192.168.1.2"), 8080), d.key());
        assertEquals(2, d.weight());
        assertEquals(IpvsCodec.CONN_F_MASQ, d.forwarding());
        assertEquals(new Counters(9, 0, 0, 0, 0, 0, 0, 0, 0, 0, 7, 3, 1), d.counters());
    }

    @Test
    void theInfoVersionReadsAsDottedNumbers() {
        byte[] info = hex("0800 0100 01020100" + "0800 0200 00100000");
        assertEquals("1.2.1", IpvsCodec.version(NetlinkAttributes.parse(info, 0)));
    }

    static InetAddress addr(String s) {
        try {
            return InetAddress.getByName(s);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", ""));
    }
}
