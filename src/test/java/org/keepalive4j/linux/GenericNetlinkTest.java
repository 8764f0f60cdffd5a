package org.keepalive4j.linux;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteOrder;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Generic netlink framing (linux/genetlink.h) and attributes, expected bytes written out for a little-endian host. */
class GenericNetlinkTest {

    @BeforeAll
    static void littleEndianHost() {
        Assumptions.assumeTrue(ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN, "expected bytes are little-endian");
    }

    @Test
    void familyRequestAsksTheControllerForTheNameWithANulTerminatedString() {
        byte[] expected = hex(
                // nlmsghdr: len 32, type GENL_ID_CTRL (0x10), flags REQUEST, seq 5, pid 0
                "20000000 1000 0100 05000000 00000000"
                // genlmsghdr: CTRL_CMD_GETFAMILY (3), version 2, reserved
                + "03 02 0000"
                // CTRL_ATTR_FAMILY_NAME (2): len 9 ("IPVS" + NUL), padded to 12
                + "0900 0200 49505653 00 000000");
        assertArrayEquals(expected, GenericNetlink.familyRequest("IPVS", 5));
    }

    @Test
    void theFamilyIdComesFromTheControllersAnswer() {
        // genlmsghdr CTRL_CMD_NEWFAMILY, then FAMILY_NAME "IPVS" and FAMILY_ID 0x1d (u16, padded)
        byte[] payload = hex("01 02 0000" + "0900 0200 49505653 00 000000" + "0600 0100 1d00 0000");
        assertEquals(0x1d, GenericNetlink.familyId(new NetlinkMessage(0x10, 0, 1, 0, payload)));
    }

    @Test
    void nestedAttributesCarryTheNestedFlagAndReadBackInOrder() {
        byte[] bytes = new NetlinkAttributes.Builder()
                .nested(1, new NetlinkAttributes.Builder().u16(1, 2).be16(4, 80).u32(5, 7))
                .string(6, "rr").toBytes();
        assertArrayEquals(hex("1c00 0180" + "0600 0100 0200 0000" + "0600 0400 0050 0000" + "0800 0500 07000000"
                + "0700 0600 727200 00"), bytes);
        List<NetlinkAttributes.Attribute> top = NetlinkAttributes.parse(bytes, 0);
        assertEquals(2, top.size());
        assertEquals(1, top.get(0).type(), "the NESTED bit is not part of the type");
        List<NetlinkAttributes.Attribute> inner = top.get(0).nested();
        assertEquals(2, inner.get(0).u16());
        assertEquals(80, inner.get(1).be16());
        assertEquals(7, inner.get(2).u32());
        assertEquals("rr", top.get(1).string());
    }

    @Test
    void aTruncatedAttributeEndsTheList() {
        // a second attribute claims 12 bytes where only 8 remain
        List<NetlinkAttributes.Attribute> a = NetlinkAttributes.parse(hex("0800 0100 01000000" + "0c00 0200 01000000"), 0);
        assertEquals(1, a.size());
    }

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", ""));
    }
}
