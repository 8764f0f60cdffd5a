package org.keepalive4j.check.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class IcmpEchoTest {

    private static byte[] bytes(int... v) {
        byte[] b = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = (byte) v[i];
        }
        return b;
    }

    @Test
    void checksumOfRfc1071Example() {
        // RFC 1071 §3: the words 0001 f203 f4f5 f6f7 sum to ddf2 (end-around carry), complement 220d
        assertEquals(0x220d, IcmpEcho.checksum(bytes(0x00, 0x01, 0xf2, 0x03, 0xf4, 0xf5, 0xf6, 0xf7), 0, 8));
    }

    @Test
    void anOddLengthIsPaddedWithAZeroByte() {
        assertEquals(IcmpEcho.checksum(bytes(0x12, 0x34, 0x56, 0x00), 0, 4), IcmpEcho.checksum(bytes(0x12, 0x34, 0x56), 0, 3));
    }

    @Test
    void ipv4RequestHasTypeIdSequenceAndAValidChecksum() {
        byte[] m = IcmpEcho.request(false, 0x1234, 0x0102, bytes(1, 2, 3));
        assertEquals(8, m[0]);
        assertEquals(0, m[1]);
        assertEquals(0x12, m[4]);
        assertEquals(0x34, m[5]);
        assertEquals(0x01, m[6]);
        assertEquals(0x02, m[7]);
        assertEquals(11, m.length);
        assertEquals(0, IcmpEcho.checksum(m, 0, m.length), "a message with its checksum sums to zero");
    }

    @Test
    void knownIpv4EchoRequestBytes() {
        // type 8, id 1, seq 1, no data: 0800 0000 0001 0001 sums to 0802, checksum f7fd
        assertEquals(0xf7, IcmpEcho.request(false, 1, 1, new byte[0])[2] & 0xff);
        assertEquals(0xfd, IcmpEcho.request(false, 1, 1, new byte[0])[3] & 0xff);
    }

    @Test
    void ipv6RequestLeavesTheChecksumToTheKernel() {
        byte[] m = IcmpEcho.request(true, 7, 9, new byte[4]);
        assertEquals(128, m[0] & 0xff);
        assertEquals(0, m[2]);
        assertEquals(0, m[3]);
    }

    @Test
    void repliesAreParsedAndOtherMessagesAreNot() {
        assertEquals(new IcmpEcho.Reply(0x1234, 5), IcmpEcho.reply(false, bytes(0, 0, 0xab, 0xcd, 0x12, 0x34, 0, 5)));
        assertEquals(new IcmpEcho.Reply(1, 2), IcmpEcho.reply(true, bytes(129, 0, 0, 0, 0, 1, 0, 2, 9)));
        assertNull(IcmpEcho.reply(false, bytes(8, 0, 0, 0, 0, 1, 0, 2)), "a request is not a reply");
        assertNull(IcmpEcho.reply(false, bytes(3, 3, 0, 0, 0, 1, 0, 2)), "port unreachable is not a reply");
        assertNull(IcmpEcho.reply(true, bytes(0, 0, 0, 0, 0, 1, 0, 2)), "an ICMPv4 reply is not an ICMPv6 one");
        assertNull(IcmpEcho.reply(false, bytes(0, 0, 0)), "too short");
    }
}
