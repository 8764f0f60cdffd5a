package org.keepalive4j.check.state;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.keepalive4j.config.model.RealServer;
import org.keepalive4j.config.model.SorryServer;
import org.keepalive4j.config.model.LvsScheduler;
import org.keepalive4j.config.model.VirtualServer;
import org.keepalive4j.dataplane.Dataplane;
import org.keepalive4j.dataplane.DataplaneException;
import org.keepalive4j.dataplane.Destination;
import org.keepalive4j.dataplane.ServiceKey;
import org.keepalive4j.dataplane.VirtualService;

/**
 * One virtual server's pool: which real servers are alive, the quorum, the sorry server, and the
 * dataplane table that follows from them. Owned by one thread (the check engine's); no clock.
 *
 * <p>keepalived's rules, as implemented here:
 * <ul>
 * <li><b>Pool membership.</b> A real server is in the pool with its effective weight while it is
 *     alive and the sorry server is not standing in. Otherwise it is out of the pool, except under
 *     inhibit_on_failure, where it stays in with weight 0 (so existing connections are not cut).
 *     At start every server whose checkers have not failed is alive; in alpha mode checkers start
 *     failed, so the server starts out of the pool until its first success.</li>
 * <li><b>Quorum.</b> The sum of the effective weights of the alive real servers is compared to
 *     {@code quorum} with {@code hysteresis} on the side that makes a change harder: quorum is gained
 *     when the sum reaches quorum + hysteresis, and lost when it falls below quorum − hysteresis (or
 *     reaches 0). At start it is met when the sum is at least quorum + hysteresis. Gaining runs
 *     quorum_up, losing runs quorum_down.</li>
 * <li><b>Sorry server.</b> When quorum is lost (or the service starts without it) the sorry server is
 *     put in and every alive real server is taken out (weight 0 under inhibit); when quorum comes back
 *     the sorry server is taken out and the alive servers go back in. With sorry_server_inhibit the
 *     sorry server stays in the table with weight 0 while it is not needed.</li>
 * <li><b>Omega.</b> On shutdown every server is taken out and the virtual service removed (not with -I,
 *     where the dataplane keeps the table); the
 *     notify_down and quorum_down scripts run then only with omega (traps always).</li>
 * <li><b>Reload.</b> Servers that are still configured keep their state (no flap); new ones start as
 *     at startup; removed ones are taken out (their notify_down runs if they were alive).</li>
 * </ul>
 */
public final class VirtualServerState {

    private static final Logger LOG = LogManager.getLogger(VirtualServerState.class);
    private static final int SORRY_WEIGHT = 1;

    private final Dataplane dataplane;
    private final CheckEvents events;
    private VirtualServer config;
    private List<ServiceKey> services;
    private final List<RealServerState> realServers = new ArrayList<>();
    private boolean quorumUp;
    private boolean sorryActive;
    private Destination sorryProgrammed;
    private boolean started;
    private boolean suspended;

    public VirtualServerState(VirtualServer config, List<ServiceKey> services, Dataplane dataplane,
                              CheckEvents events) {
        this.config = config;
        this.services = List.copyOf(services);
        this.dataplane = dataplane;
        this.events = events;
    }

    public VirtualServer config() {
        return config;
    }

    public List<ServiceKey> services() {
        return services;
    }

    public List<RealServerState> realServers() {
        return List.copyOf(realServers);
    }

    public boolean quorumUp() {
        return quorumUp;
    }

    public boolean sorryActive() {
        return sorryActive;
    }

    /** ha_suspend: checks pause while the virtual address is not on a local interface. */
    public boolean isSuspended() {
        return suspended;
    }

    public void setSuspended(boolean value) {
        suspended = value;
    }

    public String describe() {
        return config.describe();
    }

    /** Adds a real server; before {@link #start()} it joins the initial pool, after it is settled at once. */
    public RealServerState addRealServer(RealServer rs, Integer operatorWeight) {
        RealServerState s = new RealServerState(this, rs, operatorWeight);
        realServers.add(s);
        if (started) {
            syncDestination(s);
            events.realServerAlive(s, s.isAlive(), CheckEvents.Why.INIT);
            events.failedChecks(s, s.failedCheckers());
            events.realServerWeight(s, s.effectiveWeight());
            updateQuorum();
        }
        return s;
    }

    /** Puts the service and its initial pool into the dataplane. */
    public void start() {
        for (ServiceKey key : services) {
            addService(key);
        }
        started = true;
        long sum = aliveWeight();
        quorumUp = sum >= config.quorum() + config.hysteresis();
        if (!quorumUp && config.sorryServer() != null) {
            sorryActive = true;
            LOG.info("Starting with quorum down {}-{}={} > {} for VS {}", config.quorum(), config.hysteresis(),
                    config.quorum() - config.hysteresis(), sum, describe());
            LOG.info("{} sorry server {} to VS {}", config.sorryServer().inhibit() ? "Enabling" : "Adding",
                    describeSorry(), describe());
        }
        for (RealServerState rs : realServers) {
            syncDestination(rs);
            events.realServerWeight(rs, rs.effectiveWeight());
        }
        syncSorry();
        events.quorum(this, quorumUp, CheckEvents.Why.INIT);
    }

    /**
     * One checker attempt of {@code rs} ended.
     *
     * @param dynamicWeight for a misc_dynamic checker that passed: the weight it asked for, or null
     *                      to restore the configured weight; ignored for other checkers
     * @return when to try that checker next
     */
    public CheckerState.Step onAttempt(RealServerState rs, int checkerIndex, boolean success, boolean dynamicChecker,
                                       Integer dynamicWeight) {
        CheckerState.Step step = rs.checker(checkerIndex).onAttempt(success);
        if (success && dynamicChecker && rs.setDynamicWeight(dynamicWeight)) {
            weightChanged(rs, "misc_dynamic");
        }
        switch (step.verdict()) {
            case UP, DOWN -> {
                events.failedChecks(rs, rs.failedCheckers());
                settle(rs);
            }
            case CONFIRMED -> {
                if (!success && !rs.isAlive()) {
                    // alpha: the first failure confirms the initial down state; keepalived notifies it
                    events.realServerAlive(rs, false, CheckEvents.Why.CHECK);
                }
            }
            default -> {
            }
        }
        return step;
    }

    /** An SNMP SET of realServerWeight (null: no override). */
    public void setOperatorWeight(RealServerState rs, Integer weight) {
        if (rs.setOperatorWeight(weight)) {
            weightChanged(rs, "SNMP");
        }
    }

    private void weightChanged(RealServerState rs, String source) {
        int w = rs.effectiveWeight();
        LOG.info("Changing weight to {} ({}) for {}active service {} of VS {}", w, source, rs.isAlive() ? "" : "in",
                rs.describe(), describe());
        events.realServerWeight(rs, w);
        syncDestination(rs);
        updateQuorum();
    }

    /** Brings a server's alive state in line with its health (perform_svr_state). */
    private void settle(RealServerState rs) {
        boolean healthy = rs.isHealthy();
        if (healthy == rs.isAlive()) {
            return;
        }
        boolean inhibit = rs.config().inhibitOnFailure();
        if (healthy) {
            LOG.info("{} service {} {} VS {}", inhibit ? "Enabling" : "Adding", rs.describe(), inhibit ? "of" : "to",
                    describe());
        } else {
            LOG.info("{} service {} {} VS {}", inhibit ? "Disabling" : "Removing", rs.describe(),
                    inhibit ? "of" : "from", describe());
        }
        rs.setAlive(healthy);
        syncDestination(rs);
        events.realServerAlive(rs, healthy, CheckEvents.Why.CHECK);
        updateQuorum();
    }

    /** update_quorum_state: compares the alive weight to quorum ± hysteresis. */
    private void updateQuorum() {
        long sum = aliveWeight();
        if (!quorumUp) {
            long threshold = config.quorum() + config.hysteresis();
            if (sum >= threshold) {
                quorumUp = true;
                LOG.info("Gained quorum {}+{}={} <= {} for VS {}", config.quorum(), config.hysteresis(), threshold,
                        sum, describe());
                if (sorryActive) {
                    LOG.info("{} sorry server {} from VS {}", config.sorryServer().inhibit() ? "Disabling" : "Removing",
                            describeSorry(), describe());
                    sorryActive = false;
                    syncAll();
                }
                events.quorum(this, true, CheckEvents.Why.CHECK);
            }
            return;
        }
        long threshold = config.quorum() - config.hysteresis();
        if (sum == 0 || sum < threshold) {
            quorumUp = false;
            LOG.info("Lost quorum {}-{}={} > {} for VS {}", config.quorum(), config.hysteresis(), threshold, sum,
                    describe());
            if (config.sorryServer() != null && !sorryActive) {
                LOG.info("{} sorry server {} to VS {}", config.sorryServer().inhibit() ? "Enabling" : "Adding",
                        describeSorry(), describe());
                sorryActive = true;
                syncAll();
            }
            events.quorum(this, false, CheckEvents.Why.CHECK);
        }
    }

    /** The sum of the effective weights of the alive servers. */
    public long aliveWeight() {
        long sum = 0;
        for (RealServerState rs : realServers) {
            if (rs.isAlive()) {
                sum += rs.effectiveWeight();
            }
        }
        return sum;
    }

    private void syncAll() {
        for (RealServerState rs : realServers) {
            syncDestination(rs);
        }
        syncSorry();
    }

    /** The destination a real server should have now, or null for none. */
    private Destination wanted(RealServerState rs) {
        if (rs.isAlive() && !sorryActive) {
            return rs.destination(rs.effectiveWeight());
        }
        return rs.config().inhibitOnFailure() ? rs.destination(0) : null;
    }

    private Destination wantedSorry() {
        SorryServer s = config.sorryServer();
        if (s == null) {
            return null;
        }
        if (!sorryActive && !s.inhibit()) {
            return null;
        }
        return new Destination(s.address(), s.port() == null ? 0 : s.port(), s.forwarding(),
                sorryActive ? SORRY_WEIGHT : 0, 0, 0);
    }

    private void syncDestination(RealServerState rs) {
        rs.programmed(program(rs.programmed(), wanted(rs)));
    }

    private void syncSorry() {
        sorryProgrammed = program(sorryProgrammed, wantedSorry());
    }

    /** Makes the dataplane hold {@code wanted} instead of {@code current}; returns what it holds now. */
    private Destination program(Destination current, Destination wanted) {
        if (Objects.equals(current, wanted)) {
            return current;
        }
        for (ServiceKey key : services) {
            try {
                if (wanted == null) {
                    dataplane.removeDestination(key, current.key());
                } else if (current == null) {
                    dataplane.addDestination(key, wanted);
                } else if (!current.key().equals(wanted.key())) {
                    dataplane.removeDestination(key, current.key());
                    dataplane.addDestination(key, wanted);
                } else {
                    dataplane.updateDestination(key, wanted);
                }
            } catch (DataplaneException e) {
                LOG.error("Dataplane ({}) refused a change of {} in {}: {}", dataplane.name(),
                        (wanted != null ? wanted : current).describe(), key.describe(), e.getMessage());
            }
        }
        return wanted;
    }

    private void addService(ServiceKey key) {
        try {
            dataplane.addService(virtualService(key));
        } catch (DataplaneException e) {
            LOG.error("Dataplane ({}) refused service {}: {}", dataplane.name(), key.describe(), e.getMessage());
        }
    }

    private VirtualService virtualService(ServiceKey key) {
        // an unwritten lb_algo goes to the dataplane as null, so that auto's nftables fallback can pick wrr
        LvsScheduler scheduler = config.schedulerDefaulted() ? null : config.scheduler();
        return new VirtualService(key, scheduler, config.schedulerFlags(), config.onePacketScheduling(),
                config.persistenceTimeout(), config.persistenceGranularity());
    }

    // ---- reload ----

    /**
     * A reload changed the virtual_server block (same identity): new settings, possibly new group
     * members or a different sorry server. Real servers are reconciled separately, then
     * {@link #afterReload()}.
     */
    public void reconfigure(VirtualServer newConfig, List<ServiceKey> newServices) {
        VirtualServer old = config;
        config = newConfig;
        Set<ServiceKey> before = new LinkedHashSet<>(services);
        Set<ServiceKey> after = new LinkedHashSet<>(newServices);
        for (ServiceKey key : before) {
            if (!after.contains(key)) {
                remove(key);
            }
        }
        services = List.copyOf(newServices);
        boolean settingsChanged = old.scheduler() != newConfig.scheduler()
                || old.schedulerDefaulted() != newConfig.schedulerDefaulted()
                || !old.schedulerFlags().equals(newConfig.schedulerFlags())
                || old.onePacketScheduling() != newConfig.onePacketScheduling()
                || !Objects.equals(old.persistenceTimeout(), newConfig.persistenceTimeout())
                || !Objects.equals(old.persistenceGranularity(), newConfig.persistenceGranularity());
        for (ServiceKey key : newServices) {
            if (!before.contains(key)) {
                addService(key);
                for (RealServerState rs : realServers) {
                    addExisting(key, rs.programmed());
                }
                addExisting(key, sorryProgrammed);
            } else if (settingsChanged) {
                try {
                    dataplane.updateService(virtualService(key));
                } catch (DataplaneException e) {
                    LOG.error("Dataplane ({}) refused an update of {}: {}", dataplane.name(), key.describe(),
                            e.getMessage());
                }
            }
        }
        if (!Objects.equals(old.sorryServer(), newConfig.sorryServer())) {
            // re-program the sorry server from scratch under its new settings
            sorryProgrammed = program(sorryProgrammed, null);
            if (newConfig.sorryServer() == null) {
                sorryActive = false;
            }
        }
    }

    private void addExisting(ServiceKey key, Destination d) {
        if (d == null) {
            return;
        }
        try {
            dataplane.addDestination(key, d);
        } catch (DataplaneException e) {
            LOG.error("Dataplane ({}) refused {} in {}: {}", dataplane.name(), d.describe(), key.describe(),
                    e.getMessage());
        }
    }

    private void remove(ServiceKey key) {
        try {
            dataplane.removeService(key);
        } catch (DataplaneException e) {
            LOG.error("Dataplane ({}) refused the removal of {}: {}", dataplane.name(), key.describe(), e.getMessage());
        }
    }

    /** A reload changed a real_server block (same address and port); its state carries over. */
    public void reconfigureRealServer(RealServerState rs, RealServer newConfig) {
        int weightBefore = rs.effectiveWeight();
        rs.reconfigure(newConfig);
        if (rs.effectiveWeight() != weightBefore) {
            events.realServerWeight(rs, rs.effectiveWeight());
        }
        events.failedChecks(rs, rs.failedCheckers());
    }

    /** A reload removed a real server: out of the pool, notify_down if it was alive. */
    public void removeRealServer(RealServerState rs) {
        realServers.remove(rs);
        boolean wasAlive = rs.isAlive();
        if (rs.programmed() != null || wasAlive) {
            LOG.info("Removing service {} from VS {}", rs.describe(), describe());
        }
        rs.setAlive(false);
        rs.programmed(program(rs.programmed(), null));
        if (wasAlive) {
            events.realServerAlive(rs, false, CheckEvents.Why.REMOVED);
        }
    }

    /** After a reload: health decides again (a checker may have been added), then pool and quorum. */
    public void afterReload() {
        for (RealServerState rs : List.copyOf(realServers)) {
            settle(rs);
        }
        syncAll();
        // a changed quorum or hysteresis may move the verdict without any server changing
        updateQuorum();
        if (!quorumUp && config.sorryServer() != null && !sorryActive) {
            sorryActive = true;
            syncAll();
        }
    }

    /** Shutdown: everything out of the dataplane; traps always, scripts only with omega (the engine decides). */
    public void stop() {
        // -I: the kernel keeps the table (traffic flows on while the daemon restarts); only report
        boolean release = !dataplane.keepsTableOnClose();
        if (release) {
            sorryProgrammed = program(sorryProgrammed, null);
        }
        for (RealServerState rs : realServers) {
            if (release && rs.programmed() != null) {
                LOG.info("Shutting down service {} from VS {}", rs.describe(), describe());
                rs.programmed(program(rs.programmed(), null));
            }
            if (rs.isAlive()) {
                rs.setAlive(false);
                events.realServerAlive(rs, false, CheckEvents.Why.STOPPING);
            }
        }
        quorumUp = false;
        events.quorum(this, false, CheckEvents.Why.STOPPING);
        if (release) {
            for (ServiceKey key : services) {
                remove(key);
            }
        }
        started = false;
    }

    public String describeSorry() {
        SorryServer s = config.sorryServer();
        return s == null ? "-" : new Destination(s.address(), s.port() == null ? 0 : s.port(), s.forwarding(), 0, 0, 0)
                .describe();
    }
}
