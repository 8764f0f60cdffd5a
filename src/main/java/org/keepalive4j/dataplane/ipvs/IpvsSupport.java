package org.keepalive4j.dataplane.ipvs;

import org.keepalive4j.config.model.ForwardingMethod;
import org.keepalive4j.dataplane.DataplaneException;
import org.keepalive4j.dataplane.Destination;
import org.keepalive4j.dataplane.ServiceKey;
import org.keepalive4j.dataplane.VirtualService;

/**
 * What IPVS refuses, checked before a request reaches the kernel so the error names the setting instead
 * of an errno. Schedulers are not checked here: the kernel loads ip_vs_NAME on demand and says ENOENT when
 * it has none, which {@link IpvsDataplane} turns into a message naming the module.
 */
final class IpvsSupport {

    private IpvsSupport() {
    }

    static void checkService(VirtualService s) throws DataplaneException {
        if (s.persistenceTimeout() != null && s.persistenceTimeout() <= 0) {
            throw new DataplaneException("service " + s.key().describe() + ": persistence_timeout must be positive, not "
                    + s.persistenceTimeout());
        }
        if (s.persistenceGranularity() != null && IpvsCodec.isIpv6(s.key()) != !s.persistenceGranularity().contains(".")) {
            throw new DataplaneException("service " + s.key().describe() + ": persistence_granularity "
                    + s.persistenceGranularity() + " is not of the service's address family");
        }
    }

    static void checkDestination(ServiceKey service, Destination d) throws DataplaneException {
        String what = d.describe() + " in " + service.describe();
        if (d.weight() < 0) {
            throw new DataplaneException(what + ": weight must not be negative, not " + d.weight());
        }
        if (d.lthreshold() > 0 && d.uthreshold() > 0 && d.lthreshold() > d.uthreshold()) {
            throw new DataplaneException(what + ": lthreshold " + d.lthreshold() + " is above uthreshold "
                    + d.uthreshold());
        }
        boolean tunnel = d.forwarding() != null && d.forwarding().kind() == ForwardingMethod.Kind.TUN;
        if (IpvsDataplane.familyMismatch(service, d) && !tunnel) {
            throw new DataplaneException(what + ": IPVS forwards between IPv4 and IPv6 only with lb_kind TUN");
        }
    }
}
