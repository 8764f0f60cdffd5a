package org.keepalive4j.vrrp.packet;

import java.net.InetAddress;
import java.util.Objects;

/**
 * A configured {@code unicast_peer} with keepalived's optional {@code min_ttl}/{@code max_ttl}
 * (defaults 0 and 255): adverts from it must arrive with a TTL/hop limit in that range.
 */
public record UnicastPeer(InetAddress address, int minTtl, int maxTtl) {

    public UnicastPeer {
        Objects.requireNonNull(address, "address");
        if (minTtl < 0 || maxTtl > 255 || minTtl > maxTtl) {
            throw new IllegalArgumentException("need 0 <= minTtl <= maxTtl <= 255: " + minTtl + ", " + maxTtl);
        }
    }

    public static UnicastPeer of(InetAddress address) {
        return new UnicastPeer(address, 0, 255);
    }
}
