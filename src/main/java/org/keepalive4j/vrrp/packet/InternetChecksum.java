package org.keepalive4j.vrrp.packet;

/**
 * RFC 1071 ones'-complement sum, accumulated over several byte ranges (pseudo-header, message).
 * Every range but the last must have even length, which holds for all VRRP uses.
 */
final class InternetChecksum {

    private long sum;

    InternetChecksum add(byte[] bytes, int offset, int length) {
        int end = offset + length;
        int i = offset;
        for (; i + 1 < end; i += 2) {
            sum += ((bytes[i] & 0xFF) << 8) | (bytes[i + 1] & 0xFF);
        }
        if (i < end) {
            sum += (bytes[i] & 0xFF) << 8;
        }
        return this;
    }

    InternetChecksum add16(int value) {
        sum += value & 0xFFFF;
        return this;
    }

    /** The checksum to store: complement of the folded sum. Zero over data that carries a valid checksum. */
    int finish() {
        long folded = sum;
        while ((folded >>> 16) != 0) {
            folded = (folded & 0xFFFF) + (folded >>> 16);
        }
        return (int) (~folded & 0xFFFF);
    }

    static int of(byte[] bytes, int offset, int length) {
        return new InternetChecksum().add(bytes, offset, length).finish();
    }
}
