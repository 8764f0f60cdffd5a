package org.keepalive4j.vrrp.packet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.keepalive4j.vrrp.packet.Fixtures.hex;
import static org.keepalive4j.vrrp.packet.Fixtures.ip;
import static org.keepalive4j.vrrp.packet.Fixtures.rfc1071;

import java.net.Inet6Address;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Adverts laid out octet by octet from the RFC figures (RFC 3768 section 5.1, RFC 5798
 * section 5.1), with the checksum computed here independently of the codec.
 */
class GoldenBytesTest {

    private static byte[] withChecksum(byte[] message, int checksum) {
        byte[] copy = message.clone();
        copy[6] = (byte) (checksum >> 8);
        copy[7] = (byte) checksum;
        return copy;
    }

    @Test
    void v2SimplePassword() {
        byte[] zeroChecksum = hex(
                "21"            // version 2, type 1 advertisement
                + "07"          // VRID 7
                + "64"          // priority 100
                + "01"          // count 1
                + "01"          // auth type 1, simple text password
                + "01"          // advert interval 1 s
                + "0000"        // checksum, computed below
                + "0a000001"    // 10.0.0.1
                + "7365637265740000"); // "secret" zero-padded to 8 octets
        byte[] expected = withChecksum(zeroChecksum, rfc1071(zeroChecksum));

        byte[] encoded = AdvertEncoder.vrrpMessage(Fixtures.v2(7, 100, 1, ip("10.0.0.1")),
                SendParameters.of(ip("10.0.0.2"), ip("224.0.0.18")).withAuthentication(Authentication.password("secret")));

        assertArrayEquals(expected, encoded);
    }

    @Test
    void v3Ipv4WithPseudoHeader() {
        byte[] zeroChecksum = hex(
                "31"            // version 3, type 1
                + "0a"          // VRID 10
                + "c8"          // priority 200
                + "01"          // count 1
                + "0064"        // reserved 0, max advert interval 100 cs
                + "0000"
                + "c000020a");  // 192.0.2.10
        byte[] pseudoHeader = hex("c0000201" + "e0000012" + "00" + "70" + "000c");
        byte[] expected = withChecksum(zeroChecksum, rfc1071(pseudoHeader, zeroChecksum));

        byte[] encoded = AdvertEncoder.vrrpMessage(
                Fixtures.v3(IpFamily.IPV4, 10, 200, Duration.ofSeconds(1), ip("192.0.2.10")),
                SendParameters.of(ip("192.0.2.1"), ip("224.0.0.18")));

        assertArrayEquals(expected, encoded);
    }

    @Test
    void v3Ipv6WithPseudoHeader() {
        byte[] zeroChecksum = hex(
                "31" + "0b" + "64" + "01"
                + "0fff"        // max advert interval 4095 cs = 40.95 s
                + "0000"
                + "20010db8000000000000000000000001");
        byte[] pseudoHeader = hex(
                "fe800000000000000000000000000001"      // source fe80::1
                + "ff020000000000000000000000000012"    // destination ff02::12
                + "00000018"                            // upper-layer length 24
                + "000000" + "70");                     // zero, next header 112
        byte[] expected = withChecksum(zeroChecksum, rfc1071(pseudoHeader, zeroChecksum));

        byte[] encoded = AdvertEncoder.vrrpMessage(
                Fixtures.v3(IpFamily.IPV6, 11, 100, Duration.ofMillis(40950), ip("2001:db8::1")),
                SendParameters.of(ip("fe80::1"), ip("ff02::12")));

        assertArrayEquals(expected, encoded);
        DecodedAdvert decoded = Fixtures.accepted(AdvertDecoder.decode(
                new ReceivedPacket.Ipv6Message(expected, 255, (Inet6Address) ip("fe80::1"), (Inet6Address) ip("ff02::12")),
                Fixtures.expectV3(IpFamily.IPV6, 11, ip("2001:db8::1")).build()));
        assertEquals(Duration.ofMillis(40950), decoded.advertInterval());
    }

    @Test
    void v3ReservedIntervalBitsAreIgnoredOnReceipt() {
        byte[] zeroChecksum = hex("31" + "0a" + "c8" + "00" + "f00a" + "0000");
        byte[] pseudoHeader = hex("c0000201" + "e0000012" + "00" + "70" + "0008");
        byte[] message = withChecksum(zeroChecksum, rfc1071(pseudoHeader, zeroChecksum));
        byte[] header = hex("45c0001c" + "00010000" + "ff700000" + "c0000201" + "e0000012");
        byte[] datagram = new byte[header.length + message.length];
        System.arraycopy(header, 0, datagram, 0, header.length);
        System.arraycopy(message, 0, datagram, header.length, message.length);

        DecodedAdvert decoded = Fixtures.accepted(AdvertDecoder.decode(new ReceivedPacket.Ipv4Datagram(datagram),
                Fixtures.expectV3(IpFamily.IPV4, 10).build()));
        assertEquals(Duration.ofMillis(100), decoded.advertInterval());
    }

    @Test
    void ipv4HeaderAsKeepalivedBuildsIt() {
        byte[] datagram = AdvertEncoder.ipv4Datagram(
                Fixtures.v3(IpFamily.IPV4, 10, 200, Duration.ofSeconds(1), ip("192.0.2.10")),
                SendParameters.of(ip("192.0.2.1"), ip("224.0.0.18")), 0x1234, 0);
        byte[] zeroChecksumHeader = hex("45c0" + "0020" + "1234" + "0000" + "ff" + "70" + "0000" + "c0000201" + "e0000012");
        int checksum = rfc1071(zeroChecksumHeader);
        assertEquals(checksum, ((datagram[10] & 0xFF) << 8) | (datagram[11] & 0xFF));
        zeroChecksumHeader[10] = datagram[10];
        zeroChecksumHeader[11] = datagram[11];
        assertArrayEquals(zeroChecksumHeader, java.util.Arrays.copyOf(datagram, 20));
    }
}
