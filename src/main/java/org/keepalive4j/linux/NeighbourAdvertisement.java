package org.keepalive4j.linux;

import java.net.Inet6Address;
import java.nio.ByteBuffer;

/**
 * Unsolicited ICMPv6 Neighbor Advertisements (RFC 4861 §4.4, §7.2.6): the IPv6 counterpart of a
 * gratuitous ARP. 32 bytes: type 136, code 0, checksum, the R/S/O flags, the target address and a
 * target link-layer address option carrying our MAC. Solicited is clear and Override set, so neighbours
 * replace the link-layer address they have cached for the target.
 */
public final class NeighbourAdvertisement {

    public static final int TYPE = 136;
    public static final int LENGTH = 32;

    private static final int FLAG_ROUTER = 0x80;
    private static final int FLAG_OVERRIDE = 0x20;
    private static final int OPTION_TARGET_LINK_LAYER_ADDRESS = 2;
    private static final int NEXT_HEADER_ICMPV6 = 58;

    private NeighbourAdvertisement() {
    }

    /**
     * The advertisement of {@code target} at {@code mac}, with its checksum for the IPv6 header
     * {@code source} → {@code destination} (normally the target itself → ff02::1). {@code router} sets the
     * R flag, which a host that forwards packets should set. A raw ICMPv6 socket has the kernel compute the
     * checksum again (RFC 3542 §3.1), and it accepts a filled-in one; ours makes the message complete for
     * any other way of sending it.
     */
    public static byte[] unsolicited(Inet6Address target, byte[] mac, boolean router, Inet6Address source,
            Inet6Address destination) {
        if (mac.length != 6) {
            throw new IllegalArgumentException("an Ethernet address has 6 bytes, not " + mac.length);
        }
        byte[] message = ByteBuffer.allocate(LENGTH)
                .put((byte) TYPE).put((byte) 0).putShort((short) 0)
                .put((byte) (FLAG_OVERRIDE | (router ? FLAG_ROUTER : 0))).put(new byte[3])
                .put(target.getAddress())
                // option length counts units of 8 bytes
                .put((byte) OPTION_TARGET_LINK_LAYER_ADDRESS).put((byte) 1).put(mac)
                .array();
        int checksum = checksum(source, destination, message);
        message[2] = (byte) (checksum >> 8);
        message[3] = (byte) checksum;
        return message;
    }

    /**
     * The ICMPv6 checksum (RFC 4443 §2.3): the one's complement of the one's complement sum over the
     * pseudo-header (RFC 8200 §8.1: source, destination, upper-layer length, next header) and the message
     * with its checksum field zero.
     */
    static int checksum(Inet6Address source, Inet6Address destination, byte[] message) {
        ByteBuffer pseudo = ByteBuffer.allocate(40)
                .put(source.getAddress()).put(destination.getAddress())
                .putInt(message.length).put(new byte[3]).put((byte) NEXT_HEADER_ICMPV6);
        long sum = sum16(pseudo.array()) + sum16(message);
        while ((sum >> 16) != 0) {
            sum = (sum & 0xffff) + (sum >> 16);
        }
        return (int) (~sum & 0xffff);
    }

    private static long sum16(byte[] bytes) {
        long sum = 0;
        for (int i = 0; i < bytes.length; i += 2) {
            int high = bytes[i] & 0xff;
            int low = i + 1 < bytes.length ? bytes[i + 1] & 0xff : 0;
            sum += (high << 8) | low;
        }
        return sum;
    }
}
