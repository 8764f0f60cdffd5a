package org.keepalive4j.vrrp.packet;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

/** Address family of a VRRP instance and of the addresses its adverts carry. */
public enum IpFamily {
    IPV4(4),
    IPV6(16);

    private final int addressLength;

    IpFamily(int addressLength) {
        this.addressLength = addressLength;
    }

    /** Octets per address in the advert's address list. */
    public int addressLength() {
        return addressLength;
    }

    public boolean contains(InetAddress address) {
        return this == IPV4 ? address instanceof Inet4Address : address instanceof Inet6Address;
    }
}
