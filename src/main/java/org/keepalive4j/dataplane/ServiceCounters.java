package org.keepalive4j.dataplane;

import java.util.Map;

/** One reading of a service's counters and of each of its destinations' (see {@link Dataplane#readCounters}). */
public record ServiceCounters(Counters service, Map<DestinationKey, Counters> destinations) {

    public ServiceCounters {
        destinations = Map.copyOf(destinations);
    }
}
