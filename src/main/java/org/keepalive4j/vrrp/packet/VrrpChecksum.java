package org.keepalive4j.vrrp.packet;

/**
 * The VRRP checksum: RFC 1071 sum over the VRRP message, preceded for VRRPv3 by the IPv4
 * (RFC 5798 section 5.2.8, as keepalived and most implementations do for IPv4 too) or IPv6
 * (RFC 8200 section 8.1) pseudo-header.
 */
final class VrrpChecksum {

    private VrrpChecksum() {
    }

    /** Over the message alone, the VRRPv2 way. */
    static int withoutPseudoHeader(byte[] message, int offset, int length) {
        return InternetChecksum.of(message, offset, length);
    }

    /**
     * With a pseudo-header whose addresses are 4 (IPv4) or 16 (IPv6) octets, read from
     * {@code source} at {@code sourceOffset} and {@code destination} at {@code destinationOffset}.
     */
    static int withPseudoHeader(byte[] message, int offset, int length,
                                byte[] source, int sourceOffset,
                                byte[] destination, int destinationOffset, int addressLength) {
        InternetChecksum sum = new InternetChecksum()
                .add(source, sourceOffset, addressLength)
                .add(destination, destinationOffset, addressLength);
        if (addressLength == 4) {
            // source, destination, zero, protocol, VRRP length (keepalived's ipv4_phdr_t)
            sum.add16(Ipv4Header.PROTOCOL_VRRP).add16(length);
        } else {
            // source, destination, 32-bit upper-layer length, 24 zero bits, next header
            sum.add16(length >>> 16).add16(length).add16(Ipv4Header.PROTOCOL_VRRP);
        }
        return sum.add(message, offset, length).finish();
    }
}
