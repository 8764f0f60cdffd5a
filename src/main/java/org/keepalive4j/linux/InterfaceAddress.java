package org.keepalive4j.linux;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.Map;

/**
 * An address on an interface, as rtnetlink describes one (linux/if_addr.h): what {@link RtNetlink} adds
 * and deletes, what a dump or an address event reports.
 *
 * @param broadcast IPv4 only, null for none
 * @param label IPv4 only ("eth0:vip"; it must start with the interface name), null for the default
 * @param scope one of the SCOPE_* constants
 * @param flags IFA_F_* bits, e.g. {@link #NODAD} | {@link #NOPREFIXROUTE}
 */
public record InterfaceAddress(int ifindex, InetAddress address, int prefixLength, InetAddress broadcast,
        String label, int scope, int flags) {

    public static final int SECONDARY = 0x01;
    public static final int NODAD = 0x02;
    public static final int OPTIMISTIC = 0x04;
    public static final int DADFAILED = 0x08;
    public static final int HOMEADDRESS = 0x10;
    public static final int DEPRECATED = 0x20;
    public static final int TENTATIVE = 0x40;
    public static final int PERMANENT = 0x80;
    public static final int MANAGETEMPADDR = 0x100;
    public static final int NOPREFIXROUTE = 0x200;

    public static final int SCOPE_UNIVERSE = 0;
    public static final int SCOPE_SITE = 200;
    public static final int SCOPE_LINK = 253;
    public static final int SCOPE_HOST = 254;

    static final int IFA_ADDRESS = 1;
    static final int IFA_LOCAL = 2;
    static final int IFA_LABEL = 3;
    static final int IFA_BROADCAST = 4;
    static final int IFA_FLAGS = 8;

    /** struct ifaddrmsg { u8 family; u8 prefixlen; u8 flags; u8 scope; u32 index; } */
    static final int IFADDRMSG_SIZE = 8;

    public InterfaceAddress {
        int maxPrefix = IpFamily.of(address).addressLength() * 8;
        if (prefixLength < 0 || prefixLength > maxPrefix) {
            throw new IllegalArgumentException("prefix length " + prefixLength + " for " + address.getHostAddress());
        }
        if (IpFamily.of(address) == IpFamily.IPV6 && (broadcast != null || label != null)) {
            throw new IllegalArgumentException("IPv6 addresses have neither broadcast nor label");
        }
    }

    /** A global-scope address without broadcast, label or flags. */
    public static InterfaceAddress of(int ifindex, InetAddress address, int prefixLength) {
        return new InterfaceAddress(ifindex, address, prefixLength, null, null, SCOPE_UNIVERSE, 0);
    }

    public InterfaceAddress withBroadcast(InetAddress newBroadcast) {
        return new InterfaceAddress(ifindex, address, prefixLength, newBroadcast, label, scope, flags);
    }

    public InterfaceAddress withLabel(String newLabel) {
        return new InterfaceAddress(ifindex, address, prefixLength, broadcast, newLabel, scope, flags);
    }

    public InterfaceAddress withScope(int newScope) {
        return new InterfaceAddress(ifindex, address, prefixLength, broadcast, label, newScope, flags);
    }

    public InterfaceAddress withFlags(int newFlags) {
        return new InterfaceAddress(ifindex, address, prefixLength, broadcast, label, scope, newFlags);
    }

    public IpFamily family() {
        return IpFamily.of(address);
    }

    /** The RTM_NEWADDR / RTM_DELADDR request for this address. */
    byte[] encode(int messageType, int messageFlags, int sequence) {
        ByteBuffer header = NativeBytes.host(IFADDRMSG_SIZE)
                .put((byte) family().addressFamily()).put((byte) prefixLength)
                .put((byte) (flags & 0xff)).put((byte) scope).putInt(ifindex);
        NetlinkMessages.Builder b = new NetlinkMessages.Builder(messageType, messageFlags).header(header.array())
                // IFA_LOCAL is the address itself; IFA_ADDRESS would be the peer on a point-to-point
                // link, and the kernel wants both equal otherwise (what iproute2 sends)
                .attribute(IFA_LOCAL, address.getAddress())
                .attribute(IFA_ADDRESS, address.getAddress());
        if (broadcast != null) {
            b.attribute(IFA_BROADCAST, broadcast.getAddress());
        }
        if (label != null) {
            b.attribute(IFA_LABEL, label);
        }
        if (flags > 0xff) {
            // ifa_flags has 8 bits; the rest (NOPREFIXROUTE, ...) only fit the IFA_FLAGS attribute
            b.attributeU32(IFA_FLAGS, flags);
        }
        return b.build(sequence, 0);
    }

    /** Whether an address message is about IPv4 or IPv6: dumps and events may carry other families. */
    static boolean isIpFamily(NetlinkMessage message) {
        int family = NativeBytes.u8(message.payload()[0]);
        return family == Sockets.AF_INET || family == Sockets.AF_INET6;
    }

    /** The address in an RTM_NEWADDR / RTM_DELADDR message. */
    static InterfaceAddress decode(NetlinkMessage message) {
        ByteBuffer header = NativeBytes.host(message.payload());
        IpFamily family = IpFamily.ofAddressFamily(NativeBytes.u8(header.get(0)));
        int ifindex = header.getInt(4);
        Map<Integer, byte[]> attributes = NetlinkMessages.attributes(message.payload(), IFADDRMSG_SIZE);
        byte[] local = attributes.containsKey(IFA_LOCAL) ? attributes.get(IFA_LOCAL) : attributes.get(IFA_ADDRESS);
        byte[] broadcast = attributes.get(IFA_BROADCAST);
        byte[] label = attributes.get(IFA_LABEL);
        byte[] flags = attributes.get(IFA_FLAGS);
        return new InterfaceAddress(ifindex,
                SocketAddresses.address(local, 0, family.addressLength(), ifindex),
                NativeBytes.u8(header.get(1)),
                broadcast == null ? null : SocketAddresses.address(broadcast, 0, 4, 0),
                label == null ? null : NetlinkMessages.string(label),
                NativeBytes.u8(header.get(3)),
                flags == null ? NativeBytes.u8(header.get(2)) : NativeBytes.host(flags).getInt(0));
    }

    @Override
    public String toString() {
        return address.getHostAddress() + "/" + prefixLength + " ifindex " + ifindex
                + (broadcast == null ? "" : " brd " + broadcast.getHostAddress())
                + (label == null ? "" : " label " + label)
                + " scope " + scope + " flags 0x" + Integer.toHexString(flags);
    }
}
