package org.keepalive4j.dataplane.nft;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NftCounterValuesTest {

    @Test
    void readsTheRuleCountersOfEachChainInOrder() {
        String listing = "table inet keepalive4j {\n"
                + "\tchain s1 {\n\t\tcomment \"10.77.0.100:80/TCP\"\n"
                + "\t\tnumgen inc mod 1 vmap { 0 : goto s1d2 }\n\t\tcounter packets 3 bytes 180 drop\n\t}\n"
                + "\tchain s1d2 {\n\t\tcomment \"10.77.0.13:8080\"\n"
                + "\t\tupdate @s1d2_clients { ip saddr } counter packets 100 bytes 6000\n"
                + "\t\tmeta l4proto tcp dnat ip to 10.77.0.13:8080\n\t}\n"
                + "\tchain s1d2_c {\n\t\tct direction original counter packets 512 bytes 31337\n"
                + "\t\tct direction reply counter packets 400 bytes 90000\n\t}\n"
                + "\tchain s1d3_c {\n\t}\n}\n";
        NftCounterValues v = NftCounterValues.parse(listing);
        assertEquals(new NftCounterValues.Value(100, 6000), v.get("s1d2", 0));
        assertEquals(new NftCounterValues.Value(512, 31337), v.get("s1d2_c", 0));
        assertEquals(new NftCounterValues.Value(400, 90000), v.get("s1d2_c", 1));
        assertEquals(new NftCounterValues.Value(3, 180), v.get("s1", 0));
        assertEquals(NftCounterValues.Value.ZERO, v.get("s1d3_c", 0), "a chain without counters");
        assertEquals(NftCounterValues.Value.ZERO, v.get("s9d9", 1), "a chain not listed");
    }
}
