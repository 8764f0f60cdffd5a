package org.keepalive4j.dataplane.nft;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.keepalive4j.config.model.LvsScheduler;
import org.keepalive4j.dataplane.Counters;
import org.keepalive4j.dataplane.Dataplane;
import org.keepalive4j.dataplane.DataplaneException;
import org.keepalive4j.dataplane.Destination;
import org.keepalive4j.dataplane.DestinationKey;
import org.keepalive4j.dataplane.ServiceCounters;
import org.keepalive4j.dataplane.ServiceKey;
import org.keepalive4j.dataplane.VirtualService;

/**
 * The load balancer in nftables, for kernels without IPVS: table {@code inet keepalive4j}, NAT only,
 * schedulers rr, wrr, sh and dh (see {@link NftRuleset} for the layout). Every change is one atomic
 * transaction computed from the whole wanted table, so the kernel never holds a half-made service.
 *
 * <p>Counters per destination: conns = new connections scheduled to it; in = packets and bytes client
 * to server, out = server to client, both counted in the forward hook. Rates and connection gauges
 * are 0 (nftables keeps no per-destination connection table). A service's counters are the sum of its
 * present destinations'.
 *
 * <p>Acts in the network namespace of the thread that created it (libnftables' socket) or calls it
 * (the nft program); the daemon runs in one namespace, so that is the process's.
 *
 * <p>Threads: changes come from the check engine's owner thread, reads from others; the monitor of
 * this object guards the state and the runner.
 */
public final class NftablesDataplane implements Dataplane {

    private static final Logger LOG = LogManager.getLogger(NftablesDataplane.class);

    private final NftRunner runner;
    private final boolean keepTableOnClose;
    private final boolean unsetSchedulerIsWrr;
    private final java.util.Set<ServiceKey> warnedWrr = new java.util.HashSet<>(); // guarded by this
    private final Map<ServiceKey, NftTableState.Service> services = new LinkedHashMap<>(); // guarded by this
    private NftRuleset.Installed installed = NftRuleset.Installed.EMPTY; // guarded by this
    private int lastId; // guarded by this; service and destination numbers, never reused
    private long lastApplyNanos; // guarded by this
    private boolean closed; // guarded by this
    /** While {@link #batch} runs: the calls made, to replay one by one should the kernel refuse them together. */
    private List<Changes> batched; // guarded by this

    /**
     * Opens the dataplane with libnftables when it loads, else with the nft program, and removes a
     * table a crashed predecessor left.
     */
    public static NftablesDataplane open(boolean keepTableOnClose) throws DataplaneException {
        return open(keepTableOnClose, false);
    }

    /**
     * @param unsetSchedulerIsWrr a service without lb_algo gets wrr (lvs_dataplane auto without IPVS) instead
     *                            of being refused for IPVS's default wlc
     */
    public static NftablesDataplane open(boolean keepTableOnClose, boolean unsetSchedulerIsWrr)
            throws DataplaneException {
        NftRunner runner;
        try {
            runner = new LibNftables();
        } catch (DataplaneException e) {
            LOG.warn("Dataplane nftables: {}; using the nft program", e.getMessage());
            runner = new NftCommand();
        }
        try {
            return new NftablesDataplane(runner, keepTableOnClose, unsetSchedulerIsWrr);
        } catch (DataplaneException | RuntimeException e) {
            runner.close();
            throw e;
        }
    }

    /**
     * @param keepTableOnClose leave the table in the kernel on close (keepalived's -I / --no-ipvs-cleanup
     *                         idea: traffic keeps flowing while the daemon restarts)
     */
    public NftablesDataplane(NftRunner runner, boolean keepTableOnClose) throws DataplaneException {
        this(runner, keepTableOnClose, false);
    }

    public NftablesDataplane(NftRunner runner, boolean keepTableOnClose, boolean unsetSchedulerIsWrr)
            throws DataplaneException {
        this.runner = runner;
        this.keepTableOnClose = keepTableOnClose;
        this.unsetSchedulerIsWrr = unsetSchedulerIsWrr;
        String tables = runner.run("list tables\n");
        if (tables.contains("table " + NftRuleset.FAMILY + " " + NftRuleset.TABLE)) {
            LOG.warn("Dataplane nftables: removing stale table {} {} left by an earlier run", NftRuleset.FAMILY,
                    NftRuleset.TABLE);
        }
        runner.run(NftRuleset.deleteTableScript());
        apply(Map.of());
        LOG.info("Dataplane nftables: table {} {} created (via {})", NftRuleset.FAMILY, NftRuleset.TABLE,
                runner.name());
    }

    @Override
    public boolean keepsTableOnClose() {
        return keepTableOnClose;
    }

    @Override
    public String name() {
        return "nftables";
    }

    @Override
    public synchronized void addService(VirtualService requested) throws DataplaneException {
        record(() -> addService(requested));
        VirtualService service = withScheduler(requested);
        NftSupport.checkService(service);
        Map<ServiceKey, NftTableState.Service> next = new LinkedHashMap<>(services);
        NftTableState.Service old = services.get(service.key());
        if (old != null) {
            LOG.warn("Dataplane nftables: service {} is already present; updating it", service.key().describe());
            next.put(service.key(), new NftTableState.Service(old.id(), service, old.destinations()));
        } else {
            next.put(service.key(), new NftTableState.Service(++lastId, service, List.of()));
        }
        apply(next);
        LOG.info("Dataplane nftables: added service {} ({})", service.key().describe(), settings(service));
    }

    @Override
    public synchronized void updateService(VirtualService requested) throws DataplaneException {
        record(() -> updateService(requested));
        VirtualService service = withScheduler(requested);
        NftSupport.checkService(service);
        NftTableState.Service old = service(service.key());
        Map<ServiceKey, NftTableState.Service> next = new LinkedHashMap<>(services);
        next.put(service.key(), new NftTableState.Service(old.id(), service, old.destinations()));
        apply(next);
        LOG.info("Dataplane nftables: updated service {} ({})", service.key().describe(), settings(service));
    }

    @Override
    public synchronized void removeService(ServiceKey key) throws DataplaneException {
        record(() -> removeService(key));
        if (!services.containsKey(key)) {
            LOG.warn("Dataplane nftables: service {} to remove is not present", key.describe());
            return;
        }
        Map<ServiceKey, NftTableState.Service> next = new LinkedHashMap<>(services);
        next.remove(key);
        apply(next);
        LOG.info("Dataplane nftables: removed service {}", key.describe());
    }

    @Override
    public synchronized void addDestination(ServiceKey service, Destination d) throws DataplaneException {
        record(() -> addDestination(service, d));
        NftSupport.checkDestination(service, d);
        NftTableState.Service s = service(service);
        List<NftTableState.Dest> dests = new ArrayList<>(s.destinations());
        int at = indexOf(dests, d.key());
        if (at >= 0) {
            LOG.warn("Dataplane nftables: {} is already in {}; updating it", d.describe(), service.describe());
            dests.set(at, new NftTableState.Dest(s.id(), dests.get(at).id(), d));
        } else {
            dests.add(new NftTableState.Dest(s.id(), ++lastId, d));
        }
        applyDestinations(s, dests);
        LOG.info("Dataplane nftables: added {} weight {} to {}", d.describe(), d.weight(), service.describe());
    }

    @Override
    public synchronized void updateDestination(ServiceKey service, Destination d) throws DataplaneException {
        record(() -> updateDestination(service, d));
        NftSupport.checkDestination(service, d);
        NftTableState.Service s = service(service);
        List<NftTableState.Dest> dests = new ArrayList<>(s.destinations());
        int at = indexOf(dests, d.key());
        if (at < 0) {
            throw new DataplaneException("no " + d.describe() + " in " + service.describe());
        }
        int oldWeight = dests.get(at).config().weight();
        dests.set(at, new NftTableState.Dest(s.id(), dests.get(at).id(), d));
        applyDestinations(s, dests);
        LOG.info("Dataplane nftables: weight of {} in {} {} -> {}", d.describe(), service.describe(), oldWeight,
                d.weight());
    }

    @Override
    public synchronized void removeDestination(ServiceKey service, DestinationKey d) throws DataplaneException {
        record(() -> removeDestination(service, d));
        NftTableState.Service s = service(service);
        List<NftTableState.Dest> dests = new ArrayList<>(s.destinations());
        int at = indexOf(dests, d);
        if (at < 0) {
            LOG.warn("Dataplane nftables: {} to remove is not in {}", d.describe(), service.describe());
            return;
        }
        dests.remove(at);
        applyDestinations(s, dests);
        LOG.info("Dataplane nftables: removed {} from {}", d.describe(), service.describe());
    }

    /**
     * One transaction for every change {@code changes} makes. Should the kernel refuse it, the table
     * stays as it was before the batch and the changes are applied one by one, each refusal logged
     * on its own, as if they had come without a batch.
     */
    @Override
    public synchronized void batch(Changes changes) throws DataplaneException {
        if (batched != null) {
            changes.run(); // nested: part of the outer batch
            return;
        }
        Map<ServiceKey, NftTableState.Service> before = new LinkedHashMap<>(services);
        int idBefore = lastId;
        batched = new ArrayList<>();
        List<Changes> calls;
        try {
            changes.run();
        } finally {
            calls = batched;
            batched = null;
            commitBatch(before, idBefore, calls);
        }
    }

    private void commitBatch(Map<ServiceKey, NftTableState.Service> before, int idBefore, List<Changes> calls)
            throws DataplaneException {
        if (calls.isEmpty()) {
            return;
        }
        Map<ServiceKey, NftTableState.Service> wanted = new LinkedHashMap<>(services);
        services.clear();
        services.putAll(before);
        try {
            apply(wanted);
            LOG.info("Dataplane nftables: {} changes committed in one transaction ({} ms)", calls.size(),
                    lastApplyNanos / 1_000_000);
        } catch (DataplaneException e) {
            LOG.warn("Dataplane nftables: {} changes refused together ({}); applying them one by one", calls.size(),
                    e.getMessage());
            lastId = idBefore;
            for (Changes c : calls) {
                try {
                    c.run();
                } catch (DataplaneException one) {
                    LOG.error("Dataplane nftables: refused: {}", one.getMessage());
                }
            }
        }
    }

    private void record(Changes call) {
        if (batched != null) {
            batched.add(call);
        }
    }

    @Override
    public synchronized Map<DestinationKey, Counters> destinationCounters(ServiceKey service) {
        Map<DestinationKey, Counters> out = new LinkedHashMap<>();
        NftTableState.Service s = services.get(service);
        if (s == null) {
            return out;
        }
        NftCounterValues values = readCounters();
        for (NftTableState.Dest d : s.destinations()) {
            out.put(d.config().key(), counters(values, d));
        }
        return out;
    }

    @Override
    public synchronized Counters counters(ServiceKey service) {
        return destinationCounters(service).values().stream().reduce(Counters.ZERO, Counters::plus);
    }

    /** One listing of all named counters for every service asked for. */
    @Override
    public synchronized Map<ServiceKey, ServiceCounters> readCounters(Collection<ServiceKey> keys) {
        Map<ServiceKey, ServiceCounters> out = new LinkedHashMap<>();
        if (keys.stream().noneMatch(services::containsKey)) {
            return out;
        }
        NftCounterValues values = readCounters();
        for (ServiceKey key : keys) {
            NftTableState.Service s = services.get(key);
            if (s == null) {
                continue;
            }
            Map<DestinationKey, Counters> dests = new LinkedHashMap<>();
            Counters total = Counters.ZERO;
            for (NftTableState.Dest d : s.destinations()) {
                Counters c = counters(values, d);
                dests.put(d.config().key(), c);
                total = total.plus(c);
            }
            out.put(key, new ServiceCounters(total, dests));
        }
        return out;
    }

    /** How long the last transaction took to commit, in nanoseconds (for the daemon's dump and measurements). */
    public synchronized long lastApplyNanos() {
        return lastApplyNanos;
    }

    /** The runner's name: "libnftables" or "nft". */
    public String runnerName() {
        return runner.name();
    }

    @Override
    public synchronized void describeTable(StringBuilder out) {
        out.append(" Dataplane (nftables, table ").append(NftRuleset.FAMILY).append(' ').append(NftRuleset.TABLE)
                .append(" via ").append(runner.name()).append("): ").append(services.size()).append(" services\n");
        NftCounterValues values = readCounters();
        for (NftTableState.Service s : services.values()) {
            out.append("  Service ").append(s.config().key().describe()).append(' ').append(settings(s.config()))
                    .append(" (chain ").append(s.chain()).append(")\n");
            for (NftTableState.Dest d : s.destinations()) {
                Counters c = counters(values, d);
                out.append("   Destination ").append(d.config().describe()).append(" weight ")
                        .append(d.config().weight()).append(" NAT: ").append(c.conns()).append(" connections, in ")
                        .append(c.inPackets()).append(" packets ").append(c.inBytes()).append(" bytes, out ")
                        .append(c.outPackets()).append(" packets ").append(c.outBytes()).append(" bytes\n");
            }
        }
    }

    /** Removes the table unless told to keep it, and releases the runner. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (keepTableOnClose) {
                LOG.info("Dataplane nftables: leaving table {} {} in place", NftRuleset.FAMILY, NftRuleset.TABLE);
            } else {
                runner.run(NftRuleset.deleteTableScript());
                LOG.info("Dataplane nftables: removed table {} {}", NftRuleset.FAMILY, NftRuleset.TABLE);
            }
        } catch (DataplaneException e) {
            LOG.error("Dataplane nftables: cannot remove table {} {}: {}", NftRuleset.FAMILY, NftRuleset.TABLE,
                    e.getMessage());
        } finally {
            runner.close();
        }
    }

    private void applyDestinations(NftTableState.Service s, List<NftTableState.Dest> dests)
            throws DataplaneException {
        Map<ServiceKey, NftTableState.Service> next = new LinkedHashMap<>(services);
        next.put(s.config().key(), new NftTableState.Service(s.id(), s.config(), dests));
        apply(next);
    }

    /** Commits the wanted table; on failure the kernel and this object keep the previous one. */
    private void apply(Map<ServiceKey, NftTableState.Service> next) throws DataplaneException {
        if (closed) {
            throw new DataplaneException("the nftables dataplane is closed");
        }
        if (batched != null) {
            // committed at the end of the batch; each call's arguments were checked already
            services.clear();
            services.putAll(next);
            return;
        }
        NftRuleset.Transaction tx = NftRuleset.build(new NftTableState(List.copyOf(next.values())), installed);
        long start = System.nanoTime();
        runner.run(tx.script());
        lastApplyNanos = System.nanoTime() - start;
        installed = tx.after();
        services.clear();
        services.putAll(next);
    }

    private NftCounterValues readCounters() {
        if (closed) {
            // the runner is released: never hand a freed libnftables context to the kernel library
            return new NftCounterValues(Map.of());
        }
        try {
            return NftCounterValues.parse(runner.run(NftCounterValues.listScript()));
        } catch (DataplaneException e) {
            LOG.warn("Dataplane nftables: cannot read counters: {}", e.getMessage());
            return new NftCounterValues(Map.of());
        }
    }

    private static Counters counters(NftCounterValues values, NftTableState.Dest d) {
        NftCounterValues.Value in = values.get(d.countChain(), 0);
        NftCounterValues.Value out = values.get(d.countChain(), 1);
        return new Counters(values.get(d.chain(), 0).packets(), in.packets(), out.packets(), in.bytes(),
                out.bytes(), 0, 0, 0, 0, 0, 0, 0, 0);
    }

    private NftTableState.Service service(ServiceKey key) throws DataplaneException {
        NftTableState.Service s = services.get(key);
        if (s == null) {
            throw new DataplaneException("no service " + key.describe());
        }
        return s;
    }

    /** lvs_dataplane auto without IPVS: no lb_algo means wrr, said once per service. */
    private VirtualService withScheduler(VirtualService s) {
        if (!unsetSchedulerIsWrr || s.scheduler() != null) {
            return s;
        }
        if (warnedWrr.add(s.key())) {
            LOG.warn("Dataplane nftables: service {} has no lb_algo; scheduling it wrr (IPVS's default wlc needs"
                    + " connection counts, which nftables does not keep)", s.key().describe());
        }
        return new VirtualService(s.key(), LvsScheduler.WRR, s.schedulerFlags(), s.onePacketScheduling(),
                s.persistenceTimeout(), s.persistenceGranularity());
    }

    private static int indexOf(List<NftTableState.Dest> dests, DestinationKey key) {
        for (int i = 0; i < dests.size(); i++) {
            if (dests.get(i).config().key().equals(key)) {
                return i;
            }
        }
        return -1;
    }

    private static String settings(VirtualService s) {
        StringBuilder b = new StringBuilder((s.scheduler() == null ? LvsScheduler.DEFAULT : s.scheduler())
                .kernelName());
        if (s.persistenceTimeout() != null) {
            b.append(" persistent ").append(s.persistenceTimeout()).append(" s");
        }
        return b.toString();
    }
}
