package org.keepalive4j.linux;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;

/**
 * A network interface as an RTM_NEWLINK message describes it (linux/if_link.h, linux/if.h).
 *
 * @param flags IFF_* bits
 * @param hardwareAddress the MAC address; empty for interfaces without one
 * @param carrier IFLA_CARRIER: whether the lower layer has a link (the cable is in)
 */
public record Link(int index, String name, int flags, byte[] hardwareAddress, boolean carrier) {

    public static final int IFF_UP = 0x1;
    public static final int IFF_BROADCAST = 0x2;
    public static final int IFF_LOOPBACK = 0x8;
    public static final int IFF_RUNNING = 0x40;
    public static final int IFF_MULTICAST = 0x1000;
    public static final int IFF_LOWER_UP = 0x10000;

    static final int IFLA_ADDRESS = 1;
    static final int IFLA_IFNAME = 3;
    static final int IFLA_CARRIER = 33;

    /** struct ifinfomsg { u8 family; u8 pad; u16 type; s32 index; u32 flags; u32 change; } */
    static final int IFINFOMSG_SIZE = 16;

    public Link {
        hardwareAddress = hardwareAddress.clone();
    }

    /** Administratively up (ip link set up). */
    public boolean isUp() {
        return (flags & IFF_UP) != 0;
    }

    /** Operationally up: administratively up and with carrier; what VRRP interface tracking watches. */
    public boolean isRunning() {
        return (flags & IFF_RUNNING) != 0;
    }

    @Override
    public byte[] hardwareAddress() {
        return hardwareAddress.clone();
    }

    /** The ifinfomsg header of a request about one interface (index 0: identified by IFLA_IFNAME). */
    static byte[] requestHeader(int index) {
        return NativeBytes.host(IFINFOMSG_SIZE).put((byte) Sockets.AF_UNSPEC).put((byte) 0).putShort((short) 0)
                .putInt(index).putInt(0).putInt(0).array();
    }

    /** The link in an RTM_NEWLINK / RTM_DELLINK message. */
    static Link decode(NetlinkMessage message) {
        ByteBuffer header = NativeBytes.host(message.payload());
        Map<Integer, byte[]> attributes = NetlinkMessages.attributes(message.payload(), IFINFOMSG_SIZE);
        int flags = header.getInt(8);
        byte[] name = attributes.get(IFLA_IFNAME);
        byte[] mac = attributes.get(IFLA_ADDRESS);
        byte[] carrier = attributes.get(IFLA_CARRIER);
        return new Link(header.getInt(4),
                name == null ? "" : NetlinkMessages.string(name),
                flags,
                mac == null ? new byte[0] : mac,
                carrier == null ? (flags & IFF_LOWER_UP) != 0 : carrier[0] != 0);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Link l && index == l.index && name.equals(l.name) && flags == l.flags
                && Arrays.equals(hardwareAddress, l.hardwareAddress) && carrier == l.carrier;
    }

    @Override
    public int hashCode() {
        return Objects.hash(index, name, flags, Arrays.hashCode(hardwareAddress), carrier);
    }

    @Override
    public String toString() {
        return "Link[" + index + " " + name + " flags 0x" + Integer.toHexString(flags) + " mac "
                + HexFormat.ofDelimiter(":").formatHex(hardwareAddress) + " carrier " + carrier + "]";
    }
}
