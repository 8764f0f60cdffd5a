package org.keepalive4j.check.probe;

/**
 * ICMP (RFC 792) and ICMPv6 (RFC 4443) echo messages: type, code, checksum, identifier, sequence, data.
 * Pure: no I/O.
 */
final class IcmpEcho {

    static final int HEADER_LENGTH = 8;
    static final int V4_REQUEST = 8;
    static final int V4_REPLY = 0;
    static final int V6_REQUEST = 128;
    static final int V6_REPLY = 129;

    /** An echo reply's identifier and sequence number. */
    record Reply(int identifier, int sequence) {
    }

    private IcmpEcho() {
    }

    /**
     * An echo request. The IPv4 checksum is filled in (a raw socket needs it; a ping socket recomputes it);
     * the ICMPv6 checksum covers a pseudo-header only the kernel knows, so it stays zero for the kernel to set.
     */
    static byte[] request(boolean ipv6, int identifier, int sequence, byte[] data) {
        byte[] m = new byte[HEADER_LENGTH + data.length];
        m[0] = (byte) (ipv6 ? V6_REQUEST : V4_REQUEST);
        m[4] = (byte) (identifier >> 8);
        m[5] = (byte) identifier;
        m[6] = (byte) (sequence >> 8);
        m[7] = (byte) sequence;
        System.arraycopy(data, 0, m, HEADER_LENGTH, data.length);
        if (!ipv6) {
            int sum = checksum(m, 0, m.length);
            m[2] = (byte) (sum >> 8);
            m[3] = (byte) sum;
        }
        return m;
    }

    /** The echo reply in {@code m}, or null when it is something else or too short. */
    static Reply reply(boolean ipv6, byte[] m) {
        if (m.length < HEADER_LENGTH || (m[0] & 0xff) != (ipv6 ? V6_REPLY : V4_REPLY) || m[1] != 0) {
            return null;
        }
        return new Reply(((m[4] & 0xff) << 8) | (m[5] & 0xff), ((m[6] & 0xff) << 8) | (m[7] & 0xff));
    }

    /** The Internet checksum (RFC 1071): one's complement of the one's complement sum of 16-bit words. */
    static int checksum(byte[] b, int offset, int length) {
        long sum = 0;
        int i = offset;
        int end = offset + length;
        for (; i + 1 < end; i += 2) {
            sum += ((b[i] & 0xff) << 8) | (b[i + 1] & 0xff);
        }
        if (i < end) {
            sum += (b[i] & 0xff) << 8;
        }
        while ((sum >> 16) != 0) {
            sum = (sum & 0xffff) + (sum >> 16);
        }
        return (int) (~sum & 0xffff);
    }
}
