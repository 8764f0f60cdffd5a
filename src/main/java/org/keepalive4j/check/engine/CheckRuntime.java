package org.keepalive4j.check.engine;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.LongUnaryOperator;
import java.util.function.Predicate;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.keepalive4j.check.probe.Probe;
import org.keepalive4j.check.state.CheckEvents;
import org.keepalive4j.check.state.RealServerState;
import org.keepalive4j.check.state.ServiceKeys;
import org.keepalive4j.check.state.VirtualServerState;
import org.keepalive4j.config.model.KeepalivedConfig;
import org.keepalive4j.config.model.RealServer;
import org.keepalive4j.config.model.ScriptSpec;
import org.keepalive4j.config.model.VirtualServer;
import org.keepalive4j.config.model.VirtualServerGroup;
import org.keepalive4j.config.model.check.Checker;
import org.keepalive4j.dataplane.Counters;
import org.keepalive4j.dataplane.Dataplane;
import org.keepalive4j.dataplane.DataplaneException;
import org.keepalive4j.dataplane.DestinationKey;
import org.keepalive4j.dataplane.ServiceCounters;
import org.keepalive4j.dataplane.ServiceKey;
import org.keepalive4j.mib.check.IpvsStats;
import org.keepalive4j.mib.check.CheckTables;
import org.keepalive4j.mib.check.QuorumStatus;
import org.keepalive4j.mib.check.RealServerRow;
import org.keepalive4j.mib.check.VirtualServerRow;
import org.keepalive4j.mib.table.ConfigEquality;

/**
 * All check state and the glue between it and the world, confined to the owner thread: builds the
 * virtual/real server states from the MIB rows, runs a {@link CheckerTask} per checker, writes state
 * into the rows (the row setters send the traps), runs notify scripts, follows SNMP weight SETs,
 * suspends ha_suspend services whose address is not local, and reconciles on reload.
 */
final class CheckRuntime implements CheckEvents {

    private static final Logger LOG = LogManager.getLogger(CheckRuntime.class);
    /** keepalived puts no limit on notify scripts; we stop one that runs longer than this. */
    static final Duration NOTIFY_TIMEOUT = Duration.ofSeconds(60);
    /** How often the dataplane's counters are copied into the MIB's statistics columns when nobody asks. */
    static final Duration STATS_INTERVAL = Duration.ofSeconds(5);
    /** An SNMP read of a statistics column is served values at most this old... */
    static final Duration STATS_MAX_AGE = Duration.ofSeconds(1);
    /** ...unless the engine takes longer than this to read them; then the reader gets the previous ones. */
    static final Duration STATS_READ_WAIT = Duration.ofMillis(200);

    /** Runs notify scripts off the owner thread. */
    interface Notifier {
        void run(ScriptSpec script, String purpose);
    }

    private final CheckTables tables;
    private final Dataplane dataplane;
    private final Function<Checker, Probe> probes;
    private final Timers timers;
    private final Executor owner;
    private final Notifier notifier;
    private final LongUnaryOperator random;
    private final Predicate<InetAddress> isLocal;
    private final Map<VirtualServerRow, VirtualServerState> vsByRow = new LinkedHashMap<>();
    private final Map<VirtualServerState, VirtualServerRow> rowByVs = new IdentityHashMap<>();
    private final Map<RealServerRow, RealServerState> rsByRow = new LinkedHashMap<>();
    private final Map<RealServerState, RealServerRow> rowByRs = new IdentityHashMap<>();
    private final Map<RealServerState, List<CheckerTask>> tasks = new IdentityHashMap<>();
    private final Set<RealServerRow> listening = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    private long reloads;
    private Timers.Cancellable addressWatch;
    private Timers.Cancellable statsTimer;
    private final StatsFreshness freshness;
    private final CounterRates rates = new CounterRates();
    private boolean stopped;

    /** @param nanos the owner's clock (System::nanoTime; the fake clock in tests), for counter ages and rates */
    CheckRuntime(CheckTables tables, Dataplane dataplane, Function<Checker, Probe> probes, Timers timers,
                 Executor owner, Notifier notifier, LongUnaryOperator random, Predicate<InetAddress> isLocal,
                 LongSupplier nanos) {
        this.tables = tables;
        this.dataplane = dataplane;
        this.probes = probes;
        this.timers = timers;
        this.owner = owner;
        this.notifier = notifier;
        this.random = random;
        this.isLocal = isLocal;
        this.freshness = new StatsFreshness(nanos, STATS_MAX_AGE, STATS_READ_WAIT, owner, this::refreshStats);
    }

    void start(KeepalivedConfig config) {
        Map<String, VirtualServerGroup> groups = groups(config);
        // one kernel transaction for the whole initial table where the backend can (nftables)
        inBatch("start", () -> {
            for (VirtualServerRow row : tables.virtualServers()) {
                addVirtualServer(row, groups);
            }
        });
        watchAddresses();
        refreshStats();
        tables.onStatisticsRead(freshness::beforeRead);
        scheduleStats();
        LOG.info("Checker: {} virtual servers, {} real servers, {} checkers, dataplane {}", vsByRow.size(),
                rsByRow.size(), tasks.values().stream().mapToInt(List::size).sum(), dataplane.name());
    }

    private void inBatch(String what, Runnable changes) {
        try {
            dataplane.batch(changes::run);
        } catch (DataplaneException e) {
            // the state's own calls log their refusals; this is the batch as a whole
            LOG.error("Dataplane ({}) refused the changes of the {}: {}", dataplane.name(), what, e.getMessage());
        }
    }

    private static Map<String, VirtualServerGroup> groups(KeepalivedConfig config) {
        Map<String, VirtualServerGroup> groups = new LinkedHashMap<>();
        config.virtualServerGroups().forEach(g -> groups.putIfAbsent(g.name(), g));
        return groups;
    }

    private void addVirtualServer(VirtualServerRow row, Map<String, VirtualServerGroup> groups) {
        VirtualServer config = row.config();
        VirtualServerState vs = new VirtualServerState(config, ServiceKeys.of(config, groups), dataplane, this);
        vsByRow.put(row, vs);
        rowByVs.put(vs, row);
        vs.setSuspended(suspended(config));
        if (vs.isSuspended()) {
            LOG.info("Suspending healthcheckers of VS {}: its address is not configured here (ha_suspend)",
                    vs.describe());
        }
        List<RealServerState> added = new ArrayList<>();
        for (RealServerRow rsRow : row.realServers()) {
            if (!rsRow.isSorryServer()) {
                added.add(bind(vs, rsRow, vs.addRealServer(rsRow.config(), rsRow.weightOverride())));
            }
        }
        vs.start();
        row.setAlive(true);
        added.forEach(this::startTasks);
    }

    private RealServerState bind(VirtualServerState vs, RealServerRow row, RealServerState rs) {
        rsByRow.put(row, rs);
        rowByRs.put(rs, row);
        if (listening.add(row)) {
            // SETs arrive on an AgentX thread: hand them to the owner, which reads the latest value
            row.onWeightChanged(w -> owner.execute(() -> operatorWeightSet(row)));
        }
        return rs;
    }

    private void operatorWeightSet(RealServerRow row) {
        RealServerState rs = rsByRow.get(row);
        if (rs != null) {
            rs.virtualServer().setOperatorWeight(rs, row.weightOverride());
        }
    }

    private void startTasks(RealServerState rs) {
        List<CheckerTask> list = new ArrayList<>();
        List<Checker> checkers = rs.config().checkers();
        for (int i = 0; i < checkers.size(); i++) {
            CheckerTask t = new CheckerTask(rs.virtualServer(), rs, i, checkers.get(i), probes.apply(checkers.get(i)),
                    timers, owner);
            list.add(t);
            t.start(rs.checker(i).firstDelay(random));
        }
        tasks.put(rs, list);
    }

    private void stopTasks(RealServerState rs) {
        List<CheckerTask> list = tasks.remove(rs);
        if (list != null) {
            list.forEach(CheckerTask::close);
        }
    }

    // ---- counters ----

    private void scheduleStats() {
        statsTimer = timers.after(STATS_INTERVAL, () -> {
            if (!freshness.fresh()) {
                refreshStats();
            }
            scheduleStats();
        });
    }

    /**
     * Reads every service's counters from the dataplane at once and copies them into the rows (a group's
     * services summed), with rates computed against the previous reading unless the backend has its
     * own. Runs every {@link #STATS_INTERVAL}, and when an SNMP read finds the values older than
     * {@link #STATS_MAX_AGE}.
     */
    void refreshStats() {
        if (stopped) {
            freshness.skip();
            return;
        }
        long at = freshness.now();
        boolean done = false;
        try {
            List<ServiceKey> keys = new ArrayList<>();
            vsByRow.values().forEach(vs -> keys.addAll(vs.services()));
            Map<ServiceKey, ServiceCounters> read = dataplane.readCounters(keys);
            boolean computeRates = !dataplane.reportsRates();
            CounterRates.Round round = rates.begin(at);
            for (Map.Entry<VirtualServerRow, VirtualServerState> e : vsByRow.entrySet()) {
                VirtualServerState vs = e.getValue();
                Counters total = Counters.ZERO;
                Map<DestinationKey, Counters> perDestination = new java.util.HashMap<>();
                for (ServiceKey key : vs.services()) {
                    ServiceCounters sc = read.get(key);
                    if (sc != null) {
                        total = total.plus(sc.service());
                        sc.destinations().forEach((d, c) -> perDestination.merge(d, c, Counters::plus));
                    }
                }
                e.getKey().setStats(ipvs(computeRates ? round.withRates(e.getKey(), total) : total));
                for (RealServerState rs : vs.realServers()) {
                    Counters c = perDestination.get(rs.destinationKey());
                    RealServerRow row = rowByRs.get(rs);
                    if (c != null && row != null) {
                        row.setStats(ipvs(computeRates ? round.withRates(row, c) : c));
                    }
                }
            }
            round.end();
            freshness.sample(at);
            done = true;
        } finally {
            if (!done) {
                freshness.skip();
            }
        }
    }

    private static IpvsStats ipvs(Counters c) {
        return new IpvsStats(c.conns(), c.inPackets(), c.outPackets(), c.inBytes(), c.outBytes(), c.cps(), c.inPps(),
                c.outPps(), c.inBps(), c.outBps(), c.activeConns(), c.inactiveConns(), c.persistentConns());
    }

    // ---- ha_suspend ----

    private boolean suspended(VirtualServer config) {
        return config.haSuspend() && config.target() instanceof VirtualServer.Address a && !isLocal.test(a.address());
    }

    /** Looks once a second whether ha_suspend addresses came or went (a VRRP instance adds the VIP). */
    private void watchAddresses() {
        if (addressWatch != null) {
            addressWatch.cancel();
            addressWatch = null;
        }
        if (vsByRow.values().stream().anyMatch(v -> v.config().haSuspend())) {
            addressWatch = timers.after(Duration.ofSeconds(1), () -> {
                addressWatch = null;
                checkAddresses();
                watchAddresses();
            });
        }
    }

    void checkAddresses() {
        for (VirtualServerState vs : vsByRow.values()) {
            boolean now = suspended(vs.config());
            if (now != vs.isSuspended()) {
                vs.setSuspended(now);
                LOG.info("{} healthcheckers of VS {} (ha_suspend: address {})", now ? "Suspending" : "Activating",
                        vs.describe(), now ? "gone" : "configured");
            }
        }
    }

    // ---- reload ----

    /** After the MIB reloaded: rows kept their identity for unchanged objects, so their state carries over. */
    void reload(KeepalivedConfig config) {
        reloads++;
        inBatch("reload", () -> reconcile(config));
        watchAddresses();
    }

    private void reconcile(KeepalivedConfig config) {
        Map<String, VirtualServerGroup> groups = groups(config);
        Set<VirtualServerRow> current = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        current.addAll(tables.virtualServers());
        for (VirtualServerRow row : List.copyOf(vsByRow.keySet())) {
            if (!current.contains(row)) {
                VirtualServerState vs = vsByRow.remove(row);
                rowByVs.remove(vs);
                LOG.info("Removing VS {} (no longer configured)", vs.describe());
                for (RealServerState rs : vs.realServers()) {
                    stopTasks(rs);
                    forget(rs);
                }
                vs.stop();
            }
        }
        for (VirtualServerRow row : tables.virtualServers()) {
            VirtualServerState vs = vsByRow.get(row);
            if (vs == null) {
                addVirtualServer(row, groups);
            } else {
                reloadVirtualServer(row, vs, groups);
            }
        }
    }

    private void reloadVirtualServer(VirtualServerRow row, VirtualServerState vs, Map<String, VirtualServerGroup> groups) {
        vs.reconfigure(row.config(), ServiceKeys.of(row.config(), groups));
        vs.setSuspended(suspended(row.config()));
        Set<RealServerRow> currentRs = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        currentRs.addAll(row.realServers());
        for (RealServerState rs : vs.realServers()) {
            RealServerRow rsRow = rowByRs.get(rs);
            if (!currentRs.contains(rsRow)) {
                stopTasks(rs);
                vs.removeRealServer(rs);
                forget(rs);
            }
        }
        List<RealServerState> restart = new ArrayList<>();
        for (RealServerRow rsRow : row.realServers()) {
            if (rsRow.isSorryServer()) {
                continue;
            }
            RealServerState rs = rsByRow.get(rsRow);
            if (rs == null) {
                restart.add(bind(vs, rsRow, vs.addRealServer(rsRow.config(), rsRow.weightOverride())));
            } else if (!ConfigEquality.sameIgnoringLocation(rs.config(), rsRow.config())) {
                stopTasks(rs);
                vs.reconfigureRealServer(rs, rsRow.config());
                restart.add(rs);
            }
        }
        vs.afterReload();
        restart.forEach(this::startTasks);
        // the MIB recomputed the up count from its own view; make the rows agree with the engine
        for (RealServerState rs : vs.realServers()) {
            rowByRs.get(rs).setAlive(rs.isAlive());
        }
        row.setQuorumStatus(vs.quorumUp() ? QuorumStatus.MET : QuorumStatus.NOT_MET);
    }

    private void forget(RealServerState rs) {
        RealServerRow row = rowByRs.remove(rs);
        if (row != null) {
            rsByRow.remove(row);
            // a removed row never comes back (a re-added server gets a new one); its listener stays
            // registered with it but finds no state, so only our bookkeeping needs dropping
            listening.remove(row);
        }
    }

    // ---- stop ----

    void stop() {
        stopped = true;
        tables.onStatisticsRead(null);
        freshness.skip();
        if (addressWatch != null) {
            addressWatch.cancel();
        }
        if (statsTimer != null) {
            statsTimer.cancel();
        }
        for (List<CheckerTask> list : tasks.values()) {
            list.forEach(CheckerTask::close);
        }
        tasks.clear();
        inBatch("stop", () -> {
            for (Map.Entry<VirtualServerRow, VirtualServerState> e : vsByRow.entrySet()) {
                e.getValue().stop();
                e.getKey().setAlive(false);
            }
        });
    }

    // ---- CheckEvents: rows, traps (via the rows) and scripts ----

    @Override
    public void realServerAlive(RealServerState rs, boolean alive, Why why) {
        RealServerRow row = rowByRs.get(rs);
        if (row != null && why != Why.REMOVED) {
            row.setAlive(alive);
        }
        if (why == Why.INIT || (why == Why.STOPPING && !rs.virtualServer().config().omega())) {
            return;
        }
        ScriptSpec script = alive ? rs.config().notifyUp() : rs.config().notifyDown();
        if (script != null) {
            notifier.run(script, (alive ? "notify_up" : "notify_down") + " of " + rs.describe() + " in VS "
                    + rs.virtualServer().describe());
        }
    }

    @Override
    public void realServerWeight(RealServerState rs, int weight) {
        RealServerRow row = rowByRs.get(rs);
        if (row != null) {
            row.setEffectiveWeight(weight);
        }
    }

    @Override
    public void failedChecks(RealServerState rs, int failed) {
        RealServerRow row = rowByRs.get(rs);
        if (row != null) {
            row.setFailedChecks(failed);
        }
    }

    @Override
    public void quorum(VirtualServerState vs, boolean up, Why why) {
        VirtualServerRow row = rowByVs.get(vs);
        if (row != null) {
            row.setQuorumStatus(why == Why.STOPPING ? QuorumStatus.SHUTDOWN : up ? QuorumStatus.MET : QuorumStatus.NOT_MET);
        }
        VirtualServer c = vs.config();
        boolean run = switch (why) {
            case CHECK, REMOVED -> true;
            // keepalived notifies at start only when it starts with quorum down and a sorry server in
            case INIT -> !up && c.sorryServer() != null;
            case STOPPING -> c.omega();
        };
        ScriptSpec script = up ? c.quorumUp() : c.quorumDown();
        if (run && script != null) {
            notifier.run(script, (up ? "quorum_up" : "quorum_down") + " of VS " + vs.describe());
        }
    }

    // ---- dumps ----

    String data() {
        StringBuilder b = new StringBuilder();
        b.append("------< Health checkers >------\n");
        for (VirtualServerState vs : vsByRow.values()) {
            VirtualServer c = vs.config();
            b.append(" Virtual server ").append(vs.describe()).append(": quorum ")
                    .append(vs.quorumUp() ? "up" : "down").append(" (alive weight ").append(vs.aliveWeight())
                    .append(", quorum ").append(c.quorum()).append(", hysteresis ").append(c.hysteresis()).append(')');
            if (c.sorryServer() != null) {
                b.append(", sorry server ").append(vs.describeSorry()).append(vs.sorryActive() ? " in" : " out");
            }
            if (vs.isSuspended()) {
                b.append(", suspended");
            }
            b.append('\n');
            for (RealServerState rs : vs.realServers()) {
                b.append("  Real server ").append(rs.describe()).append(": ").append(rs.isAlive() ? "alive" : "down")
                        .append(", weight ").append(rs.effectiveWeight());
                if (rs.operatorWeight() != null) {
                    b.append(" (SNMP ").append(rs.operatorWeight()).append(')');
                }
                if (rs.dynamicWeight() != null) {
                    b.append(" (dynamic ").append(rs.dynamicWeight()).append(')');
                }
                b.append(", failed checkers ").append(rs.failedCheckers()).append('/').append(rs.checkers().size())
                        .append('\n');
                for (CheckerTask t : tasks.getOrDefault(rs, List.of())) {
                    b.append("   ").append(t.describe()).append(": attempts ").append(t.attempts())
                            .append(", failures ").append(t.failures()).append(", last: ").append(t.lastDetail())
                            .append('\n');
                }
            }
        }
        dataplane.describeTable(b);
        return b.toString();
    }

    String stats() {
        StringBuilder b = new StringBuilder();
        b.append("check.reloads ").append(reloads).append('\n');
        for (VirtualServerState vs : vsByRow.values()) {
            String v = "check." + vs.describe();
            b.append(v).append(".quorum ").append(vs.quorumUp() ? 1 : 0).append('\n');
            for (RealServerState rs : vs.realServers()) {
                String r = v + "." + rs.describe();
                long attempts = 0;
                long failures = 0;
                for (CheckerTask t : tasks.getOrDefault(rs, List.of())) {
                    attempts += t.attempts();
                    failures += t.failures();
                }
                b.append(r).append(".alive ").append(rs.isAlive() ? 1 : 0).append('\n');
                b.append(r).append(".weight ").append(rs.effectiveWeight()).append('\n');
                b.append(r).append(".attempts ").append(attempts).append('\n');
                b.append(r).append(".failures ").append(failures).append('\n');
            }
        }
        return b.toString();
    }

    /** For tests: the state of a virtual server by its description. */
    VirtualServerState virtualServer(String describe) {
        return vsByRow.values().stream().filter(v -> v.describe().equals(describe)).findFirst().orElse(null);
    }
}
