package org.keepalive4j.vrrp.packet;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;

/**
 * Validates a received packet against the local instance and decodes it. One straight list of
 * checks, each ending in a named {@link DropReason}; the order is keepalived 2.2.7's
 * (vrrp_get_header and the VRID lookup in vrrp_scheduler.c's vrrp_dispatcher_read, then
 * vrrp_check_packet in vrrp.c), which covers RFC 3768 and RFC 5798 section 7.1. Never throws on
 * packet content: every malformed input ends in a reason.
 */
public final class AdvertDecoder {

    private static final DecodeResult.Dropped[] DROPPED = Arrays.stream(DropReason.values())
            .map(DecodeResult.Dropped::new)
            .toArray(DecodeResult.Dropped[]::new);

    private static final byte[] NO_AUTH_DATA = new byte[0];

    private AdvertDecoder() {
    }

    public static DecodeResult decode(ReceivedPacket packet, Expectations expected) {
        if (packet.family() != expected.family()) {
            return drop(DropReason.BAD_ADDRESS_FAMILY);
        }
        return packet instanceof ReceivedPacket.Ipv4Datagram ipv4
                ? decodeIpv4(ipv4.datagram(), expected)
                : decodeIpv6((ReceivedPacket.Ipv6Message) packet, expected);
    }

    private static DecodeResult decodeIpv4(byte[] datagram, Expectations expected) {
        if (datagram.length < Ipv4Header.MIN_LENGTH) {
            return drop(DropReason.TOO_SHORT);
        }
        int headerLength = Ipv4Header.headerLength(datagram);
        int protocol = datagram[Ipv4Header.PROTOCOL] & 0xFF;
        if (Ipv4Header.version(datagram) != 4 || headerLength < Ipv4Header.MIN_LENGTH
                || protocol != Ipv4Header.PROTOCOL_VRRP && protocol != Ipv4Header.PROTOCOL_AH) {
            return drop(DropReason.BAD_IP_HEADER);
        }
        boolean ah = protocol == Ipv4Header.PROTOCOL_AH;
        int messageOffset = headerLength + (ah ? IpsecAh.LENGTH : 0);
        if (datagram.length < messageOffset + VrrpMessage.HEADER_LENGTH) {
            return drop(DropReason.TOO_SHORT);
        }
        Packet packet = new Packet(datagram, messageOffset, headerLength, ah,
                datagram[Ipv4Header.TTL] & 0xFF,
                Arrays.copyOfRange(datagram, Ipv4Header.SOURCE, Ipv4Header.SOURCE + 4),
                Arrays.copyOfRange(datagram, Ipv4Header.DESTINATION, Ipv4Header.DESTINATION + 4),
                Ipv4Header.isMulticast(datagram, Ipv4Header.DESTINATION));
        return validate(packet, expected);
    }

    private static DecodeResult decodeIpv6(ReceivedPacket.Ipv6Message received, Expectations expected) {
        byte[] message = received.message();
        if (message.length < VrrpMessage.HEADER_LENGTH) {
            return drop(DropReason.TOO_SHORT);
        }
        Packet packet = new Packet(message, 0, 0, false, received.hopLimit(),
                received.source().getAddress(), received.destination().getAddress(),
                received.destination().isMulticastAddress());
        return validate(packet, expected);
    }

    private static DecodeResult validate(Packet p, Expectations expected) {
        byte[] b = p.bytes;
        int m = p.messageOffset;
        boolean ipv4 = expected.family() == IpFamily.IPV4;

        // vrrp_dispatcher_read: no instance with this VRID on the socket, ignore
        if ((b[m + VrrpMessage.VRID] & 0xFF) != expected.vrid()) {
            return drop(DropReason.VRID_MISMATCH);
        }
        // vrrp_dispatcher_read discards IPv6 packets of the wrong cast before any other check;
        // IPv4 packets get the same check after the checksum, below
        if (!ipv4 && p.multicastDestination == expected.unicast()) {
            return drop(DropReason.MULTICAST_UNICAST_MISMATCH);
        }
        AuthType expectedAuth = expected.authentication().type();
        if (ipv4 && p.ah != (expectedAuth == AuthType.IPSEC_AH)) {
            return drop(DropReason.AUTH_TYPE_MISMATCH);
        }
        int versionNibble = (b[m + VrrpMessage.VERSION_TYPE] & 0xFF) >>> 4;
        int count = b[m + VrrpMessage.COUNT] & 0xFF;
        int messageLength = VrrpMessage.length(versionNibble, expected.family(), count);
        // RFC 5798 section 7.1: MUST verify the packet holds the complete VRRP message;
        // keepalived also rejects trailing bytes
        if (b.length != m + messageLength) {
            return drop(DropReason.LENGTH_MISMATCH);
        }
        // RFC 5798 section 7.1: TTL/hop limit 255, which keepalived waives for unicast instances
        if (!expected.unicast() && p.ttl != ReceivedPacket.HOP_LIMIT_UNKNOWN && p.ttl != SendParameters.VRRP_TTL) {
            return drop(ipv4 ? DropReason.TTL_NOT_255 : DropReason.HOP_LIMIT_NOT_255);
        }
        if (versionNibble != expected.version().wireValue()) {
            return drop(DropReason.BAD_VERSION);
        }

        AuthType authType = AuthType.NONE;
        byte[] authData = NO_AUTH_DATA;
        OptionalLong ahSequence = OptionalLong.empty();
        Duration interval;
        if (expected.version() == VrrpVersion.V2) {
            int authWire = b[m + VrrpMessage.V2_AUTH_TYPE] & 0xFF;
            if (authWire >= AuthType.values().length) {
                return drop(DropReason.INVALID_AUTH_TYPE);
            }
            authType = AuthType.values()[authWire];
            if (authType != expectedAuth) {
                return drop(DropReason.AUTH_TYPE_MISMATCH);
            }
            authData = Arrays.copyOfRange(b, b.length - Authentication.KEY_LENGTH, b.length);
            if (authType == AuthType.SIMPLE_PASSWORD
                    && !MessageDigest.isEqual(authData, expected.authentication().keyNoCopy())) {
                return drop(DropReason.AUTH_FAILURE);
            }
            if (authType == AuthType.IPSEC_AH) {
                DropReason ahFailure = checkAh(p, expected);
                if (ahFailure != null) {
                    return drop(ahFailure);
                }
                ahSequence = OptionalLong.of(Ipv4Header.u32(b, p.ipHeaderLength + IpsecAh.SEQUENCE));
            }
            // RFC 3768 section 7.1: MUST verify the advert interval matches ours
            interval = Duration.ofSeconds(b[m + VrrpMessage.V2_INTERVAL] & 0xFF);
            if (!interval.equals(expected.advertInterval())) {
                return drop(DropReason.INTERVAL_MISMATCH);
            }
        } else {
            int centiseconds = Ipv4Header.u16(b, m + VrrpMessage.V3_INTERVAL) & VrrpMessage.V3_INTERVAL_MASK;
            interval = Duration.ofMillis(centiseconds * 10L);
        }

        int type = b[m + VrrpMessage.VERSION_TYPE] & 0x0F;
        if (type != VrrpMessage.TYPE_ADVERTISEMENT) {
            return drop(DropReason.BAD_TYPE);
        }
        if (expected.checkAddresses() && count != expected.virtualAddresses().size()) {
            return drop(DropReason.ADDRESS_COUNT_MISMATCH);
        }
        if (ipv4 && Ipv4Header.u16(b, Ipv4Header.TOTAL_LENGTH) != b.length) {
            return drop(DropReason.IP_LENGTH_MISMATCH);
        }
        ChecksumForm checksumForm = matchChecksum(p, messageLength, expected);
        if (checksumForm == null) {
            return drop(DropReason.BAD_CHECKSUM);
        }
        if (ipv4 && p.multicastDestination == expected.unicast()) {
            return drop(DropReason.MULTICAST_UNICAST_MISMATCH);
        }

        int addressLength = expected.family().addressLength();
        int addressesOffset = m + VrrpMessage.ADDRESSES;
        if (expected.checkAddresses()) {
            // RFC 3768/5798 section 7.1 MAY verify the addresses; keepalived requires every VIP
            for (InetAddress vip : expected.virtualAddresses()) {
                if (!containsAddress(b, addressesOffset, count, addressLength, vip.getAddress())) {
                    return drop(DropReason.ADDRESS_LIST_MISMATCH);
                }
            }
            if (expected.unicast() && expected.checkUnicastSource()) {
                UnicastPeer peer = findPeer(expected.unicastPeers(), p.source);
                if (peer == null) {
                    return drop(DropReason.NOT_UNICAST_PEER);
                }
                if (p.ttl != ReceivedPacket.HOP_LIMIT_UNKNOWN && (p.ttl < peer.minTtl() || p.ttl > peer.maxTtl())) {
                    return drop(DropReason.TTL_OUT_OF_RANGE);
                }
            }
        }

        List<InetAddress> addresses = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int at = addressesOffset + i * addressLength;
            addresses.add(address(Arrays.copyOfRange(b, at, at + addressLength)));
        }
        Advertisement advert = new Advertisement(expected.version(), expected.family(),
                expected.vrid(), b[m + VrrpMessage.PRIORITY] & 0xFF, interval, addresses);
        return new DecodeResult.Accepted(new DecodedAdvert(advert, type, address(p.source), authType, authData,
                ahSequence, checksumForm));
    }

    /** keepalived's vrrp_in_chk_ipsecah, preceded by its next-header test. */
    private static DropReason checkAh(Packet p, Expectations expected) {
        byte[] b = p.bytes;
        int ah = p.ipHeaderLength;
        if ((b[ah + IpsecAh.NEXT_HEADER] & 0xFF) != Ipv4Header.PROTOCOL_VRRP) {
            return DropReason.AH_NOT_VRRP;
        }
        byte[] icv = IpsecAh.icv(b, p.ipHeaderLength, b.length, expected.unicast(),
                expected.authentication().keyNoCopy());
        if (!MessageDigest.isEqual(icv, Arrays.copyOfRange(b, ah + IpsecAh.ICV, ah + IpsecAh.ICV + IpsecAh.ICV_LENGTH))) {
            return DropReason.AUTH_FAILURE;
        }
        if (!Arrays.equals(b, ah + IpsecAh.SPI, ah + IpsecAh.SPI + 4, b, Ipv4Header.SOURCE, Ipv4Header.SOURCE + 4)) {
            return DropReason.AH_SPI_MISMATCH;
        }
        if (Ipv4Header.u32(b, ah + IpsecAh.SEQUENCE) <= expected.lastAhSequence()) {
            return DropReason.AH_REPLAY;
        }
        return null;
    }

    /** The form the checksum matches under the instance's mode, or null if none does. */
    private static ChecksumForm matchChecksum(Packet p, int length, Expectations expected) {
        byte[] b = p.bytes;
        int m = p.messageOffset;
        if (expected.version() == VrrpVersion.V2) {
            return VrrpChecksum.withoutPseudoHeader(b, m, length) == 0 ? ChecksumForm.NO_PSEUDO_HEADER : null;
        }
        boolean realDestinationMatches = pseudoHeaderChecksum(p, length, p.destination) == 0;
        if (expected.family() == IpFamily.IPV6) {
            // the kernel normally verifies this already (IPV6_CHECKSUM); checking again costs little
            return realDestinationMatches ? ChecksumForm.PSEUDO_HEADER : null;
        }
        byte[] group = expected.multicastGroup().getAddress();
        switch (expected.v3ChecksumMode()) {
            case PSEUDO_HEADER_STRICT:
                return realDestinationMatches ? ChecksumForm.PSEUDO_HEADER : null;
            case OLD_UNICAST:
                return pseudoHeaderChecksum(p, length, group) == 0 ? ChecksumForm.PSEUDO_HEADER_MULTICAST_GROUP : null;
            case WITHOUT_PSEUDO_HEADER:
                if (VrrpChecksum.withoutPseudoHeader(b, m, length) == 0) {
                    return ChecksumForm.NO_PSEUDO_HEADER;
                }
                return realDestinationMatches ? ChecksumForm.PSEUDO_HEADER : null;
            case PSEUDO_HEADER:
            default:
                if (realDestinationMatches) {
                    return ChecksumForm.PSEUDO_HEADER;
                }
                // keepalived (CHKSUM_COMPATIBILITY_NONE) retries a unicast advert with the group
                // in the pseudo-header, the checksum keepalived 1.3.6 and earlier sent
                if (expected.unicast() && !Arrays.equals(p.destination, group)
                        && pseudoHeaderChecksum(p, length, group) == 0) {
                    return ChecksumForm.PSEUDO_HEADER_MULTICAST_GROUP;
                }
                return null;
        }
    }

    private static int pseudoHeaderChecksum(Packet p, int length, byte[] destination) {
        return VrrpChecksum.withPseudoHeader(p.bytes, p.messageOffset, length,
                p.source, 0, destination, 0, p.source.length);
    }

    private static boolean containsAddress(byte[] b, int offset, int count, int addressLength, byte[] wanted) {
        for (int i = 0; i < count; i++) {
            int at = offset + i * addressLength;
            if (Arrays.equals(b, at, at + addressLength, wanted, 0, addressLength)) {
                return true;
            }
        }
        return false;
    }

    private static UnicastPeer findPeer(List<UnicastPeer> peers, byte[] source) {
        for (UnicastPeer peer : peers) {
            if (Arrays.equals(peer.address().getAddress(), source)) {
                return peer;
            }
        }
        return null;
    }

    private static InetAddress address(byte[] raw) {
        try {
            return InetAddress.getByAddress(raw);
        } catch (UnknownHostException e) {
            throw new AssertionError("4 and 16 octets are always valid lengths", e);
        }
    }

    private static DecodeResult.Dropped drop(DropReason reason) {
        return DROPPED[reason.ordinal()];
    }

    /** The received bytes with where things are, whichever socket shape they came from. */
    private record Packet(byte[] bytes, int messageOffset, int ipHeaderLength, boolean ah, int ttl,
                          byte[] source, byte[] destination, boolean multicastDestination) {
    }
}
