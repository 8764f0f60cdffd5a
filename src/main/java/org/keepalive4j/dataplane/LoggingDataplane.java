package org.keepalive4j.dataplane;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * lvs_dataplane logging: programs nothing, logs every change as one
 * operator line and keeps the resulting table in memory, so the SIGUSR1 dump shows what IPVS would
 * hold. It checks the same preconditions a kernel backend would (no destination without its service)
 * and reports violations as errors, because they are engine bugs.
 *
 * <p>Threads: changes come from the check engine's owner thread, dumps from the lifecycle thread;
 * the table is guarded by this object's monitor.
 */
public class LoggingDataplane implements Dataplane {

    private static final Logger LOG = LogManager.getLogger(LoggingDataplane.class);

    private final Map<ServiceKey, Service> services = new LinkedHashMap<>(); // guarded by this

    private static final class Service {
        VirtualService config;
        final Map<DestinationKey, Destination> destinations = new LinkedHashMap<>();

        Service(VirtualService config) {
            this.config = config;
        }
    }

    @Override
    public String name() {
        return "logging";
    }

    @Override
    public synchronized void addService(VirtualService service) throws DataplaneException {
        if (services.containsKey(service.key())) {
            throw new DataplaneException("service " + service.key().describe() + " already exists");
        }
        services.put(service.key(), new Service(service));
        LOG.info("Dataplane: adding service {} ({})", service.key().describe(), describeSettings(service));
    }

    @Override
    public synchronized void updateService(VirtualService service) throws DataplaneException {
        service(service.key()).config = service;
        LOG.info("Dataplane: updating service {} ({})", service.key().describe(), describeSettings(service));
    }

    @Override
    public synchronized void removeService(ServiceKey key) throws DataplaneException {
        if (services.remove(key) == null) {
            throw new DataplaneException("no service " + key.describe());
        }
        LOG.info("Dataplane: removing service {}", key.describe());
    }

    @Override
    public synchronized void addDestination(ServiceKey service, Destination d) throws DataplaneException {
        Service s = service(service);
        if (s.destinations.putIfAbsent(d.key(), d) != null) {
            throw new DataplaneException(d.describe() + " is already in " + service.describe());
        }
        LOG.info("Dataplane: adding {} weight {} to {}", d.describe(), d.weight(), service.describe());
    }

    @Override
    public synchronized void updateDestination(ServiceKey service, Destination d) throws DataplaneException {
        Service s = service(service);
        Destination old = s.destinations.get(d.key());
        if (old == null) {
            throw new DataplaneException("no " + d.describe() + " in " + service.describe());
        }
        s.destinations.put(d.key(), d);
        LOG.info("Dataplane: weight of {} in {} {} -> {}", d.describe(), service.describe(), old.weight(), d.weight());
    }

    @Override
    public synchronized void removeDestination(ServiceKey service, DestinationKey d) throws DataplaneException {
        if (service(service).destinations.remove(d) == null) {
            throw new DataplaneException("no " + d.describe() + " in " + service.describe());
        }
        LOG.info("Dataplane: removing {} from {}", d.describe(), service.describe());
    }

    @Override
    public synchronized Map<DestinationKey, Counters> destinationCounters(ServiceKey service) {
        Service s = services.get(service);
        Map<DestinationKey, Counters> out = new LinkedHashMap<>();
        if (s != null) {
            s.destinations.keySet().forEach(k -> out.put(k, Counters.ZERO));
        }
        return out;
    }

    @Override
    public Counters counters(ServiceKey service) {
        return Counters.ZERO;
    }

    /** A copy of the destinations of a service, for tests and dumps; empty when there is no such service. */
    public synchronized Map<DestinationKey, Destination> destinations(ServiceKey service) {
        Service s = services.get(service);
        return s == null ? Map.of() : Map.copyOf(s.destinations);
    }

    public synchronized boolean hasService(ServiceKey key) {
        return services.containsKey(key);
    }

    @Override
    public synchronized void describeTable(StringBuilder out) {
        out.append(" Dataplane (").append(name()).append("): ").append(services.size()).append(" services\n");
        for (Service s : services.values()) {
            out.append("  Service ").append(s.config.key().describe()).append(' ')
                    .append(describeSettings(s.config)).append('\n');
            for (Destination d : s.destinations.values()) {
                out.append("   Destination ").append(d.describe()).append(" weight ").append(d.weight())
                        .append(' ').append(d.forwarding() == null ? "-" : d.forwarding().kind()).append('\n');
            }
        }
    }

    private Service service(ServiceKey key) throws DataplaneException {
        Service s = services.get(key);
        if (s == null) {
            throw new DataplaneException("no service " + key.describe());
        }
        return s;
    }

    private static String describeSettings(VirtualService s) {
        StringBuilder b = new StringBuilder(s.scheduler() == null ? "wlc" : s.scheduler().kernelName());
        if (s.persistenceTimeout() != null) {
            b.append(" persistent ").append(s.persistenceTimeout()).append(" s");
        }
        if (s.onePacketScheduling()) {
            b.append(" ops");
        }
        return b.toString();
    }
}
