package org.keepalive4j.dataplane.nft;

import java.net.Inet6Address;
import java.net.InetAddress;
import org.keepalive4j.config.model.ForwardingMethod;
import org.keepalive4j.config.model.IpFamily;
import org.keepalive4j.config.model.LvsScheduler;
import org.keepalive4j.dataplane.DataplaneException;
import org.keepalive4j.dataplane.Destination;
import org.keepalive4j.dataplane.ServiceKey;
import org.keepalive4j.dataplane.VirtualService;

/**
 * What the nftables backend can program, checked before anything reaches the kernel. nftables picks a
 * destination per new connection without knowing how many connections each destination holds, so only
 * the stateless schedulers exist here; everything else is refused with a message that names the way out.
 */
final class NftSupport {

    private NftSupport() {
    }

    static void checkService(VirtualService s) throws DataplaneException {
        String what = "service " + s.key().describe();
        LvsScheduler sched = s.scheduler() == null ? LvsScheduler.DEFAULT : s.scheduler();
        if (!LvsScheduler.NFTABLES_CAPABLE.contains(sched)) {
            throw new DataplaneException(what + ": scheduler " + sched.kernelName()
                    + (s.scheduler() == null ? " (the default when lb_algo is not set)" : "")
                    + " needs per-destination connection counts, which the nftables dataplane does not keep;"
                    + " use rr, wrr, sh or dh, or the IPVS dataplane");
        }
        if (!s.schedulerFlags().isEmpty()) {
            throw new DataplaneException(what + ": scheduler flags " + s.schedulerFlags()
                    + " are not supported by the nftables dataplane");
        }
        if (s.onePacketScheduling()) {
            throw new DataplaneException(what + ": one-packet scheduling (ops) is not supported by the nftables"
                    + " dataplane; use the IPVS dataplane");
        }
        if (s.persistenceGranularity() != null && !isHostMask(s.persistenceGranularity())) {
            throw new DataplaneException(what + ": persistence_granularity " + s.persistenceGranularity()
                    + " is not supported by the nftables dataplane (persistence is per client address)");
        }
        if (s.persistenceTimeout() != null && s.persistenceTimeout() <= 0) {
            throw new DataplaneException(what + ": persistence_timeout must be positive, not "
                    + s.persistenceTimeout());
        }
    }

    static void checkDestination(ServiceKey service, Destination d) throws DataplaneException {
        String what = d.describe() + " in " + service.describe();
        ForwardingMethod.Kind kind = d.forwarding() == null ? ForwardingMethod.Kind.NAT : d.forwarding().kind();
        if (kind != ForwardingMethod.Kind.NAT) {
            throw new DataplaneException(what + ": lb_kind " + kind + " is not supported by the nftables dataplane"
                    + " (only NAT for now); use lb_kind NAT or the IPVS dataplane");
        }
        if (d.weight() < 0) {
            throw new DataplaneException(what + ": weight must not be negative, not " + d.weight());
        }
        if (d.port() < 0 || d.port() > 65535) {
            throw new DataplaneException(what + ": port out of range");
        }
        if (d.uthreshold() > 0 || d.lthreshold() > 0) {
            throw new DataplaneException(what + ": uthreshold/lthreshold need connection counts, which the nftables"
                    + " dataplane does not keep; use the IPVS dataplane");
        }
        if (isIpv6(service) != (d.address() instanceof Inet6Address)) {
            throw new DataplaneException(what + ": NAT cannot forward between IPv4 and IPv6");
        }
    }

    static boolean isIpv6(ServiceKey key) {
        if (key instanceof ServiceKey.Address) {
            InetAddress a = ((ServiceKey.Address) key).address();
            return a instanceof Inet6Address;
        }
        return ((ServiceKey.Fwmark) key).family() == IpFamily.INET6;
    }

    private static boolean isHostMask(String granularity) {
        return granularity.equals("255.255.255.255") || granularity.equals("32") || granularity.equals("128");
    }
}
