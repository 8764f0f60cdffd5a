package org.keepalive4j.check.http;

/**
 * The hex dump genhash -v prints: 16 bytes a line, a decimal offset, a dash after the eighth byte and
 * the printable characters at the end. The last line is padded to full width, so every line ends with
 * a newline. The layout is fixed because operators diff it against keepalived's own output.
 */
public final class HexDump {

    private HexDump() {
    }

    public static String of(byte[] data, int offset, int length) {
        int padded = length % 16 == 0 ? length : length + (16 - length % 16);
        StringBuilder sb = new StringBuilder(padded * 4 + 16);
        for (int i = 0; i < padded; i++) {
            if (i % 16 == 0) {
                // decimal, at least four digits, wrapping like a 16-bit counter
                sb.append(String.format("%04d ", i & 0xffff));
            }
            if (i < length) {
                sb.append(String.format("%3s", String.format("%02x", data[offset + i] & 0xff)));
            } else {
                sb.append("   ");
            }
            if ((i + 1) % 8 == 0) {
                if ((i + 1) % 16 != 0) {
                    sb.append(" -");
                } else {
                    sb.append("   ");
                    for (int j = i - 15; j <= i; j++) {
                        if (j < length) {
                            int b = data[offset + j] & 0xff;
                            sb.append(b >= 0x20 && b <= 0x7e ? (char) b : '.');
                        } else {
                            sb.append(' ');
                        }
                    }
                    sb.append('\n');
                }
            }
        }
        return sb.toString();
    }
}
