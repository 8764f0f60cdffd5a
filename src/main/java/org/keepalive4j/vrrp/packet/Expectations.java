package org.keepalive4j.vrrp.packet;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What the local instance expects of an advert, the "locally configured" values RFC 3768 and
 * RFC 5798 section 7.1 compare against, plus the keepalived options that change the checks.
 *
 * @param advertInterval          compared only for VRRPv2 (RFC 3768 section 7.1); keepalived
 *                                2.2.7 does not compare VRRPv3 intervals
 * @param checkAddresses          whether to check the address count and list. keepalived checks
 *                                always, except that with {@code skip_check_adv_addr} a backup
 *                                skips the check for adverts from the master it already knows;
 *                                the engine decides and says so here
 * @param unicast                 the instance has unicast peers: no TTL 255 rule, and the packet
 *                                must be unicast rather than multicast
 * @param checkUnicastSource      {@code check_unicast_src}: the source must be a configured peer
 *                                and the TTL within that peer's range (only checked together with
 *                                the addresses, as keepalived does)
 * @param multicastGroup          IPv4 group for {@link V3ChecksumMode#OLD_UNICAST} checksums
 * @param lastAhSequence          the instance's AH sequence counter; an AH advert must carry a
 *                                larger sequence number (replay protection)
 */
public record Expectations(
        IpFamily family,
        VrrpVersion version,
        int vrid,
        Authentication authentication,
        Duration advertInterval,
        List<InetAddress> virtualAddresses,
        boolean checkAddresses,
        boolean unicast,
        List<UnicastPeer> unicastPeers,
        boolean checkUnicastSource,
        V3ChecksumMode v3ChecksumMode,
        InetAddress multicastGroup,
        long lastAhSequence) {

    public Expectations {
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(authentication, "authentication");
        Objects.requireNonNull(advertInterval, "advertInterval");
        Objects.requireNonNull(v3ChecksumMode, "v3ChecksumMode");
        Objects.requireNonNull(multicastGroup, "multicastGroup");
        virtualAddresses = List.copyOf(virtualAddresses);
        unicastPeers = List.copyOf(unicastPeers);
        if (vrid < 0 || vrid > 255) {
            throw new IllegalArgumentException("vrid must be 0-255: " + vrid);
        }
        if (version == VrrpVersion.V2 && family != IpFamily.IPV4) {
            throw new IllegalArgumentException("VRRPv2 is IPv4 only (RFC 3768)");
        }
        if (version == VrrpVersion.V3 && authentication.type() != AuthType.NONE) {
            throw new IllegalArgumentException("VRRPv3 has no authentication (RFC 5798 section 5.2)");
        }
        for (InetAddress vip : virtualAddresses) {
            if (!family.contains(vip)) {
                throw new IllegalArgumentException(vip + " is not an " + family + " address");
            }
        }
        if (multicastGroup.getAddress().length != 4) {
            throw new IllegalArgumentException("multicastGroup is the IPv4 VRRP group: " + multicastGroup);
        }
        if (lastAhSequence < 0 || lastAhSequence > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("lastAhSequence must be an unsigned 32-bit value");
        }
    }

    public static Builder builder(IpFamily family, VrrpVersion version, int vrid) {
        return new Builder(family, version, vrid);
    }

    /** Defaults: no authentication, 1 s interval, no VIPs, addresses checked, multicast, RFC 5798 checksum. */
    public static final class Builder {
        private final IpFamily family;
        private final VrrpVersion version;
        private final int vrid;
        private Authentication authentication = Authentication.none();
        private Duration advertInterval = Duration.ofSeconds(1);
        private List<InetAddress> virtualAddresses = List.of();
        private boolean checkAddresses = true;
        private boolean unicast;
        private List<UnicastPeer> unicastPeers = List.of();
        private boolean checkUnicastSource;
        private V3ChecksumMode v3ChecksumMode = V3ChecksumMode.PSEUDO_HEADER;
        private InetAddress multicastGroup = SendParameters.VRRP_IPV4_GROUP;
        private long lastAhSequence;

        private Builder(IpFamily family, VrrpVersion version, int vrid) {
            this.family = family;
            this.version = version;
            this.vrid = vrid;
        }

        public Builder authentication(Authentication value) {
            authentication = value;
            return this;
        }

        public Builder advertInterval(Duration value) {
            advertInterval = value;
            return this;
        }

        public Builder virtualAddresses(List<InetAddress> value) {
            virtualAddresses = value;
            return this;
        }

        public Builder checkAddresses(boolean value) {
            checkAddresses = value;
            return this;
        }

        /** Makes the instance unicast with these peers. */
        public Builder unicastPeers(List<UnicastPeer> value) {
            unicast = true;
            unicastPeers = value;
            return this;
        }

        public Builder checkUnicastSource(boolean value) {
            checkUnicastSource = value;
            return this;
        }

        public Builder v3ChecksumMode(V3ChecksumMode value) {
            v3ChecksumMode = value;
            return this;
        }

        public Builder multicastGroup(InetAddress value) {
            multicastGroup = value;
            return this;
        }

        public Builder lastAhSequence(long value) {
            lastAhSequence = value;
            return this;
        }

        public Expectations build() {
            return new Expectations(family, version, vrid, authentication, advertInterval, virtualAddresses,
                    checkAddresses, unicast, unicastPeers, checkUnicastSource, v3ChecksumMode, multicastGroup,
                    lastAhSequence);
        }
    }
}
