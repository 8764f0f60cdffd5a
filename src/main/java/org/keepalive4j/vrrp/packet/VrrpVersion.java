package org.keepalive4j.vrrp.packet;

/** VRRP protocol version, the high nibble of the first octet of every VRRP message. */
public enum VrrpVersion {
    /** RFC 3768: IPv4 only, authentication fields, advert interval in whole seconds. */
    V2(2),
    /** RFC 5798: IPv4 and IPv6, no authentication, max advert interval in centiseconds. */
    V3(3);

    private final int wireValue;

    VrrpVersion(int wireValue) {
        this.wireValue = wireValue;
    }

    public int wireValue() {
        return wireValue;
    }
}
