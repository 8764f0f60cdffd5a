package org.keepalive4j.check.probe;

/**
 * The start a UDP_CHECK reply must have: bytes from the hex of require_reply, where an X digit matches
 * any value of its four bits. keepalived's rule, kept exactly: only the first min(reply, pattern) bytes
 * are compared (a reply shorter than the pattern passes on what it has), and the reply's length must be
 * within min_reply_length..max_reply_length. Pure: no I/O.
 */
final class UdpReplyPattern {

    private final byte[] value;
    private final byte[] ignored;

    private UdpReplyPattern(byte[] value, byte[] ignored) {
        this.value = value;
        this.ignored = ignored;
    }

    /** From the configuration's canonical form: upper-case hex, two digits a byte, X for a wildcard digit. */
    static UdpReplyPattern parse(String hex) {
        if (hex.length() % 2 != 0) {
            throw new IllegalArgumentException("reply pattern '" + hex + "' has an odd number of hex digits");
        }
        int n = hex.length() / 2;
        byte[] value = new byte[n];
        byte[] ignored = new byte[n];
        for (int i = 0; i < hex.length(); i++) {
            char ch = Character.toUpperCase(hex.charAt(i));
            int shift = i % 2 == 0 ? 4 : 0;
            if (ch == 'X') {
                ignored[i / 2] |= (byte) (0x0f << shift);
            } else {
                int d = Character.digit(ch, 16);
                if (d < 0) {
                    throw new IllegalArgumentException("reply pattern '" + hex + "' has '" + ch + "', not a hex digit or X");
                }
                value[i / 2] |= (byte) (d << shift);
            }
        }
        return new UdpReplyPattern(value, ignored);
    }

    int length() {
        return value.length;
    }

    /** Null when {@code reply[0..length)} is acceptable, else why not. */
    String mismatch(byte[] reply, int length, int minLength, int maxLength) {
        if (length < minLength || length > maxLength) {
            return "reply of " + length + " bytes, expected " + minLength + ".." + maxLength;
        }
        int compared = Math.min(length, value.length);
        for (int i = 0; i < compared; i++) {
            if (((reply[i] ^ value[i]) & ~ignored[i] & 0xff) != 0) {
                return String.format("reply byte %d is %02X, pattern wants %s", i, reply[i] & 0xff, digits(i));
            }
        }
        return null;
    }

    private String digits(int i) {
        StringBuilder b = new StringBuilder();
        for (int shift = 4; shift >= 0; shift -= 4) {
            b.append(((ignored[i] >> shift) & 0x0f) != 0 ? "X"
                    : Character.toUpperCase(Character.forDigit((value[i] >> shift) & 0x0f, 16)));
        }
        return b.toString();
    }

    /** Bytes from canonical hex without wildcards (the payload). */
    static byte[] bytes(String hex) {
        UdpReplyPattern p = parse(hex);
        for (byte b : p.ignored) {
            if (b != 0) {
                throw new IllegalArgumentException("payload '" + hex + "' has a wildcard digit X");
            }
        }
        return p.value;
    }
}
