package org.keepalive4j.vrrp.packet;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The protocol content of one VRRP advertisement: what a master sends and what a backup learns.
 *
 * <p>Accepts every value the wire can carry (so a decoded advert always fits): VRID 0-255,
 * priority 0-255, at most 255 addresses, a VRRPv2 interval of 0-255 whole seconds, a VRRPv3
 * interval of 0-4095 centiseconds (RFC 5798 section 5.2.7: 12 bits). Configuration limits such
 * as "VRID 1-255" belong to the configuration layer.
 */
public record Advertisement(
        VrrpVersion version,
        IpFamily family,
        int vrid,
        int priority,
        Duration advertInterval,
        List<InetAddress> addresses) {

    /** Largest VRRPv3 Max Adver Int: 12 bits of centiseconds, 40.95 s. */
    public static final int V3_MAX_CENTISECONDS = 0xFFF;

    public Advertisement {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(advertInterval, "advertInterval");
        addresses = List.copyOf(addresses);
        requireOctet("vrid", vrid);
        requireOctet("priority", priority);
        if (version == VrrpVersion.V2 && family != IpFamily.IPV4) {
            throw new IllegalArgumentException("VRRPv2 is IPv4 only (RFC 3768)");
        }
        if (addresses.size() > 255) {
            throw new IllegalArgumentException("at most 255 addresses fit the 8-bit Count IPvX Addr field");
        }
        for (InetAddress address : addresses) {
            if (!family.contains(address)) {
                throw new IllegalArgumentException(address + " is not an " + family + " address");
            }
        }
        intervalWireValue(version, advertInterval);
    }

    /** The interval field's value: whole seconds (v2) or centiseconds (v3), checked to fit. */
    static int intervalWireValue(VrrpVersion version, Duration interval) {
        if (version == VrrpVersion.V2) {
            if (interval.toNanos() % 1_000_000_000L != 0 || interval.isNegative() || interval.getSeconds() > 255) {
                throw new IllegalArgumentException("VRRPv2 advert interval must be 0-255 whole seconds: " + interval);
            }
            return (int) interval.getSeconds();
        }
        if (interval.toNanos() % 10_000_000L != 0 || interval.isNegative()
                || interval.toMillis() / 10 > V3_MAX_CENTISECONDS) {
            throw new IllegalArgumentException(
                    "VRRPv3 advert interval must be 0-40.95 s in whole centiseconds: " + interval);
        }
        return (int) (interval.toMillis() / 10);
    }

    private static void requireOctet(String name, int value) {
        if (value < 0 || value > 255) {
            throw new IllegalArgumentException(name + " must be 0-255: " + value);
        }
    }
}
