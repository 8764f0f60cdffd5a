package org.keepalive4j.vrrp.packet;

/** Which checksum computation a received advert's checksum matched. */
public enum ChecksumForm {
    /** VRRPv2 (and {@code v3_checksum_as_v2}): the VRRP message alone. */
    NO_PSEUDO_HEADER,
    /** RFC 5798: IPv4 or IPv6 pseudo-header with the packet's source and destination. */
    PSEUDO_HEADER,
    /** keepalived 1.3.6 and earlier unicast VRRPv3: pseudo-header destination is the multicast group. */
    PSEUDO_HEADER_MULTICAST_GROUP
}
