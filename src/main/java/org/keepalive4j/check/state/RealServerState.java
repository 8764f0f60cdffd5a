package org.keepalive4j.check.state;

import java.util.ArrayList;
import java.util.List;
import org.keepalive4j.config.model.RealServer;
import org.keepalive4j.config.model.check.Checker;
import org.keepalive4j.config.model.check.MiscCheck;
import org.keepalive4j.dataplane.Destination;
import org.keepalive4j.dataplane.DestinationKey;

/**
 * One real server's health and weight, owned by its {@link VirtualServerState}.
 *
 * <p>Health: the server is healthy only while ALL its checkers are up (a server without checkers is
 * always healthy). "Alive" is what the pool has acted on: it follows health, but the virtual server
 * decides when (see {@link VirtualServerState}).
 *
 * <p>Weight rule (documented in README, "Check engine"): the weight given to the dataplane is
 * <ol>
 * <li>the operator's SNMP override (realServerWeight SET), when one is in force and differs from the
 *     configured weight; an override of 0 drains the server: it stays in the pool with weight 0 for as
 *     long as it is healthy, and no checker result changes that;</li>
 * <li>otherwise the weight the last misc_dynamic MISC_CHECK result asked for, if any;</li>
 * <li>otherwise the configured weight.</li>
 * </ol>
 * Setting the override back to the configured weight lifts it, so dynamic weights apply again. A
 * server that is not alive is out of the pool (or in with weight 0 under inhibit_on_failure) whatever
 * its weight.
 */
public final class RealServerState {

    private final VirtualServerState virtualServer;
    private RealServer config;
    private List<CheckerState> checkers;
    private Integer dynamicWeight;
    private Integer operatorWeight;
    private boolean alive;
    /** The destination as the dataplane holds it now; null while it is not there. */
    private Destination programmed;

    RealServerState(VirtualServerState virtualServer, RealServer config, Integer operatorWeight) {
        this.virtualServer = virtualServer;
        this.config = config;
        this.checkers = freshCheckers(config);
        this.operatorWeight = operatorWeight;
        this.alive = isHealthy();
    }

    private static List<CheckerState> freshCheckers(RealServer rs) {
        List<CheckerState> list = new ArrayList<>();
        for (Checker c : rs.checkers()) {
            list.add(new CheckerState(c.common()));
        }
        return list;
    }

    /**
     * A reload changed the block: new timers and weights, but checkers that are still the same kind at
     * the same position keep their up/down state, so an unchanged server does not flap.
     */
    void reconfigure(RealServer newConfig) {
        List<CheckerState> fresh = freshCheckers(newConfig);
        for (int i = 0; i < fresh.size() && i < checkers.size(); i++) {
            if (newConfig.checkers().get(i).getClass() == config.checkers().get(i).getClass()) {
                fresh.get(i).continuing(checkers.get(i));
            }
        }
        if (!hasDynamicChecker(newConfig)) {
            dynamicWeight = null;
        }
        if (newConfig.weight() != config.weight()) {
            // the MIB drops an SNMP override when the configured weight changes; so do we
            operatorWeight = null;
        }
        config = newConfig;
        checkers = fresh;
    }

    private static boolean hasDynamicChecker(RealServer rs) {
        return rs.checkers().stream().anyMatch(c -> c instanceof MiscCheck m && m.dynamic());
    }

    public VirtualServerState virtualServer() {
        return virtualServer;
    }

    public RealServer config() {
        return config;
    }

    public List<CheckerState> checkers() {
        return checkers;
    }

    public CheckerState checker(int index) {
        return checkers.get(index);
    }

    public int failedCheckers() {
        int n = 0;
        for (CheckerState c : checkers) {
            if (!c.isUp()) {
                n++;
            }
        }
        return n;
    }

    public boolean isHealthy() {
        return failedCheckers() == 0;
    }

    public boolean isAlive() {
        return alive;
    }

    void setAlive(boolean nowAlive) {
        alive = nowAlive;
    }

    public Integer operatorWeight() {
        return operatorWeight;
    }

    public Integer dynamicWeight() {
        return dynamicWeight;
    }

    /** The weight the server has when alive; see the class comment for the rule. */
    public int effectiveWeight() {
        if (operatorWeight != null && operatorWeight != config.weight()) {
            return operatorWeight;
        }
        if (dynamicWeight != null) {
            return dynamicWeight;
        }
        return config.weight();
    }

    /** @return true when the effective weight changed */
    boolean setOperatorWeight(Integer weight) {
        int before = effectiveWeight();
        operatorWeight = weight;
        return effectiveWeight() != before;
    }

    /** misc_dynamic: null restores the configured weight (exit status 0). */
    boolean setDynamicWeight(Integer weight) {
        int before = effectiveWeight();
        dynamicWeight = weight;
        return effectiveWeight() != before;
    }

    Destination programmed() {
        return programmed;
    }

    void programmed(Destination d) {
        programmed = d;
    }

    /** The server's identity in the dataplane. */
    public DestinationKey destinationKey() {
        return destination(0).key();
    }

    /** The destination with weight {@code weight}. */
    Destination destination(int weight) {
        return new Destination(config.address(), config.port() == null ? 0 : config.port(), config.forwarding(),
                weight, config.uthreshold(), config.lthreshold());
    }

    /** "10.0.0.2:80", for log lines. */
    public String describe() {
        return destination(0).describe();
    }
}
