package org.keepalive4j.dataplane.nft;

import java.util.List;
import org.keepalive4j.dataplane.Destination;
import org.keepalive4j.dataplane.VirtualService;

/**
 * The table as the dataplane wants it: services in the order they were added, each with a number that
 * names its chains for as long as it exists, and destinations likewise. Numbers are never reused, so
 * a named counter always belongs to one destination.
 */
record NftTableState(List<Service> services) {

    NftTableState {
        services = List.copyOf(services);
    }

    record Service(int id, VirtualService config, List<Dest> destinations) {
        Service {
            destinations = List.copyOf(destinations);
        }

        String chain() {
            return "s" + id;
        }

        String countChain() {
            return chain() + "_count";
        }
    }

    record Dest(int serviceId, int id, Destination config) {
        String chain() {
            return "s" + serviceId + "d" + id;
        }

        /** Counts the destination's packets and bytes in each direction (two rule counters). */
        String countChain() {
            return chain() + "_c";
        }

        String clientSet() {
            return chain() + "_clients";
        }
    }
}
