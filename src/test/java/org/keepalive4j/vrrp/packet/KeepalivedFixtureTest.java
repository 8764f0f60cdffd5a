package org.keepalive4j.vrrp.packet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.keepalive4j.vrrp.packet.Fixtures.GROUP4;
import static org.keepalive4j.vrrp.packet.Fixtures.PEER4;
import static org.keepalive4j.vrrp.packet.Fixtures.SOURCE4;
import static org.keepalive4j.vrrp.packet.Fixtures.accepted;
import static org.keepalive4j.vrrp.packet.Fixtures.ip;

import java.io.IOException;
import java.io.InputStream;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Adverts sent by Debian's keepalived 2.2.7 and captured on the wire by
 * src/test/resources/vrrp/capture-keepalived-adverts.sh (its configuration gives the parameters
 * used here). We must accept each one and, given the same parameters, encode the same bytes.
 */
class KeepalivedFixtureTest {

    private static List<byte[]> packets;

    @BeforeAll
    static void readCapture() throws IOException {
        try (InputStream in = KeepalivedFixtureTest.class.getResourceAsStream("/vrrp/keepalived-adverts.pcap")) {
            packets = PcapReader.ipPackets(in);
        }
    }

    /** The captured IPv4 datagrams whose VRRP message (after any AH) has this VRID. */
    private static List<byte[]> ipv4WithVrid(int vrid) {
        List<byte[]> found = packets.stream()
                .filter(p -> (p[0] >> 4) == 4)
                .filter(p -> {
                    int offset = (p[0] & 0x0F) * 4 + (p[9] == 51 ? 24 : 0);
                    return (p[offset + 1] & 0xFF) == vrid;
                })
                .collect(Collectors.toList());
        assertFalse(found.isEmpty(), "capture holds adverts for VRID " + vrid);
        return found;
    }

    private static int identification(byte[] datagram) {
        return ((datagram[4] & 0xFF) << 8) | (datagram[5] & 0xFF);
    }

    @Test
    void v2SimplePassword() {
        Advertisement advert = Fixtures.v2(51, 150, 1, ip("192.0.2.51"), ip("192.0.2.151"));
        Authentication auth = Authentication.password("k4jpass1");
        for (byte[] wire : ipv4WithVrid(51)) {
            DecodedAdvert decoded = accepted(AdvertDecoder.decode(new ReceivedPacket.Ipv4Datagram(wire),
                    Fixtures.expectV2(51, 1, ip("192.0.2.51"), ip("192.0.2.151")).authentication(auth).build()));
            assertEquals(advert, decoded.advert());
            assertEquals(SOURCE4, decoded.source());
            assertArrayEquals("k4jpass1".getBytes(), decoded.authData());
            assertArrayEquals(wire, AdvertEncoder.ipv4Datagram(advert,
                    SendParameters.of(SOURCE4, GROUP4).withAuthentication(auth), identification(wire), 0));
        }
    }

    @Test
    void v2IpsecAh() {
        Advertisement advert = Fixtures.v2(52, 120, 2, ip("192.0.2.52"));
        Authentication auth = Authentication.ipsecAh("k4jahkey");
        for (byte[] wire : ipv4WithVrid(52)) {
            long sequence = Ipv4Header.u32(wire, 20 + IpsecAh.SEQUENCE);
            DecodedAdvert decoded = accepted(AdvertDecoder.decode(new ReceivedPacket.Ipv4Datagram(wire),
                    Fixtures.expectV2(52, 2, ip("192.0.2.52")).authentication(auth).build()));
            assertEquals(advert, decoded.advert());
            assertEquals(OptionalLong.of(sequence), decoded.ahSequence());
            assertArrayEquals(wire, AdvertEncoder.ipv4Datagram(advert,
                    SendParameters.of(SOURCE4, GROUP4).withAuthentication(auth), identification(wire), sequence));

            assertEquals(new DecodeResult.Dropped(DropReason.AH_REPLAY),
                    AdvertDecoder.decode(new ReceivedPacket.Ipv4Datagram(wire),
                            Fixtures.expectV2(52, 2, ip("192.0.2.52")).authentication(auth)
                                    .lastAhSequence(sequence).build()));
            assertEquals(new DecodeResult.Dropped(DropReason.AUTH_FAILURE),
                    AdvertDecoder.decode(new ReceivedPacket.Ipv4Datagram(wire),
                            Fixtures.expectV2(52, 2, ip("192.0.2.52"))
                                    .authentication(Authentication.ipsecAh("k4jahkez")).build()));
        }
    }

    @Test
    void v3Ipv4Multicast() {
        Advertisement advert = Fixtures.v3(IpFamily.IPV4, 53, 200, Duration.ofMillis(500), ip("192.0.2.53"));
        for (byte[] wire : ipv4WithVrid(53)) {
            DecodedAdvert decoded = accepted(AdvertDecoder.decode(new ReceivedPacket.Ipv4Datagram(wire),
                    Fixtures.expectV3(IpFamily.IPV4, 53, ip("192.0.2.53")).build()));
            assertEquals(advert, decoded.advert());
            assertEquals(ChecksumForm.PSEUDO_HEADER, decoded.checksumForm());
            assertArrayEquals(wire, AdvertEncoder.ipv4Datagram(advert, SendParameters.of(SOURCE4, GROUP4),
                    identification(wire), 0));
        }
    }

    @Test
    void v3Ipv6() {
        Advertisement advert = Fixtures.v3(IpFamily.IPV6, 54, 100, Duration.ofSeconds(1), ip("2001:db8::54"));
        List<byte[]> ipv6 = packets.stream().filter(p -> (p[0] >> 4) == 6).collect(Collectors.toList());
        assertFalse(ipv6.isEmpty());
        for (byte[] wire : ipv6) {
            Inet6Address source = (Inet6Address) address(wire, 8);
            Inet6Address destination = (Inet6Address) address(wire, 24);
            byte[] message = Arrays.copyOfRange(wire, 40, wire.length);
            DecodedAdvert decoded = accepted(AdvertDecoder.decode(
                    new ReceivedPacket.Ipv6Message(message, wire[7] & 0xFF, source, destination),
                    Fixtures.expectV3(IpFamily.IPV6, 54, ip("2001:db8::54")).build()));
            assertEquals(advert, decoded.advert());
            assertEquals(Fixtures.SOURCE6, decoded.source());
            assertArrayEquals(message, AdvertEncoder.vrrpMessage(advert, SendParameters.of(source, destination)));
        }
    }

    @Test
    void v3Ipv4Unicast() {
        Advertisement advert = Fixtures.v3(IpFamily.IPV4, 55, 100, Duration.ofSeconds(1), ip("192.0.2.55"));
        for (byte[] wire : ipv4WithVrid(55)) {
            DecodedAdvert decoded = accepted(AdvertDecoder.decode(new ReceivedPacket.Ipv4Datagram(wire),
                    Fixtures.expectV3(IpFamily.IPV4, 55, ip("192.0.2.55"))
                            .unicastPeers(List.of(UnicastPeer.of(SOURCE4))).checkUnicastSource(true).build()));
            assertEquals(advert, decoded.advert());
            assertEquals(ChecksumForm.PSEUDO_HEADER, decoded.checksumForm());
            assertArrayEquals(wire, AdvertEncoder.ipv4Datagram(advert, SendParameters.of(SOURCE4, PEER4),
                    identification(wire), 0));
        }
    }

    @Test
    void v3Ipv4UnicastOldChecksum() {
        Advertisement advert = Fixtures.v3(IpFamily.IPV4, 56, 100, Duration.ofSeconds(1), ip("192.0.2.56"));
        for (byte[] wire : ipv4WithVrid(56)) {
            ReceivedPacket packet = new ReceivedPacket.Ipv4Datagram(wire);
            Expectations.Builder expected = Fixtures.expectV3(IpFamily.IPV4, 56, ip("192.0.2.56"))
                    .unicastPeers(List.of(UnicastPeer.of(SOURCE4)));

            // keepalived's default accepts the old form on a unicast instance and reports it
            assertEquals(ChecksumForm.PSEUDO_HEADER_MULTICAST_GROUP,
                    accepted(AdvertDecoder.decode(packet, expected.build())).checksumForm());
            assertEquals(advert, accepted(AdvertDecoder.decode(packet,
                    expected.v3ChecksumMode(V3ChecksumMode.OLD_UNICAST).build())).advert());
            assertEquals(new DecodeResult.Dropped(DropReason.BAD_CHECKSUM), AdvertDecoder.decode(packet,
                    expected.v3ChecksumMode(V3ChecksumMode.PSEUDO_HEADER_STRICT).build()));

            assertArrayEquals(wire, AdvertEncoder.ipv4Datagram(advert,
                    SendParameters.of(SOURCE4, PEER4).withV3ChecksumMode(V3ChecksumMode.OLD_UNICAST),
                    identification(wire), 0));
        }
    }

    private static InetAddress address(byte[] bytes, int offset) {
        try {
            return InetAddress.getByAddress(Arrays.copyOfRange(bytes, offset, offset + 16));
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
