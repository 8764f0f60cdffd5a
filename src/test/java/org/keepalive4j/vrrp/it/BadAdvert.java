package org.keepalive4j.vrrp.it;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.keepalive4j.vrrp.packet.Advertisement;
import org.keepalive4j.vrrp.packet.AdvertEncoder;
import org.keepalive4j.vrrp.packet.Authentication;
import org.keepalive4j.vrrp.packet.IpFamily;
import org.keepalive4j.vrrp.packet.SendParameters;
import org.keepalive4j.vrrp.packet.VrrpVersion;

/**
 * Adverts that a VRRPv2 PASS instance must drop, each for one reason, plus one valid advert as the
 * control: all built by the codec as keepalived would build them, then spoiled in exactly one way.
 * Each is a whole IPv4 datagram for an IP_HDRINCL socket, so TTL and length reach the wire as made.
 */
enum BadAdvert {
    /** A valid advert at a priority below the master's: accepted, and the master stays master. */
    VALID_LOWER_PRIORITY(null),
    /** RFC 3768 section 7.1: a multicast advert must arrive with TTL 255 (proof it was not routed). */
    TTL_254("TTL_NOT_255"),
    BAD_CHECKSUM("BAD_CHECKSUM"),
    /** A well-formed VRRPv3 advert for the VRID of a VRRPv2 instance. */
    WRONG_VERSION("BAD_VERSION"),
    /** Another virtual router's advert: keepalived counts it as an unknown VRID, not as an instance error. */
    WRONG_VRID("VRID_MISMATCH"),
    WRONG_PASSWORD("AUTH_FAILURE"),
    /** The last 4 octets (half the password) cut off: shorter than its Count field implies. */
    TRUNCATED("LENGTH_MISMATCH"),
    /** Would preempt the master if it were believed: the checksum is all that stops it. */
    HIGHER_PRIORITY_BAD_CHECKSUM("BAD_CHECKSUM");

    /** The priority a valid advert of these would claim; the target runs at 150. */
    static final int LOWER_PRIORITY = 100;
    static final int HIGHER_PRIORITY = 254;

    /** Offset of the VRRP checksum in the datagram: 20-octet IPv4 header + 6. */
    private static final int VRRP_CHECKSUM = 20 + 6;
    private static final int TRUNCATED_OCTETS = 4;

    private final String dropReason;

    BadAdvert(String dropReason) {
        this.dropReason = dropReason;
    }

    /** The {@link org.keepalive4j.vrrp.packet.DropReason} name this advert must be counted under; null for the control. */
    String dropReason() {
        return dropReason;
    }

    /** The datagram, as sent by {@code source} to a VRRPv2 PASS instance {@code vrid} with {@code password} and {@code vip}. */
    byte[] datagram(InetAddress source, int vrid, InetAddress vip, String password, int identification) {
        SendParameters send = SendParameters.of(source, SendParameters.VRRP_IPV4_GROUP)
                .withAuthentication(Authentication.password(password));
        return switch (this) {
            case VALID_LOWER_PRIORITY -> v2(send, vrid, LOWER_PRIORITY, vip, identification);
            case TTL_254 -> v2(send.withTtl(254), vrid, LOWER_PRIORITY, vip, identification);
            case BAD_CHECKSUM -> spoilChecksum(v2(send, vrid, LOWER_PRIORITY, vip, identification));
            case WRONG_VERSION -> AdvertEncoder.ipv4Datagram(new Advertisement(VrrpVersion.V3, IpFamily.IPV4, vrid,
                    LOWER_PRIORITY, Duration.ofSeconds(1), List.of(vip)),
                    send.withAuthentication(Authentication.none()), identification, 0);
            case WRONG_VRID -> v2(send, vrid == 255 ? 1 : vrid + 1, LOWER_PRIORITY, vip, identification);
            case WRONG_PASSWORD -> v2(send.withAuthentication(Authentication.password("intruder")), vrid,
                    LOWER_PRIORITY, vip, identification);
            case TRUNCATED -> {
                byte[] whole = v2(send, vrid, LOWER_PRIORITY, vip, identification);
                yield Arrays.copyOf(whole, whole.length - TRUNCATED_OCTETS);
            }
            case HIGHER_PRIORITY_BAD_CHECKSUM -> spoilChecksum(v2(send, vrid, HIGHER_PRIORITY, vip, identification));
        };
    }

    private static byte[] v2(SendParameters send, int vrid, int priority, InetAddress vip, int identification) {
        Advertisement advert = new Advertisement(VrrpVersion.V2, IpFamily.IPV4, vrid, priority,
                Duration.ofSeconds(1), List.of(vip));
        return AdvertEncoder.ipv4Datagram(advert, send, identification, 0);
    }

    private static byte[] spoilChecksum(byte[] datagram) {
        datagram[VRRP_CHECKSUM] ^= (byte) 0xA5;
        return datagram;
    }
}
