package org.keepalive4j.vrrp.packet;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;

/**
 * Everything about sending one advert that is not the advert itself: addresses (the checksum
 * pseudo-header and the IPv4 header need them), the IPv4 TTL, VRRPv2 authentication and the
 * VRRPv3 IPv4 checksum mode.
 *
 * @param multicastGroup the IPv4 group keepalived puts in an {@link V3ChecksumMode#OLD_UNICAST}
 *                       pseudo-header: {@code vrrp_mcast_group4}, by default 224.0.0.18
 */
public record SendParameters(
        InetAddress source,
        InetAddress destination,
        int ttl,
        Authentication authentication,
        V3ChecksumMode v3ChecksumMode,
        InetAddress multicastGroup) {

    /** RFC 3768 section 5.2.3 and RFC 5798 section 5.1.1.3: adverts go out with TTL 255. */
    public static final int VRRP_TTL = 255;

    public static final InetAddress VRRP_IPV4_GROUP = literal(new byte[] {(byte) 224, 0, 0, 18});

    public SendParameters {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(authentication, "authentication");
        Objects.requireNonNull(v3ChecksumMode, "v3ChecksumMode");
        Objects.requireNonNull(multicastGroup, "multicastGroup");
        if (source.getAddress().length != destination.getAddress().length) {
            throw new IllegalArgumentException("source and destination must be of one address family");
        }
        if (multicastGroup.getAddress().length != 4) {
            throw new IllegalArgumentException("multicastGroup is the IPv4 VRRP group: " + multicastGroup);
        }
        if (ttl < 0 || ttl > 255) {
            throw new IllegalArgumentException("ttl must be 0-255: " + ttl);
        }
    }

    /** TTL 255, no authentication, RFC 5798 checksum, group 224.0.0.18. */
    public static SendParameters of(InetAddress source, InetAddress destination) {
        return new SendParameters(source, destination, VRRP_TTL, Authentication.none(),
                V3ChecksumMode.PSEUDO_HEADER, VRRP_IPV4_GROUP);
    }

    public SendParameters withTtl(int newTtl) {
        return new SendParameters(source, destination, newTtl, authentication, v3ChecksumMode, multicastGroup);
    }

    public SendParameters withAuthentication(Authentication newAuthentication) {
        return new SendParameters(source, destination, ttl, newAuthentication, v3ChecksumMode, multicastGroup);
    }

    public SendParameters withV3ChecksumMode(V3ChecksumMode mode) {
        return new SendParameters(source, destination, ttl, authentication, mode, multicastGroup);
    }

    public SendParameters withMulticastGroup(InetAddress group) {
        return new SendParameters(source, destination, ttl, authentication, v3ChecksumMode, group);
    }

    /**
     * keepalived zeroes the TTL in the AH ICV when the instance is unicast; a unicast instance is
     * exactly one that sends to non-multicast destinations.
     */
    boolean unicast() {
        return !destination.isMulticastAddress();
    }

    static InetAddress literal(byte[] address) {
        try {
            return InetAddress.getByAddress(address);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not a 4 or 16 octet address", e);
        }
    }
}
