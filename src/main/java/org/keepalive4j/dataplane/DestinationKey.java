package org.keepalive4j.dataplane;

import java.net.InetAddress;

/** A destination's identity within its service. */
public record DestinationKey(InetAddress address, int port) {

    public String describe() {
        return ServiceKey.Endpoints.format(address, port);
    }
}
