package org.keepalive4j.dataplane.ipvs;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
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
import org.keepalive4j.linux.NetlinkAttributes.Attribute;

/**
 * The kernel's generic netlink family "IPVS" (uapi linux/ip_vs.h, version 1), pure: the attributes of
 * each command, and the decoding of the kernel's answers. Byte order as the kernel reads them: ports and
 * IPv4 netmasks in network order; address family, protocol, fwmark, flags, timeouts, weights and
 * thresholds in host order; addresses are the 16-byte {@code union nf_inet_addr} (an IPv4 address in its
 * first 4 bytes). An IPv6 service's "netmask" is its prefix length as a host-order number.
 */
final class IpvsCodec {

    static final String FAMILY = "IPVS";
    static final int VERSION = 1;

    // enum of IPVS_CMD_*
    static final int CMD_NEW_SERVICE = 1;
    static final int CMD_SET_SERVICE = 2;
    static final int CMD_DEL_SERVICE = 3;
    static final int CMD_GET_SERVICE = 4;
    static final int CMD_NEW_DEST = 5;
    static final int CMD_SET_DEST = 6;
    static final int CMD_DEL_DEST = 7;
    static final int CMD_GET_DEST = 8;
    static final int CMD_SET_INFO = 14;
    static final int CMD_GET_INFO = 15;
    static final int CMD_FLUSH = 17;

    static final int CMD_ATTR_SERVICE = 1;
    static final int CMD_ATTR_DEST = 2;

    static final int SVC_ATTR_AF = 1;
    static final int SVC_ATTR_PROTOCOL = 2;
    static final int SVC_ATTR_ADDR = 3;
    static final int SVC_ATTR_PORT = 4;
    static final int SVC_ATTR_FWMARK = 5;
    static final int SVC_ATTR_SCHED_NAME = 6;
    static final int SVC_ATTR_FLAGS = 7;
    static final int SVC_ATTR_TIMEOUT = 8;
    static final int SVC_ATTR_NETMASK = 9;
    static final int SVC_ATTR_STATS = 10;
    static final int SVC_ATTR_PE_NAME = 11;
    static final int SVC_ATTR_STATS64 = 12;

    static final int DEST_ATTR_ADDR = 1;
    static final int DEST_ATTR_PORT = 2;
    static final int DEST_ATTR_FWD_METHOD = 3;
    static final int DEST_ATTR_WEIGHT = 4;
    static final int DEST_ATTR_U_THRESH = 5;
    static final int DEST_ATTR_L_THRESH = 6;
    static final int DEST_ATTR_ACTIVE_CONNS = 7;
    static final int DEST_ATTR_INACT_CONNS = 8;
    static final int DEST_ATTR_PERSIST_CONNS = 9;
    static final int DEST_ATTR_STATS = 10;
    static final int DEST_ATTR_ADDR_FAMILY = 11;
    static final int DEST_ATTR_STATS64 = 12;
    static final int DEST_ATTR_TUN_TYPE = 13;
    static final int DEST_ATTR_TUN_PORT = 14;
    static final int DEST_ATTR_TUN_FLAGS = 15;

    static final int STATS_ATTR_CONNS = 1;
    static final int STATS_ATTR_INPKTS = 2;
    static final int STATS_ATTR_OUTPKTS = 3;
    static final int STATS_ATTR_INBYTES = 4;
    static final int STATS_ATTR_OUTBYTES = 5;
    static final int STATS_ATTR_CPS = 6;
    static final int STATS_ATTR_INPPS = 7;
    static final int STATS_ATTR_OUTPPS = 8;
    static final int STATS_ATTR_INBPS = 9;
    static final int STATS_ATTR_OUTBPS = 10;

    static final int INFO_ATTR_VERSION = 1;
    static final int INFO_ATTR_CONN_TAB_SIZE = 2;

    static final int SVC_F_PERSISTENT = 0x0001;
    static final int SVC_F_HASHED = 0x0002;
    static final int SVC_F_ONEPACKET = 0x0004;
    static final int SVC_F_SCHED1 = 0x0008;
    static final int SVC_F_SCHED2 = 0x0010;
    static final int SVC_F_SCHED3 = 0x0020;

    static final int CONN_F_MASQ = 0;
    static final int CONN_F_TUNNEL = 2;
    static final int CONN_F_DROUTE = 3;
    static final int CONN_F_FWD_MASK = 7;

    static final int AF_INET = 2;
    static final int AF_INET6 = 10;
    static final int IPPROTO_TCP = 6;
    static final int IPPROTO_UDP = 17;
    static final int IPPROTO_SCTP = 132;
    private static final int ADDR_SIZE = 16;

    private IpvsCodec() {
    }

    // ---- requests ----

    /** IPVS_CMD_ATTR_SERVICE with only what identifies the service (DEL_SERVICE, GET_SERVICE, GET_DEST). */
    static byte[] serviceIdentity(ServiceKey key) {
        return new NetlinkAttributes.Builder().nested(CMD_ATTR_SERVICE, identity(key)).toBytes();
    }

    /** IPVS_CMD_ATTR_SERVICE with every setting (NEW_SERVICE, SET_SERVICE need them all). */
    static byte[] service(VirtualService s) {
        NetlinkAttributes.Builder b = identity(s.key())
                .string(SVC_ATTR_SCHED_NAME, scheduler(s).kernelName())
                .bytes(SVC_ATTR_FLAGS, flagsStruct(flags(s), 0xffffffff))
                .u32(SVC_ATTR_TIMEOUT, s.persistenceTimeout() == null ? 0 : s.persistenceTimeout())
                .bytes(SVC_ATTR_NETMASK, netmask(s));
        return new NetlinkAttributes.Builder().nested(CMD_ATTR_SERVICE, b).toBytes();
    }

    /** The service's identity and IPVS_CMD_ATTR_DEST with every setting (NEW_DEST, SET_DEST). */
    static byte[] destination(ServiceKey service, Destination d) {
        NetlinkAttributes.Builder dest = destIdentity(d.key())
                .u32(DEST_ATTR_FWD_METHOD, forwarding(d.forwarding()))
                .u32(DEST_ATTR_WEIGHT, d.weight())
                .u32(DEST_ATTR_U_THRESH, d.uthreshold())
                .u32(DEST_ATTR_L_THRESH, d.lthreshold());
        ForwardingMethod f = d.forwarding();
        // the tunnel attributes exist since Linux 5.2/5.3; send them only when they say more than IPIP
        if (f != null && f.isTunnel() && (f.tunnelType() != ForwardingMethod.TunnelType.IPIP
                || (f.checksum() != null && f.checksum() != ForwardingMethod.TunnelChecksum.NOCSUM))) {
            dest.u8(DEST_ATTR_TUN_TYPE, f.tunnelType().ordinal());
            if (f.guePort() != null) {
                dest.be16(DEST_ATTR_TUN_PORT, f.guePort());
            }
            dest.u16(DEST_ATTR_TUN_FLAGS, tunnelFlags(f.checksum()));
        }
        return new NetlinkAttributes.Builder().nested(CMD_ATTR_SERVICE, identity(service))
                .nested(CMD_ATTR_DEST, dest).toBytes();
    }

    /** The service's identity and the destination's address and port (DEL_DEST). */
    static byte[] destinationIdentity(ServiceKey service, DestinationKey d) {
        return new NetlinkAttributes.Builder().nested(CMD_ATTR_SERVICE, identity(service))
                .nested(CMD_ATTR_DEST, destIdentity(d)).toBytes();
    }

    static int flags(VirtualService s) {
        int flags = 0;
        if (s.persistenceTimeout() != null) {
            flags |= SVC_F_PERSISTENT;
        }
        if (s.onePacketScheduling()) {
            flags |= SVC_F_ONEPACKET;
        }
        return flags | schedulerFlags(s.schedulerFlags());
    }

    /** keepalived's names: sh-fallback and mh-fallback are flag-1, sh-port and mh-port flag-2. */
    static int schedulerFlags(Set<String> names) {
        int flags = 0;
        for (String n : names) {
            flags |= switch (n) {
                case "flag-1", "sh-fallback", "mh-fallback" -> SVC_F_SCHED1;
                case "flag-2", "sh-port", "mh-port" -> SVC_F_SCHED2;
                case "flag-3" -> SVC_F_SCHED3;
                default -> throw new IllegalArgumentException("unknown scheduler flag " + n);
            };
        }
        return flags;
    }

    static LvsScheduler scheduler(VirtualService s) {
        return s.scheduler() == null ? LvsScheduler.DEFAULT : s.scheduler();
    }

    /** 4 bytes: an IPv4 mask in network order, or an IPv6 prefix length in host order. */
    static byte[] netmask(VirtualService s) {
        boolean v6 = isIpv6(s.key());
        String g = s.persistenceGranularity();
        if (v6) {
            int prefix = g == null ? 128 : Integer.parseInt(g);
            return ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putInt(prefix).array();
        }
        if (g == null) {
            return new byte[] {(byte) 255, (byte) 255, (byte) 255, (byte) 255};
        }
        try {
            return InetAddress.getByName(g).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("persistence_granularity " + g + " is not an IPv4 netmask", e);
        }
    }

    static int forwarding(ForwardingMethod f) {
        if (f == null) {
            return CONN_F_MASQ;
        }
        return switch (f.kind()) {
            case NAT -> CONN_F_MASQ;
            case DR -> CONN_F_DROUTE;
            case TUN -> CONN_F_TUNNEL;
        };
    }

    static int protocol(LvsProtocol p) {
        return switch (p) {
            case TCP -> IPPROTO_TCP;
            case UDP -> IPPROTO_UDP;
            case SCTP -> IPPROTO_SCTP;
        };
    }

    static boolean isIpv6(ServiceKey key) {
        if (key instanceof ServiceKey.Address a) {
            return a.address() instanceof Inet6Address;
        }
        return ((ServiceKey.Fwmark) key).family() == IpFamily.INET6;
    }

    private static NetlinkAttributes.Builder identity(ServiceKey key) {
        NetlinkAttributes.Builder b = new NetlinkAttributes.Builder().u16(SVC_ATTR_AF, isIpv6(key) ? AF_INET6 : AF_INET);
        if (key instanceof ServiceKey.Address a) {
            return b.u16(SVC_ATTR_PROTOCOL, protocol(a.protocol())).bytes(SVC_ATTR_ADDR, address(a.address()))
                    .be16(SVC_ATTR_PORT, a.port());
        }
        return b.u32(SVC_ATTR_FWMARK, ((ServiceKey.Fwmark) key).mark());
    }

    private static NetlinkAttributes.Builder destIdentity(DestinationKey d) {
        return new NetlinkAttributes.Builder().bytes(DEST_ATTR_ADDR, address(d.address()))
                .be16(DEST_ATTR_PORT, d.port())
                .u16(DEST_ATTR_ADDR_FAMILY, d.address() instanceof Inet6Address ? AF_INET6 : AF_INET);
    }

    /** union nf_inet_addr: 16 bytes, an IPv4 address in the first 4. */
    private static byte[] address(InetAddress a) {
        return Arrays.copyOf(a.getAddress(), ADDR_SIZE);
    }

    /** struct ip_vs_flags { u32 flags; u32 mask; } in host order. */
    private static byte[] flagsStruct(int flags, int mask) {
        return ByteBuffer.allocate(8).order(ByteOrder.nativeOrder()).putInt(flags).putInt(mask).array();
    }

    private static int tunnelFlags(ForwardingMethod.TunnelChecksum c) {
        if (c == null) {
            return 0;
        }
        return switch (c) {
            case NOCSUM -> 0;
            case CSUM -> 1;
            case REMCSUM -> 2;
        };
    }

    // ---- answers ----

    /** A service as the kernel reports it (IPVS_CMD_NEW_SERVICE in a GET_SERVICE answer). */
    record KernelService(ServiceKey key, String scheduler, int flags, long timeout, byte[] netmask,
                         Counters counters) {
    }

    /** A destination as the kernel reports it (IPVS_CMD_NEW_DEST in a GET_DEST answer). */
    record KernelDestination(DestinationKey key, int forwarding, int weight, long uthreshold, long lthreshold,
                             Counters counters) {
    }

    /** null when the message has no service or a protocol keepalive4j does not program. */
    static KernelService decodeService(List<Attribute> message) {
        Attribute nest = NetlinkAttributes.find(message, CMD_ATTR_SERVICE);
        if (nest == null) {
            return null;
        }
        List<Attribute> a = nest.nested();
        Attribute af = NetlinkAttributes.find(a, SVC_ATTR_AF);
        if (af == null) {
            return null;
        }
        boolean v6 = af.u16() == AF_INET6;
        ServiceKey key;
        Attribute fwmark = NetlinkAttributes.find(a, SVC_ATTR_FWMARK);
        if (fwmark != null && fwmark.u32() != 0) {
            key = new ServiceKey.Fwmark(fwmark.u32(), v6 ? IpFamily.INET6 : IpFamily.INET);
        } else {
            LvsProtocol p = protocolOf(u16(a, SVC_ATTR_PROTOCOL));
            Attribute addr = NetlinkAttributes.find(a, SVC_ATTR_ADDR);
            Attribute port = NetlinkAttributes.find(a, SVC_ATTR_PORT);
            if (p == null || addr == null || port == null) {
                return null;
            }
            key = new ServiceKey.Address(inet(addr.data(), v6), port.be16(), p);
        }
        Attribute sched = NetlinkAttributes.find(a, SVC_ATTR_SCHED_NAME);
        Attribute flags = NetlinkAttributes.find(a, SVC_ATTR_FLAGS);
        Attribute netmask = NetlinkAttributes.find(a, SVC_ATTR_NETMASK);
        return new KernelService(key, sched == null ? "" : sched.string(),
                flags == null ? 0 : (int) flags.u32(), u32(a, SVC_ATTR_TIMEOUT),
                netmask == null ? new byte[4] : netmask.data(), stats(a, SVC_ATTR_STATS64, 0, 0, 0));
    }

    static KernelDestination decodeDestination(List<Attribute> message, boolean serviceIsIpv6) {
        Attribute nest = NetlinkAttributes.find(message, CMD_ATTR_DEST);
        if (nest == null) {
            return null;
        }
        List<Attribute> a = nest.nested();
        Attribute addr = NetlinkAttributes.find(a, DEST_ATTR_ADDR);
        if (addr == null) {
            return null;
        }
        Attribute family = NetlinkAttributes.find(a, DEST_ATTR_ADDR_FAMILY);
        boolean v6 = family == null ? serviceIsIpv6 : family.u16() == AF_INET6;
        DestinationKey key = new DestinationKey(inet(addr.data(), v6), u16be(a, DEST_ATTR_PORT));
        Counters c = stats(a, DEST_ATTR_STATS64, u32(a, DEST_ATTR_ACTIVE_CONNS), u32(a, DEST_ATTR_INACT_CONNS),
                u32(a, DEST_ATTR_PERSIST_CONNS));
        return new KernelDestination(key, (int) u32(a, DEST_ATTR_FWD_METHOD) & CONN_F_FWD_MASK,
                (int) u32(a, DEST_ATTR_WEIGHT), u32(a, DEST_ATTR_U_THRESH), u32(a, DEST_ATTR_L_THRESH), c);
    }

    /** IPVS_INFO_ATTR_VERSION as "1.2.1"; "?" when absent. */
    static String version(List<Attribute> info) {
        Attribute v = NetlinkAttributes.find(info, INFO_ATTR_VERSION);
        if (v == null) {
            return "?";
        }
        long code = v.u32();
        return ((code >> 16) & 0xff) + "." + ((code >> 8) & 0xff) + "." + (code & 0xff);
    }

    private static Counters stats(List<Attribute> a, int type, long active, long inactive, long persistent) {
        Attribute nest = NetlinkAttributes.find(a, type);
        if (nest == null) {
            return new Counters(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, active, inactive, persistent);
        }
        List<Attribute> s = nest.nested();
        return new Counters(u64(s, STATS_ATTR_CONNS), u64(s, STATS_ATTR_INPKTS), u64(s, STATS_ATTR_OUTPKTS),
                u64(s, STATS_ATTR_INBYTES), u64(s, STATS_ATTR_OUTBYTES), u64(s, STATS_ATTR_CPS),
                u64(s, STATS_ATTR_INPPS), u64(s, STATS_ATTR_OUTPPS), u64(s, STATS_ATTR_INBPS),
                u64(s, STATS_ATTR_OUTBPS), active, inactive, persistent);
    }

    private static LvsProtocol protocolOf(int number) {
        return switch (number) {
            case IPPROTO_TCP -> LvsProtocol.TCP;
            case IPPROTO_UDP -> LvsProtocol.UDP;
            case IPPROTO_SCTP -> LvsProtocol.SCTP;
            default -> null;
        };
    }

    private static InetAddress inet(byte[] data, boolean v6) {
        try {
            return InetAddress.getByAddress(Arrays.copyOf(data, v6 ? 16 : 4));
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // cannot happen: the lengths are right
        }
    }

    private static int u16(List<Attribute> a, int type) {
        Attribute x = NetlinkAttributes.find(a, type);
        return x == null ? 0 : x.u16();
    }

    private static int u16be(List<Attribute> a, int type) {
        Attribute x = NetlinkAttributes.find(a, type);
        return x == null ? 0 : x.be16();
    }

    private static long u32(List<Attribute> a, int type) {
        Attribute x = NetlinkAttributes.find(a, type);
        return x == null ? 0 : x.u32();
    }

    private static long u64(List<Attribute> a, int type) {
        Attribute x = NetlinkAttributes.find(a, type);
        return x == null ? 0 : x.u64();
    }
}
