package org.keepalive4j.check.probe;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * The one DNS query DNS_CHECK sends and what it reads of the reply, as keepalived does: a standard query
 * with recursion desired, one question of the configured type in class IN. A reply counts when it has
 * the query's id and the QR (response) bit; then rcode 0 is up and any other rcode is down; answer
 * counts are not looked at. Pure: no I/O.
 */
final class DnsCodec {

    static final int HEADER_LENGTH = 12;
    static final int DEFAULT_PORT = 53;
    static final int FLAG_RD = 0x0100;
    static final int FLAG_QR = 0x8000;
    static final int CLASS_IN = 1;
    static final Map<String, Integer> TYPES = Map.of("A", 1, "NS", 2, "CNAME", 5, "SOA", 6, "MX", 15, "TXT", 16,
            "AAAA", 28, "RRSIG", 46, "DNSKEY", 48);

    /** How a received datagram relates to our query. */
    enum Verdict { NOT_OURS, SUCCESS, ERROR }

    /** @param rcode the reply's rcode when the verdict is ERROR or SUCCESS */
    record Reply(Verdict verdict, int rcode) {
    }

    private DnsCodec() {
    }

    static int typeCode(String type) {
        Integer code = TYPES.get(type.toUpperCase(Locale.ROOT));
        if (code == null) {
            throw new IllegalArgumentException("'" + type + "' is not a DNS query type this checker knows ("
                    + String.join(" ", TYPES.keySet()) + ")");
        }
        return code;
    }

    /** The query datagram; {@code name} "." is the root, a trailing dot is optional. */
    static byte[] query(int id, String type, String name) {
        ByteArrayOutputStream b = new ByteArrayOutputStream(HEADER_LENGTH + name.length() + 6);
        u16(b, id);
        u16(b, FLAG_RD);
        u16(b, 1); // questions
        u16(b, 0);
        u16(b, 0);
        u16(b, 0);
        String n = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
        if (!n.isEmpty()) {
            for (String label : n.split("\\.", -1)) {
                byte[] l = label.getBytes(StandardCharsets.US_ASCII);
                if (l.length == 0 || l.length > 63) {
                    throw new IllegalArgumentException("DNS name '" + name + "' has a label of " + l.length
                            + " bytes (1..63 allowed)");
                }
                b.write(l.length);
                b.write(l, 0, l.length);
            }
        }
        b.write(0);
        u16(b, typeCode(type));
        u16(b, CLASS_IN);
        if (b.size() > 512) {
            throw new IllegalArgumentException("DNS name '" + name + "' is too long for a query");
        }
        return b.toByteArray();
    }

    static Reply reply(byte[] datagram, int length, int queryId) {
        if (length < HEADER_LENGTH) {
            return new Reply(Verdict.NOT_OURS, 0);
        }
        int id = ((datagram[0] & 0xff) << 8) | (datagram[1] & 0xff);
        int flags = ((datagram[2] & 0xff) << 8) | (datagram[3] & 0xff);
        if (id != queryId || (flags & FLAG_QR) == 0) {
            return new Reply(Verdict.NOT_OURS, 0);
        }
        int rcode = flags & 0x0f;
        return new Reply(rcode == 0 ? Verdict.SUCCESS : Verdict.ERROR, rcode);
    }

    private static void u16(ByteArrayOutputStream b, int v) {
        b.write((v >> 8) & 0xff);
        b.write(v & 0xff);
    }
}
