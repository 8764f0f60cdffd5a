package org.keepalive4j.check.probe;

import java.nio.charset.StandardCharsets;

/**
 * Collects an SMTP server's reply from the bytes as they arrive and gives its code once the reply is
 * complete (RFC 5321 §4.2: lines "NNN-text" continue a reply, "NNN text" or "NNN" ends it). keepalived
 * reads only the first line and so fails multi-line replies; accepting them is the more useful reading of
 * the same check. Pure: no I/O.
 */
final class SmtpReplyReader {

    /** Longer than any sane greeting; a server sending more without a line end is not speaking SMTP. */
    static final int MAX_REPLY = 8192;

    private final StringBuilder pending = new StringBuilder();
    private int total;

    /**
     * Adds {@code length} received bytes; returns the reply code when they complete a reply, -1 when more
     * are needed.
     *
     * @throws IllegalArgumentException naming the bad line when the reply is not SMTP
     */
    int feed(byte[] bytes, int offset, int length) {
        total += length;
        pending.append(new String(bytes, offset, length, StandardCharsets.ISO_8859_1));
        int nl;
        while ((nl = pending.indexOf("\n")) >= 0) {
            String line = pending.substring(0, nl);
            pending.delete(0, nl + 1);
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            int code = code(line);
            if (line.length() == 3 || line.charAt(3) == ' ') {
                pending.setLength(0);
                total = 0;
                return code;
            }
        }
        if (total > MAX_REPLY) {
            throw new IllegalArgumentException("reply longer than " + MAX_REPLY + " bytes");
        }
        return -1;
    }

    /** The three-digit code of one reply line, which must be followed by nothing, a space or a dash. */
    static int code(String line) {
        boolean ok = line.length() >= 3 && Character.isDigit(line.charAt(0)) && Character.isDigit(line.charAt(1))
                && Character.isDigit(line.charAt(2))
                && (line.length() == 3 || line.charAt(3) == ' ' || line.charAt(3) == '-');
        if (!ok) {
            String shown = line.length() > 60 ? line.substring(0, 60) + "..." : line;
            throw new IllegalArgumentException("not an SMTP reply: '" + shown + "'");
        }
        return Integer.parseInt(line.substring(0, 3));
    }
}
