package org.keepalive4j.config.model;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import org.keepalive4j.config.SourceLocation;

/**
 * A vrrp_instance block, with every default already applied (keepalived's: priority 100, advert_int
 * 1 s, initial state BACKUP, preempt on, garp timings from global_defs, version from vrrp_version and
 * 3 for IPv6).
 *
 * @param interfaceName null only in unicast mode without an interface
 * @param version       2 or 3, resolved
 * @param accept        null: the protocol default (accept unless strict mode)
 * @param strictMode    null: the global vrrp_strict
 * @param lowerPrioNoAdvert    a master does not answer a lower priority advert with one of its own;
 *                             instance, else global_defs, else on in strict mode (keepalived's rule)
 * @param higherPrioSendAdvert a master answers a higher priority advert once before yielding
 */
public record VrrpInstance(
        String name,
        InitialState initialState,
        String interfaceName,
        int virtualRouterId,
        int priority,
        Duration advertInterval,
        int version,
        boolean ipv6,
        Authentication authentication,
        List<VirtualAddress> virtualAddresses,
        List<VirtualAddress> excludedAddresses,
        List<RouteSpec> virtualRoutes,
        List<RuleSpec> virtualRules,
        List<TrackedInterface> trackInterfaces,
        List<TrackedScript> trackScripts,
        InetAddress mcastSrcIp,
        InetAddress unicastSrcIp,
        List<UnicastPeer> unicastPeers,
        InetAddress mcastDstIp,
        boolean nopreempt,
        Duration preemptDelay,
        boolean dontTrackPrimary,
        String useVmac,
        boolean vmacXmitBase,
        Duration garpMasterDelay,
        int garpMasterRepeat,
        Duration garpMasterRefresh,
        int garpMasterRefreshRepeat,
        Duration garpLowerPrioDelay,
        int garpLowerPrioRepeat,
        int downTimerAdverts,
        Boolean accept,
        Boolean strictMode,
        boolean skipCheckAdvAddr,
        boolean checkUnicastSrc,
        boolean promoteSecondaries,
        boolean oldUnicastChecksum,
        boolean lowerPrioNoAdvert,
        boolean higherPrioSendAdvert,
        boolean smtpAlert,
        NotifyScripts notifyScripts,
        String lvsSyncDaemonInterface,
        SourceLocation location) {

    public enum InitialState { MASTER, BACKUP }

    public VrrpInstance {
        virtualAddresses = List.copyOf(virtualAddresses);
        excludedAddresses = List.copyOf(excludedAddresses);
        virtualRoutes = List.copyOf(virtualRoutes);
        virtualRules = List.copyOf(virtualRules);
        trackInterfaces = List.copyOf(trackInterfaces);
        trackScripts = List.copyOf(trackScripts);
        unicastPeers = List.copyOf(unicastPeers);
    }

    public boolean isUnicast() {
        return !unicastPeers.isEmpty();
    }

    /** Priority 255 is reserved for the owner of the virtual addresses (RFC 5798 §6.1). */
    public boolean isAddressOwner() {
        return priority == 255;
    }
}
