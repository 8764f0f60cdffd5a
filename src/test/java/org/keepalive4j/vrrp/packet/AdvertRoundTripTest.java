package org.keepalive4j.vrrp.packet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.keepalive4j.vrrp.packet.Fixtures.GROUP4;
import static org.keepalive4j.vrrp.packet.Fixtures.GROUP6;
import static org.keepalive4j.vrrp.packet.Fixtures.PEER4;
import static org.keepalive4j.vrrp.packet.Fixtures.SOURCE4;
import static org.keepalive4j.vrrp.packet.Fixtures.SOURCE6;
import static org.keepalive4j.vrrp.packet.Fixtures.accepted;
import static org.keepalive4j.vrrp.packet.Fixtures.ip;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AdvertRoundTripTest {

    private static List<InetAddress> ipv4Addresses(int count) {
        List<InetAddress> addresses = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            addresses.add(ip("10.1." + (i / 256) + "." + (i % 256)));
        }
        return addresses;
    }

    private static List<InetAddress> ipv6Addresses(int count) {
        List<InetAddress> addresses = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            addresses.add(ip("2001:db8::" + Integer.toHexString(i + 1)));
        }
        return addresses;
    }

    private static Expectations.Builder expecting(Advertisement advert) {
        return Expectations.builder(advert.family(), advert.version(), advert.vrid())
                .advertInterval(advert.advertInterval())
                .virtualAddresses(advert.addresses());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 7, 255})
    void v2WithoutAuthentication(int count) {
        Advertisement advert = new Advertisement(VrrpVersion.V2, IpFamily.IPV4, 1, 100, Duration.ofSeconds(1),
                ipv4Addresses(count));
        byte[] datagram = AdvertEncoder.ipv4Datagram(advert, SendParameters.of(SOURCE4, GROUP4), 1, 0);
        DecodedAdvert decoded = accepted(AdvertDecoder.decode(new ReceivedPacket.Ipv4Datagram(datagram),
                expecting(advert).build()));
        assertEquals(advert, decoded.advert());
        assertEquals(AuthType.NONE, decoded.authType());
        assertEquals(SOURCE4, decoded.source());
        assertEquals(count, decoded.count());
        assertEquals(ChecksumForm.NO_PSEUDO_HEADER, decoded.checksumForm());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 255})
    void v2SimplePasswordKeepsFirstEightOctets(int seconds) {
        Advertisement advert = new Advertisement(VrrpVersion.V2, IpFamily.IPV4, 255, 254, Duration.ofSeconds(seconds),
                ipv4Addresses(3));
        Authentication auth = Authentication.password("longer-than-eight");
        byte[] datagram = AdvertEncoder.ipv4Datagram(advert, SendParameters.of(SOURCE4, GROUP4).withAuthentication(auth), 9, 0);
        DecodedAdvert decoded = accepted(AdvertDecoder.decode(new ReceivedPacket.Ipv4Datagram(datagram),
                expecting(advert).authentication(Authentication.password("longer-t")).build()));
        assertEquals(advert, decoded.advert());
        assertArrayEquals("longer-t".getBytes(), decoded.authData());
    }

    @Test
    void v2PasswordMessageWithoutIpHeaderDecodesOnceWrapped() {
        Advertisement advert = Fixtures.v2(3, 100, 1, Fixtures.VIP4);
        SendParameters send = SendParameters.of(SOURCE4, GROUP4).withAuthentication(Authentication.password("pw"));
        byte[] message = AdvertEncoder.vrrpMessage(advert, send);
        byte[] datagram = AdvertEncoder.ipv4Datagram(advert, send, 1, 0);
        assertArrayEquals(message, java.util.Arrays.copyOfRange(datagram, 20, datagram.length));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 0xFFFFFFFDL})
    void v2IpsecAhMulticastAndUnicast(long sequence) {
        Advertisement advert = Fixtures.v2(52, 120, 2, Fixtures.VIP4, ip("192.0.2.152"));
        Authentication auth = Authentication.ipsecAh("k4jahkey");
        for (InetAddress destination : List.of(GROUP4, PEER4)) {
            byte[] datagram = AdvertEncoder.ipv4Datagram(advert,
                    SendParameters.of(SOURCE4, destination).withAuthentication(auth), 77, sequence);
            Expectations.Builder expected = expecting(advert).authentication(auth).lastAhSequence(sequence - 1);
            if (!destination.isMulticastAddress()) {
                expected.unicastPeers(List.of(UnicastPeer.of(SOURCE4)));
            }
            DecodedAdvert decoded = accepted(AdvertDecoder.decode(new ReceivedPacket.Ipv4Datagram(datagram),
                    expected.build()));
            assertEquals(advert, decoded.advert());
            assertEquals(OptionalLong.of(sequence), decoded.ahSequence());
            assertEquals(AuthType.IPSEC_AH, decoded.authType());
        }
    }

    @Test
    void ahNeedsTheIpv4HeaderAndAValidSequence() {
        Advertisement advert = Fixtures.v2(52, 120, 2, Fixtures.VIP4);
        SendParameters send = SendParameters.of(SOURCE4, GROUP4).withAuthentication(Authentication.ipsecAh("k"));
        assertThrows(IllegalArgumentException.class, () -> AdvertEncoder.vrrpMessage(advert, send));
        assertThrows(IllegalArgumentException.class, () -> AdvertEncoder.ipv4Datagram(advert, send, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> AdvertEncoder.ipv4Datagram(advert, send, 1, 0xFFFFFFFEL));
    }

    @ParameterizedTest
    @ValueSource(ints = {10, 20, 500, 1000, 40950})
    void v3Ipv4IntervalEdges(int millis) {
        Advertisement advert = Fixtures.v3(IpFamily.IPV4, 53, 200, Duration.ofMillis(millis), Fixtures.VIP4);
        byte[] datagram = AdvertEncoder.ipv4Datagram(advert, SendParameters.of(SOURCE4, GROUP4), 1, 0);
        DecodedAdvert decoded = accepted(AdvertDecoder.decode(new ReceivedPacket.Ipv4Datagram(datagram),
                expecting(advert).build()));
        assertEquals(Duration.ofMillis(millis), decoded.advertInterval());
        assertEquals(ChecksumForm.PSEUDO_HEADER, decoded.checksumForm());
    }

    @Test
    void v3IntervalOutsideTwelveBitsOrNotCentisecondsIsRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> Fixtures.v3(IpFamily.IPV4, 1, 1, Duration.ofMillis(40960)));
        assertThrows(IllegalArgumentException.class,
                () -> Fixtures.v3(IpFamily.IPV4, 1, 1, Duration.ofMillis(15)));
        assertThrows(IllegalArgumentException.class,
                () -> Fixtures.v2(1, 1, 256));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 255})
    void v3Ipv4AddressCounts(int count) {
        Advertisement advert = new Advertisement(VrrpVersion.V3, IpFamily.IPV4, 9, 0, Duration.ofSeconds(1),
                ipv4Addresses(count));
        byte[] datagram = AdvertEncoder.ipv4Datagram(advert, SendParameters.of(SOURCE4, GROUP4), 65535, 0);
        assertEquals(advert, accepted(AdvertDecoder.decode(new ReceivedPacket.Ipv4Datagram(datagram),
                expecting(advert).build())).advert());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 3, 255})
    void v3Ipv6(int count) {
        Advertisement advert = new Advertisement(VrrpVersion.V3, IpFamily.IPV6, 54, 100, Duration.ofMillis(10),
                ipv6Addresses(count));
        byte[] message = AdvertEncoder.vrrpMessage(advert, SendParameters.of(SOURCE6, GROUP6));
        DecodedAdvert decoded = accepted(AdvertDecoder.decode(
                new ReceivedPacket.Ipv6Message(message, 255, SOURCE6, GROUP6), expecting(advert).build()));
        assertEquals(advert, decoded.advert());
        assertEquals(SOURCE6, decoded.source());
        assertEquals(0, decoded.authData().length);
    }

    @Test
    void v3Ipv6FromByteBufferAndUnknownHopLimit() {
        Advertisement advert = Fixtures.v3(IpFamily.IPV6, 54, 100, Duration.ofSeconds(40), Fixtures.VIP6);
        byte[] message = AdvertEncoder.vrrpMessage(advert, SendParameters.of(SOURCE6, GROUP6));
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(message.length + 4);
        buffer.position(2);
        buffer.put(message).flip().position(2);
        ReceivedPacket packet = ReceivedPacket.ipv6Message(buffer, ReceivedPacket.HOP_LIMIT_UNKNOWN,
                SOURCE6, GROUP6);
        assertEquals(advert, accepted(AdvertDecoder.decode(packet, expecting(advert).build())).advert());
        assertEquals(2, buffer.position());
    }

    @Test
    void v3ChecksumModesRoundTrip() {
        Advertisement advert = Fixtures.v3(IpFamily.IPV4, 55, 100, Duration.ofSeconds(1), Fixtures.VIP4);
        List<UnicastPeer> peers = List.of(UnicastPeer.of(SOURCE4));
        for (V3ChecksumMode mode : V3ChecksumMode.values()) {
            byte[] datagram = AdvertEncoder.ipv4Datagram(advert,
                    SendParameters.of(SOURCE4, PEER4).withV3ChecksumMode(mode), 1, 0);
            DecodedAdvert decoded = accepted(AdvertDecoder.decode(new ReceivedPacket.Ipv4Datagram(datagram),
                    expecting(advert).unicastPeers(peers).v3ChecksumMode(mode).build()));
            ChecksumForm expectedForm = switch (mode) {
                case PSEUDO_HEADER, PSEUDO_HEADER_STRICT -> ChecksumForm.PSEUDO_HEADER;
                case OLD_UNICAST -> ChecksumForm.PSEUDO_HEADER_MULTICAST_GROUP;
                case WITHOUT_PSEUDO_HEADER -> ChecksumForm.NO_PSEUDO_HEADER;
            };
            assertEquals(expectedForm, decoded.checksumForm(), mode.name());
        }
    }

    @Test
    void withoutPseudoHeaderModeAlsoAcceptsRfc5798Checksums() {
        Advertisement advert = Fixtures.v3(IpFamily.IPV4, 53, 100, Duration.ofSeconds(1), Fixtures.VIP4);
        byte[] datagram = AdvertEncoder.ipv4Datagram(advert, SendParameters.of(SOURCE4, GROUP4), 1, 0);
        assertEquals(ChecksumForm.PSEUDO_HEADER, accepted(AdvertDecoder.decode(new ReceivedPacket.Ipv4Datagram(datagram),
                expecting(advert).v3ChecksumMode(V3ChecksumMode.WITHOUT_PSEUDO_HEADER).build())).checksumForm());
    }

    @Test
    void encoderRejectsMismatchedInput() {
        Advertisement v3 = Fixtures.v3(IpFamily.IPV4, 1, 1, Duration.ofSeconds(1));
        assertThrows(IllegalArgumentException.class, () -> AdvertEncoder.vrrpMessage(v3,
                SendParameters.of(SOURCE4, GROUP4).withAuthentication(Authentication.password("x"))));
        assertThrows(IllegalArgumentException.class, () -> AdvertEncoder.vrrpMessage(v3,
                SendParameters.of(SOURCE6, GROUP6)));
        Advertisement v6 = Fixtures.v3(IpFamily.IPV6, 1, 1, Duration.ofSeconds(1));
        assertThrows(IllegalArgumentException.class, () -> AdvertEncoder.ipv4Datagram(v6,
                SendParameters.of(SOURCE6, (Inet6Address) GROUP6), 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new Advertisement(VrrpVersion.V2, IpFamily.IPV6, 1, 1,
                Duration.ofSeconds(1), List.of()));
    }
}
