package org.keepalive4j.linux;

import java.net.Inet4Address;
import java.nio.ByteBuffer;

/**
 * Gratuitous ARP packets for Ethernet and IPv4 (RFC 826 layout, RFC 5227 §3 announcements): 28 bytes
 * that go after the Ethernet header. Sender and target protocol address are both the announced
 * address, the sender hardware address is ours, so every host that has the address cached updates it.
 */
public final class ArpPacket {

    public static final int ETHERTYPE_ARP = 0x0806;
    public static final int REQUEST = 1;
    public static final int REPLY = 2;
    public static final int LENGTH = 28;

    private static final int HARDWARE_ETHERNET = 1;
    private static final int PROTOCOL_IPV4 = 0x0800;
    private static final byte[] NO_HARDWARE_ADDRESS = new byte[6];
    private static final byte[] BROADCAST = {-1, -1, -1, -1, -1, -1};

    private ArpPacket() {
    }

    /**
     * A gratuitous "who-has" ({@link #REQUEST}, target hardware address zero as RFC 5227 asks) or
     * "is-at" ({@link #REPLY}, target hardware address broadcast) for {@code address} at {@code mac}.
     */
    public static byte[] gratuitous(int operation, byte[] mac, Inet4Address address) {
        if (mac.length != 6) {
            throw new IllegalArgumentException("an Ethernet address has 6 bytes, not " + mac.length);
        }
        if (operation != REQUEST && operation != REPLY) {
            throw new IllegalArgumentException("ARP operation " + operation);
        }
        // ARP is big-endian, ByteBuffer's default
        return ByteBuffer.allocate(LENGTH)
                .putShort((short) HARDWARE_ETHERNET).putShort((short) PROTOCOL_IPV4)
                .put((byte) 6).put((byte) 4).putShort((short) operation)
                .put(mac).put(address.getAddress())
                .put(operation == REQUEST ? NO_HARDWARE_ADDRESS : BROADCAST).put(address.getAddress())
                .array();
    }
}
