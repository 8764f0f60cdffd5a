package org.keepalive4j.vrrp.packet;

/**
 * VRRPv2 authentication type (RFC 2338 section 5.3.6, kept by keepalived although RFC 3768
 * removed types 1 and 2). VRRPv3 has no authentication; its instances use {@link #NONE}.
 */
public enum AuthType {
    NONE(0),
    /** Clear-text password in the 8 octets after the address list. */
    SIMPLE_PASSWORD(1),
    /** IPsec AH header between the IPv4 header and the VRRP message, HMAC-MD5-96. */
    IPSEC_AH(2);

    private final int wireValue;

    AuthType(int wireValue) {
        this.wireValue = wireValue;
    }

    public int wireValue() {
        return wireValue;
    }
}
