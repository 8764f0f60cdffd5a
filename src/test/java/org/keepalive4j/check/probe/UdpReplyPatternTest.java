package org.keepalive4j.check.probe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class UdpReplyPatternTest {

    private static final byte[] REPLY = {(byte) 0xAB, 0x12, 0x34, 0x56};

    @Test
    void exactBytesMatch() {
        assertNull(UdpReplyPattern.parse("AB1234").mismatch(REPLY, 4, 0, 255));
    }

    @Test
    void aDifferentByteIsNamed() {
        assertEquals("reply byte 1 is 12, pattern wants 13", UdpReplyPattern.parse("AB13").mismatch(REPLY, 4, 0, 255));
    }

    @Test
    void xIgnoresFourBits() {
        UdpReplyPattern p = UdpReplyPattern.parse("AX1X");
        assertNull(p.mismatch(REPLY, 4, 0, 255));
        assertNull(p.mismatch(new byte[] {(byte) 0xA0, 0x1F}, 2, 0, 255));
        assertEquals("reply byte 0 is B0, pattern wants AX", p.mismatch(new byte[] {(byte) 0xB0, 0x1F}, 2, 0, 255));
        assertEquals("reply byte 1 is 2F, pattern wants 1X", p.mismatch(new byte[] {(byte) 0xA0, 0x2F}, 2, 0, 255));
        assertNull(UdpReplyPattern.parse("xx").mismatch(REPLY, 4, 0, 255), "lower-case x too");
    }

    @Test
    void aReplyShorterThanThePatternIsComparedOnItsOwnLengthAsKeepalivedDoes() {
        assertNull(UdpReplyPattern.parse("AB1299").mismatch(REPLY, 2, 0, 255));
    }

    @Test
    void lengthOutsideMinMaxFails() {
        UdpReplyPattern p = UdpReplyPattern.parse("AB");
        assertEquals("reply of 4 bytes, expected 5..10", p.mismatch(REPLY, 4, 5, 10));
        assertEquals("reply of 4 bytes, expected 0..3", p.mismatch(REPLY, 4, 0, 3));
        assertNull(p.mismatch(REPLY, 4, 4, 4));
    }

    @Test
    void payloadBytesHaveNoWildcards() {
        assertArrayEquals(new byte[] {0x01, (byte) 0xFE}, UdpReplyPattern.bytes("01FE"));
        assertThrows(IllegalArgumentException.class, () -> UdpReplyPattern.bytes("0X"));
        assertThrows(IllegalArgumentException.class, () -> UdpReplyPattern.parse("ABC"));
        assertThrows(IllegalArgumentException.class, () -> UdpReplyPattern.parse("GG"));
    }
}
