package org.keepalive4j.vrrp.packet;

/**
 * How a VRRPv3 instance over IPv4 computes and accepts the VRRP checksum. IPv6 always uses the
 * RFC 5798 section 5.2.8 pseudo-header; VRRPv2 never uses one (RFC 3768 section 5.3.8).
 */
public enum V3ChecksumMode {
    /**
     * keepalived's default (CHKSUM_COMPATIBILITY_NONE in vrrp.h): IPv4 pseudo-header with the
     * packet's real destination. A unicast instance also accepts the pre-1.3.6 form (see
     * {@link #OLD_UNICAST}) and the decoder reports it as
     * {@link ChecksumForm#PSEUDO_HEADER_MULTICAST_GROUP}, upon which keepalived switches the
     * instance to sending the old form too (CHKSUM_COMPATIBILITY_AUTO).
     */
    PSEUDO_HEADER,
    /** {@code old_unicast_checksum never}: pseudo-header with the real destination, nothing else accepted. */
    PSEUDO_HEADER_STRICT,
    /**
     * {@code old_unicast_checksum}: keepalived 1.3.6 and earlier put the multicast group
     * (224.0.0.18 unless {@code vrrp_mcast_group4} says otherwise) in the pseudo-header even
     * when sending unicast. Sent and accepted in that form only.
     */
    OLD_UNICAST,
    /**
     * {@code v3_checksum_as_v2} (keepalived 2.2.8 and later, not in 2.2.7): no pseudo-header, the
     * VRRPv2 way, as RFC 9568 asks. On receipt either form is accepted so that peers on either
     * setting interoperate; keepalived itself skips the check altogether in this mode, we still
     * reject a checksum that matches neither.
     */
    WITHOUT_PSEUDO_HEADER
}
