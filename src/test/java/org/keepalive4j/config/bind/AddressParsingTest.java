package org.keepalive4j.config.bind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AddressParsingTest {

    @ParameterizedTest
    @CsvSource({"10.0.0.1, 10.0.0.1", "0.0.0.0, 0.0.0.0", "255.255.255.255, 255.255.255.255",
            "010.001.000.009, 10.1.0.9", "fe80::1, fe80:0:0:0:0:0:0:1", "::, 0:0:0:0:0:0:0:0",
            "::ffff:10.0.0.1, 10.0.0.1", "2001:db8::1:2, 2001:db8:0:0:0:0:1:2"})
    void literalAddressesParse(String text, String expected) {
        assertEquals(expected, BindContext.parseAddress(text).getHostAddress());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "10.0.0", "10.0.0.1.2", "10.0.0.256", "10..0.1", ".10.0.0.1", "10.0.0.1.",
            "1000.0.0.1", "10.0.0.x", "localhost", "example.com", "10.0.0.1/24", " 10.0.0.1", "fe80::g",
            "1:2:3:4:5:6:7:8:9", "::1::2", "-1.0.0.0"})
    void anythingElseIsRejectedWithoutALookup(String text) {
        assertNull(BindContext.parseAddress(text));
    }
}
