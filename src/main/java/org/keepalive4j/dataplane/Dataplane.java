package org.keepalive4j.dataplane;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The load-balancing table the check engine drives: virtual services and their destinations (real
 * servers, sorry servers) with weights. Backends: IPVS over generic netlink ({@code dataplane.ipvs}),
 * nftables ({@code dataplane.nft}) and {@link LoggingDataplane}, which programs nothing; {@link Dataplanes}
 * opens the one lvs_dataplane names.
 *
 * <p>Contract: the check engine's owner thread makes every change, one at a time, and only in a
 * consistent order (a service exists before its destinations; a destination is added once, then
 * updated or removed). Adding a destination that is already present, or removing one that is absent,
 * is the backend's to tolerate (after a restart the kernel may still hold yesterday's table).
 * {@link #counters} and {@link #describeTable} may be called from other threads.
 */
public interface Dataplane extends AutoCloseable {

    /** Short name for log lines and dumps, e.g. "IPVS", "logging". */
    String name();

    void addService(VirtualService service) throws DataplaneException;

    /** Scheduler, persistence or flags changed (reload); the destinations stay. */
    void updateService(VirtualService service) throws DataplaneException;

    /** Removes the service and every destination under it. */
    void removeService(ServiceKey key) throws DataplaneException;

    void addDestination(ServiceKey service, Destination destination) throws DataplaneException;

    /** Weight, forwarding or thresholds changed. */
    void updateDestination(ServiceKey service, Destination destination) throws DataplaneException;

    void removeDestination(ServiceKey service, DestinationKey destination) throws DataplaneException;

    /** A group of changes, as {@link #batch} runs them. */
    interface Changes {
        void run() throws DataplaneException;
    }

    /**
     * Runs {@code changes} (calls of this dataplane's methods, on the owner thread) so that the backend
     * may commit them together: nftables makes one transaction of them instead of one per call, which
     * is what makes starting with thousands of destinations take seconds instead of minutes. Each call
     * still validates its arguments and throws as usual; a kernel refusal of the whole is handled by the
     * backend (nftables then applies the calls one by one, logging each refusal). Default: as they come.
     */
    default void batch(Changes changes) throws DataplaneException {
        changes.run();
    }

    /** The service's own counters and those of each destination; empty when the backend counts nothing. */
    Map<DestinationKey, Counters> destinationCounters(ServiceKey service);

    Counters counters(ServiceKey service);

    /**
     * The counters of every listed service and its destinations, read together: a backend that can
     * dump all its counters at once (nftables lists every named counter in one go) overrides this, so
     * refreshing the MIB's statistics costs one kernel read, not one per service. Services the backend
     * does not hold are left out.
     */
    default Map<ServiceKey, ServiceCounters> readCounters(Collection<ServiceKey> services) {
        Map<ServiceKey, ServiceCounters> out = new LinkedHashMap<>();
        for (ServiceKey s : services) {
            out.put(s, new ServiceCounters(counters(s), destinationCounters(s)));
        }
        return out;
    }

    /**
     * Whether the rate fields of {@link Counters} come from the backend (IPVS's own estimator). When
     * not, they are 0 and the check engine computes rates from successive readings of the totals.
     */
    default boolean reportsRates() {
        return false;
    }

    /** The table as the backend holds it now, one line per service and per destination (SIGUSR1). */
    void describeTable(StringBuilder out);

    /**
     * -I / --dont-release-ipvs: the table stays in the kernel when the daemon stops, so traffic keeps
     * flowing while it restarts; the check engine then leaves the table alone at shutdown.
     */
    default boolean keepsTableOnClose() {
        return false;
    }

    @Override
    default void close() {
    }
}
