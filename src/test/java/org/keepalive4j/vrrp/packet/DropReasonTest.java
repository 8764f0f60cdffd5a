package org.keepalive4j.vrrp.packet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.keepalive4j.vrrp.packet.Fixtures.GROUP4;
import static org.keepalive4j.vrrp.packet.Fixtures.GROUP6;
import static org.keepalive4j.vrrp.packet.Fixtures.PEER4;
import static org.keepalive4j.vrrp.packet.Fixtures.SOURCE4;
import static org.keepalive4j.vrrp.packet.Fixtures.SOURCE6;
import static org.keepalive4j.vrrp.packet.Fixtures.VIP4;
import static org.keepalive4j.vrrp.packet.Fixtures.VIP6;
import static org.keepalive4j.vrrp.packet.Fixtures.ip;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * One crafted packet per {@link DropReason}. The switch over the enum is exhaustive, so a new
 * reason does not compile until it has a case here.
 */
class DropReasonTest {

    private static final Authentication PASSWORD = Authentication.password("k4jpass1");
    private static final Authentication AH = Authentication.ipsecAh("k4jahkey");
    private static final Advertisement V2_ADVERT = Fixtures.v2(51, 150, 1, VIP4);
    private static final Advertisement V3_ADVERT = Fixtures.v3(IpFamily.IPV4, 51, 150, Duration.ofSeconds(1), VIP4);

    private record Case(ReceivedPacket packet, Expectations expected) {
    }

    /** A valid VRRPv2 PASS multicast advert from 192.0.2.1. */
    private static byte[] v2Password() {
        return AdvertEncoder.ipv4Datagram(V2_ADVERT, SendParameters.of(SOURCE4, GROUP4).withAuthentication(PASSWORD), 1, 0);
    }

    private static Expectations.Builder v2PasswordInstance() {
        return Fixtures.expectV2(51, 1, VIP4).authentication(PASSWORD);
    }

    private static byte[] v2Ah(long sequence) {
        return AdvertEncoder.ipv4Datagram(V2_ADVERT, SendParameters.of(SOURCE4, GROUP4).withAuthentication(AH), 1, sequence);
    }

    private static byte[] v3Unicast(int ttl) {
        return AdvertEncoder.ipv4Datagram(V3_ADVERT, SendParameters.of(SOURCE4, PEER4).withTtl(ttl), 1, 0);
    }

    private static Case ipv4(byte[] datagram, Expectations.Builder expected) {
        return new Case(new ReceivedPacket.Ipv4Datagram(datagram), expected.build());
    }

    private static byte[] with(byte[] bytes, int offset, int value) {
        byte[] copy = bytes.clone();
        copy[offset] = (byte) value;
        return copy;
    }

    /** Re-signs an AH datagram after a change, so that only the intended check fails. */
    private static byte[] resigned(byte[] datagram) {
        byte[] icv = IpsecAh.icv(datagram, 20, datagram.length, false, AH.key());
        byte[] copy = datagram.clone();
        System.arraycopy(icv, 0, copy, 20 + IpsecAh.ICV, IpsecAh.ICV_LENGTH);
        return copy;
    }

    private static Case craft(DropReason reason) {
        return switch (reason) {
            case TOO_SHORT -> ipv4(Arrays.copyOf(v2Password(), 24), v2PasswordInstance());
            case BAD_IP_HEADER -> ipv4(with(v2Password(), 0, 0x65), v2PasswordInstance());
            case BAD_ADDRESS_FAMILY -> ipv4(v2Password(), Fixtures.expectV3(IpFamily.IPV6, 51, VIP6));
            case VRID_MISMATCH -> ipv4(v2Password(), Fixtures.expectV2(52, 1, VIP4).authentication(PASSWORD));
            case MULTICAST_UNICAST_MISMATCH -> ipv4(v2Password(),
                    v2PasswordInstance().unicastPeers(List.of(UnicastPeer.of(SOURCE4))));
            case AUTH_TYPE_MISMATCH -> ipv4(v2Password(), Fixtures.expectV2(51, 1, VIP4).authentication(AH));
            case LENGTH_MISMATCH -> ipv4(Arrays.copyOf(v2Password(), v2Password().length + 1), v2PasswordInstance());
            case TTL_NOT_255 -> ipv4(with(v2Password(), Ipv4Header.TTL, 254), v2PasswordInstance());
            case HOP_LIMIT_NOT_255 -> new Case(new ReceivedPacket.Ipv6Message(
                    AdvertEncoder.vrrpMessage(Fixtures.v3(IpFamily.IPV6, 54, 100, Duration.ofSeconds(1), VIP6),
                            SendParameters.of(SOURCE6, GROUP6)), 254, SOURCE6, GROUP6),
                    Fixtures.expectV3(IpFamily.IPV6, 54, VIP6).build());
            case BAD_VERSION -> ipv4(v2Password(), Fixtures.expectV3(IpFamily.IPV4, 51, VIP4));
            case INVALID_AUTH_TYPE -> ipv4(with(v2Password(), 20 + VrrpMessage.V2_AUTH_TYPE, 3), v2PasswordInstance());
            case AUTH_FAILURE -> ipv4(v2Password(),
                    Fixtures.expectV2(51, 1, VIP4).authentication(Authentication.password("k4jpass2")));
            case AH_NOT_VRRP -> ipv4(resigned(with(v2Ah(5), 20 + IpsecAh.NEXT_HEADER, 6)),
                    Fixtures.expectV2(51, 1, VIP4).authentication(AH));
            case AH_SPI_MISMATCH -> ipv4(resigned(with(v2Ah(5), 20 + IpsecAh.SPI + 3, 9)),
                    Fixtures.expectV2(51, 1, VIP4).authentication(AH));
            case AH_REPLAY -> ipv4(v2Ah(5), Fixtures.expectV2(51, 1, VIP4).authentication(AH).lastAhSequence(5));
            case INTERVAL_MISMATCH -> ipv4(v2Password(), Fixtures.expectV2(51, 2, VIP4).authentication(PASSWORD));
            case BAD_TYPE -> ipv4(with(v2Password(), 20 + VrrpMessage.VERSION_TYPE, 0x22), v2PasswordInstance());
            case ADDRESS_COUNT_MISMATCH -> ipv4(v2Password(),
                    Fixtures.expectV2(51, 1, VIP4, ip("192.0.2.99")).authentication(PASSWORD));
            case IP_LENGTH_MISMATCH -> ipv4(with(v2Password(), Ipv4Header.TOTAL_LENGTH + 1, 0x30), v2PasswordInstance());
            // a higher priority must not get past a checksum that no longer matches
            case BAD_CHECKSUM -> ipv4(with(v2Password(), 20 + VrrpMessage.PRIORITY, 255), v2PasswordInstance());
            case ADDRESS_LIST_MISMATCH -> ipv4(v2Password(),
                    Fixtures.expectV2(51, 1, ip("192.0.2.99")).authentication(PASSWORD));
            case NOT_UNICAST_PEER -> ipv4(v3Unicast(255), Fixtures.expectV3(IpFamily.IPV4, 51, VIP4)
                    .unicastPeers(List.of(UnicastPeer.of(ip("192.0.2.9")))).checkUnicastSource(true));
            case TTL_OUT_OF_RANGE -> ipv4(v3Unicast(64), Fixtures.expectV3(IpFamily.IPV4, 51, VIP4)
                    .unicastPeers(List.of(new UnicastPeer(SOURCE4, 100, 255))).checkUnicastSource(true));
        };
    }

    @ParameterizedTest
    @EnumSource(DropReason.class)
    void everyReasonHasAPacketThatTriggersIt(DropReason reason) {
        Case crafted = craft(reason);
        assertEquals(new DecodeResult.Dropped(reason), AdvertDecoder.decode(crafted.packet(), crafted.expected()));
    }
}
