package org.keepalive4j.linux;

import java.net.Inet4Address;
import java.net.InetAddress;

/** IPv4 or IPv6, with the kernel's address family number. */
public enum IpFamily {
    IPV4(Sockets.AF_INET, 4),
    IPV6(Sockets.AF_INET6, 16);

    private final int addressFamily;
    private final int addressLength;

    IpFamily(int addressFamily, int addressLength) {
        this.addressFamily = addressFamily;
        this.addressLength = addressLength;
    }

    /** AF_INET or AF_INET6. */
    public int addressFamily() {
        return addressFamily;
    }

    public int addressLength() {
        return addressLength;
    }

    public static IpFamily of(InetAddress address) {
        return address instanceof Inet4Address ? IPV4 : IPV6;
    }

    static IpFamily ofAddressFamily(int af) {
        for (IpFamily f : values()) {
            if (f.addressFamily == af) {
                return f;
            }
        }
        throw new IllegalArgumentException("not an IP address family: " + af);
    }
}
