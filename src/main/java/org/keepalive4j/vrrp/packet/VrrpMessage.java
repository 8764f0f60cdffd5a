package org.keepalive4j.vrrp.packet;

/**
 * Field offsets of the VRRP message (RFC 3768 section 5.1, RFC 5798 section 5.1) and its length
 * rule. VRRPv2 and v3 share the first four octets, the checksum position and the address list.
 */
final class VrrpMessage {

    static final int HEADER_LENGTH = 8;
    static final int VERSION_TYPE = 0;
    static final int VRID = 1;
    static final int PRIORITY = 2;
    static final int COUNT = 3;
    static final int V2_AUTH_TYPE = 4;
    static final int V2_INTERVAL = 5;
    static final int V3_INTERVAL = 4;
    static final int CHECKSUM = 6;
    static final int ADDRESSES = 8;

    static final int TYPE_ADVERTISEMENT = 1;
    /** VRRPv3 Max Adver Int is the low 12 bits; the top 4 are reserved (RFC 5798 section 5.2.6). */
    static final int V3_INTERVAL_MASK = 0x0FFF;

    private VrrpMessage() {
    }

    /**
     * Length of a message with {@code count} addresses, decided as keepalived's
     * expected_vrrp_pkt_len does: the version nibble as received and the instance's family;
     * only VRRPv2 over IPv4 carries the 8 authentication octets.
     */
    static int length(int versionNibble, IpFamily family, int count) {
        int length = HEADER_LENGTH + count * family.addressLength();
        if (family == IpFamily.IPV4 && versionNibble == VrrpVersion.V2.wireValue()) {
            length += Authentication.KEY_LENGTH;
        }
        return length;
    }
}
