package org.keepalive4j.vrrp.packet;

/**
 * Why a received packet was not accepted as an advert for the instance. The constant names are
 * stable: they appear in the stats dump and map to MIB counters.
 *
 * <p>Most reasons are errors (keepalived returns VRRP_PACKET_KO and counts them); a few mean
 * only that the packet is not for this instance ({@link #isError()} false): keepalived ignores
 * those without counting them as errors.
 */
public enum DropReason {
    /** Shorter than the IPv4 header, the AH header or the fixed VRRP header (vrrp_get_header). */
    TOO_SHORT(true),
    /** IPv4 header is not version 4, has IHL below 5, or carries neither VRRP nor AH. */
    BAD_IP_HEADER(true),
    /** An IPv4 packet for an IPv6 instance or the other way round. */
    BAD_ADDRESS_FAMILY(true),
    /** Another virtual router's advert: not ours, not an error. */
    VRID_MISMATCH(false),
    /** Multicast packet on a unicast instance or unicast on a multicast instance. */
    MULTICAST_UNICAST_MISMATCH(true),
    /** AH present but not configured, absent but configured, or VRRPv2 auth type differs. */
    AUTH_TYPE_MISMATCH(true),
    /** Received length differs from what the Count field and version imply (RFC 5798 section 7.1). */
    LENGTH_MISMATCH(true),
    /** Multicast IPv4 advert with TTL other than 255 (RFC 3768 and RFC 5798 section 7.1). */
    TTL_NOT_255(true),
    /** Multicast IPv6 advert with hop limit other than 255 (RFC 5798 section 7.1). */
    HOP_LIMIT_NOT_255(true),
    /** Version nibble differs from the instance's version. */
    BAD_VERSION(true),
    /** VRRPv2 auth type outside 0-2. */
    INVALID_AUTH_TYPE(true),
    /** Wrong simple password or wrong AH ICV. */
    AUTH_FAILURE(true),
    /** An AH header whose next header is not VRRP: not ours (keepalived returns VRRP_PACKET_DROP). */
    AH_NOT_VRRP(false),
    /** AH SPI is not the sender's IPv4 address; keepalived counts it as an auth failure. */
    AH_SPI_MISMATCH(true),
    /** AH sequence number not above the last one seen; keepalived counts it as an auth failure. */
    AH_REPLAY(true),
    /**
     * VRRPv2 advert interval differs from ours. keepalived drops it without counting an error
     * (VRRP_PACKET_DROP) "to prevent concurrent VRID running".
     */
    INTERVAL_MISMATCH(false),
    /** Type other than 1 (Advertisement). */
    BAD_TYPE(true),
    /** Count differs from the number of configured virtual addresses. */
    ADDRESS_COUNT_MISMATCH(true),
    /** IPv4 Total Length differs from the received length. */
    IP_LENGTH_MISMATCH(true),
    /** VRRP checksum wrong. */
    BAD_CHECKSUM(true),
    /** A configured virtual address is missing from the advert. */
    ADDRESS_LIST_MISMATCH(true),
    /** {@code check_unicast_src}: the source is not a configured unicast peer. */
    NOT_UNICAST_PEER(true),
    /** {@code check_unicast_src}: TTL/hop limit outside the peer's min_ttl..max_ttl. */
    TTL_OUT_OF_RANGE(true);

    private final boolean error;

    DropReason(boolean error) {
        this.error = error;
    }

    /** False for packets that are merely not for this instance. */
    public boolean isError() {
        return error;
    }
}
