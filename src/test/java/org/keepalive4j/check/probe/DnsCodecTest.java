package org.keepalive4j.check.probe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.keepalive4j.check.probe.DnsCodec.Verdict;

class DnsCodecTest {

    private static byte[] bytes(int... v) {
        byte[] b = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = (byte) v[i];
        }
        return b;
    }

    @Test
    void rootSoaQueryIsHeaderRootLabelTypeAndClass() {
        byte[] q = DnsCodec.query(0xBEEF, "SOA", ".");
        assertArrayEquals(bytes(0xBE, 0xEF, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 6, 0, 1), q);
    }

    @Test
    void namesAreLabelsWithOrWithoutTrailingDot() {
        byte[] expected = bytes(0x12, 0x34, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0,
                3, 'w', 'w', 'w', 7, 'e', 'x', 'a', 'm', 'p', 'l', 'e', 3, 'o', 'r', 'g', 0, 0, 28, 0, 1);
        assertArrayEquals(expected, DnsCodec.query(0x1234, "AAAA", "www.example.org"));
        assertArrayEquals(expected, DnsCodec.query(0x1234, "aaaa", "www.example.org."));
    }

    @Test
    void everyConfigurableTypeHasItsCode() {
        assertEquals(1, DnsCodec.typeCode("A"));
        assertEquals(2, DnsCodec.typeCode("NS"));
        assertEquals(5, DnsCodec.typeCode("CNAME"));
        assertEquals(15, DnsCodec.typeCode("MX"));
        assertEquals(16, DnsCodec.typeCode("TXT"));
        assertEquals(46, DnsCodec.typeCode("RRSIG"));
        assertEquals(48, DnsCodec.typeCode("DNSKEY"));
        for (String t : org.keepalive4j.config.model.check.DnsCheck.TYPES) {
            DnsCodec.typeCode(t);
        }
    }

    @Test
    void badNamesAndTypesAreNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DnsCodec.query(1, "A", "a..b"));
        assertTrue(e.getMessage().contains("a..b"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DnsCodec.query(1, "A", "x".repeat(64) + ".org"));
        e = assertThrows(IllegalArgumentException.class, () -> DnsCodec.query(1, "PTR", "example.org"));
        assertTrue(e.getMessage().contains("PTR"), e.getMessage());
    }

    @Test
    void aResponseWithOurIdAndRcodeZeroIsSuccess() {
        byte[] r = bytes(0x12, 0x34, 0x81, 0x80, 0, 1, 0, 0, 0, 0, 0, 0);
        assertEquals(Verdict.SUCCESS, DnsCodec.reply(r, r.length, 0x1234).verdict());
    }

    @Test
    void anotherRcodeIsAnErrorEvenWithAnswers() {
        byte[] r = bytes(0x12, 0x34, 0x81, 0x83, 0, 1, 0, 1, 0, 0, 0, 0);
        DnsCodec.Reply reply = DnsCodec.reply(r, r.length, 0x1234);
        assertEquals(Verdict.ERROR, reply.verdict());
        assertEquals(3, reply.rcode());
    }

    @Test
    void otherIdsQueriesAndRuntsAreNotOurs() {
        byte[] otherId = bytes(0x12, 0x35, 0x81, 0x80, 0, 1, 0, 0, 0, 0, 0, 0);
        byte[] query = bytes(0x12, 0x34, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0);
        assertEquals(Verdict.NOT_OURS, DnsCodec.reply(otherId, otherId.length, 0x1234).verdict());
        assertEquals(Verdict.NOT_OURS, DnsCodec.reply(query, query.length, 0x1234).verdict());
        assertEquals(Verdict.NOT_OURS, DnsCodec.reply(query, 11, 0x1234).verdict());
    }
}
