package org.keepalive4j.dataplane;

import java.net.InetAddress;
import org.keepalive4j.config.model.ForwardingMethod;

/**
 * A real server as a backend programs it under a service.
 *
 * @param port        0 for a fwmark service without a port
 * @param weight      0 keeps the server in the table without new connections (inhibit, drain)
 * @param uthreshold  0: no upper connection limit
 * @param lthreshold  0: unset
 */
public record Destination(InetAddress address, int port, ForwardingMethod forwarding, int weight,
                          long uthreshold, long lthreshold) {

    public DestinationKey key() {
        return new DestinationKey(address, port);
    }

    public Destination withWeight(int newWeight) {
        return new Destination(address, port, forwarding, newWeight, uthreshold, lthreshold);
    }

    public String describe() {
        return ServiceKey.Endpoints.format(address, port);
    }
}
