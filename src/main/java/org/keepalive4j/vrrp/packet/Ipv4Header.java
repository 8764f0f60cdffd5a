package org.keepalive4j.vrrp.packet;

/** Offsets and constants of the IPv4 header (RFC 791) as far as VRRP needs them. */
final class Ipv4Header {

    static final int MIN_LENGTH = 20;
    static final int TOS = 1;
    static final int TOTAL_LENGTH = 2;
    static final int ID = 4;
    static final int FRAGMENT = 6;
    static final int TTL = 8;
    static final int PROTOCOL = 9;
    static final int CHECKSUM = 10;
    static final int SOURCE = 12;
    static final int DESTINATION = 16;

    static final int PROTOCOL_AH = 51;
    static final int PROTOCOL_VRRP = 112;

    /** keepalived sends with TOS 0xc0, "internetwork control" (vrrp_build_ip4). */
    static final int TOS_INTERNETWORK_CONTROL = 0xC0;

    private Ipv4Header() {
    }

    static int headerLength(byte[] packet) {
        return (packet[0] & 0x0F) * 4;
    }

    static int version(byte[] packet) {
        return (packet[0] & 0xFF) >>> 4;
    }

    static int u16(byte[] bytes, int offset) {
        return ((bytes[offset] & 0xFF) << 8) | (bytes[offset + 1] & 0xFF);
    }

    static long u32(byte[] bytes, int offset) {
        return ((long) u16(bytes, offset) << 16) | u16(bytes, offset + 2);
    }

    static void put16(byte[] bytes, int offset, int value) {
        bytes[offset] = (byte) (value >>> 8);
        bytes[offset + 1] = (byte) value;
    }

    static void put32(byte[] bytes, int offset, long value) {
        put16(bytes, offset, (int) (value >>> 16));
        put16(bytes, offset + 2, (int) value);
    }

    static boolean isMulticast(byte[] bytes, int offset) {
        return (bytes[offset] & 0xF0) == 0xE0;
    }
}
