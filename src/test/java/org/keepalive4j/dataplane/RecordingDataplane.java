package org.keepalive4j.dataplane;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@link LoggingDataplane} that also records each change as one short line ("add 10.0.0.2:80 w1 to
 * 10.0.0.100:80/TCP"), so tests can assert on the order of decisions as well as on the final table.
 */
public class RecordingDataplane extends LoggingDataplane {

    private final List<String> changes = new ArrayList<>();
    private volatile boolean keepsTable;

    /** Acts as a backend opened with -I. */
    public void keepTableOnClose(boolean keep) {
        keepsTable = keep;
    }

    @Override
    public boolean keepsTableOnClose() {
        return keepsTable;
    }

    @Override
    public String name() {
        return "recording";
    }

    @Override
    public synchronized void addService(VirtualService service) throws DataplaneException {
        super.addService(service);
        changes.add("add service " + service.key().describe());
    }

    @Override
    public synchronized void updateService(VirtualService service) throws DataplaneException {
        super.updateService(service);
        changes.add("update service " + service.key().describe());
    }

    @Override
    public synchronized void removeService(ServiceKey key) throws DataplaneException {
        super.removeService(key);
        changes.add("remove service " + key.describe());
    }

    @Override
    public synchronized void addDestination(ServiceKey service, Destination d) throws DataplaneException {
        super.addDestination(service, d);
        changes.add("add " + d.describe() + " w" + d.weight() + " to " + service.describe());
    }

    @Override
    public synchronized void updateDestination(ServiceKey service, Destination d) throws DataplaneException {
        super.updateDestination(service, d);
        changes.add("weight " + d.describe() + " w" + d.weight() + " in " + service.describe());
    }

    @Override
    public synchronized void removeDestination(ServiceKey service, DestinationKey d) throws DataplaneException {
        super.removeDestination(service, d);
        changes.add("remove " + d.describe() + " from " + service.describe());
    }

    /** Everything recorded so far, and forgets it. */
    public synchronized List<String> drain() {
        List<String> out = List.copyOf(changes);
        changes.clear();
        return out;
    }

    /** "10.0.0.2:80=w1 10.0.0.3:80=w0" for one service, in insertion order. */
    public synchronized String table(ServiceKey service) {
        StringBuilder b = new StringBuilder();
        destinations(service).values().stream().sorted(java.util.Comparator.comparing(Destination::describe))
                .forEach(d -> b.append(b.length() == 0 ? "" : " ").append(d.describe()).append("=w").append(d.weight()));
        return b.toString();
    }
}
