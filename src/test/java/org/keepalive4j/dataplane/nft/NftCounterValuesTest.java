package org.keepalive4j.dataplane.nft;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NftCounterValuesTest {

    @Test
    void readsEveryNamedCounterOfTheListing() {
        String listing = "table inet keepalive4j {\n"
                + "\tcounter s1d2_new {\n\t\tpackets 100 bytes 6000\n\t}\n"
                + "\tcounter s1d2_in {\n\t\tcomment \"x\"\n\t\tpackets 512 bytes 31337\n\t}\n"
                + "}\n";
        NftCounterValues v = NftCounterValues.parse(listing);
        assertEquals(new NftCounterValues.Value(100, 6000), v.get("s1d2_new"));
        assertEquals(new NftCounterValues.Value(512, 31337), v.get("s1d2_in"));
        assertEquals(NftCounterValues.Value.ZERO, v.get("s1d2_out"));
    }
}
