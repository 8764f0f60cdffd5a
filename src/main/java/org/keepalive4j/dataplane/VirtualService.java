package org.keepalive4j.dataplane;

import java.util.Set;
import org.keepalive4j.config.model.LvsScheduler;

/**
 * The service-level settings a backend programs (IPVS: IP_VS_CMD_NEW_SERVICE; nftables: the
 * service's map and its scheduling expression).
 *
 * @param persistenceTimeout     seconds; null when the service is not persistent
 * @param persistenceGranularity an IPv4 netmask or IPv6 prefix length as written; null when unset
 * @param schedulerFlags         flag-1, sh-port, ... as configured
 */
public record VirtualService(ServiceKey key, LvsScheduler scheduler, Set<String> schedulerFlags,
                             boolean onePacketScheduling, Integer persistenceTimeout,
                             String persistenceGranularity) {

    public VirtualService {
        schedulerFlags = Set.copyOf(schedulerFlags);
    }
}
