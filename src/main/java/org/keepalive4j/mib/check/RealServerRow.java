package org.keepalive4j.mib.check;

import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.keepalive4j.config.model.ForwardingMethod;
import org.keepalive4j.config.model.RealServer;
import org.keepalive4j.config.model.SorryServer;
import org.keepalive4j.mib.schema.RealServerColumn;
import org.keepalive4j.mib.table.CellRow;
import org.keepalive4j.mib.table.Cells;
import org.keepalive4j.mib.table.ConfigEquality;
import org.keepalive4j.mib.table.MibTable;
import org.keepalive4j.mib.trap.RealServerFacts;
import org.keepalive4j.mib.trap.TrapEmitter;
import org.snmp4j.smi.OID;

/**
 * The typed view of one realServerTable row: a real_server, or the sorry_server of its virtual server
 * (realServerType sorry(2), which has no status, weight or thresholds, as in keepalived). Identity:
 * its virtual server + address + port (the sorry server: its virtual server).
 *
 * <p>Threads: checker threads call {@link #setAlive}, {@link #setEffectiveWeight},
 * {@link #setFailedChecks}; the IPVS poller calls {@link #setStats}; a SET of realServerWeight
 * arrives on an AgentX thread and is handed to the weight listeners there. Cells are atomic
 * references; {@link #setAlive} synchronizes on the virtual server so the up count, the status and the
 * trap agree.
 */
public final class RealServerRow {

    private static final Logger LOG = LogManager.getLogger(RealServerRow.class);

    private final MibTable<RealServerColumn> table;
    private final CellRow row;
    private final VirtualServerRow virtualServer;
    private final TrapEmitter traps;
    private final boolean sorry;
    private final List<Consumer<Integer>> weightListeners = new CopyOnWriteArrayList<>();
    private volatile RealServer config;
    private volatile SorryServer sorryConfig;
    private volatile Integer weightOverride;
    private boolean alive; // guarded by virtualServer

    RealServerRow(MibTable<RealServerColumn> table, CellRow row, VirtualServerRow virtualServer, TrapEmitter traps,
                  boolean sorry) {
        this.table = table;
        this.row = row;
        this.virtualServer = virtualServer;
        this.traps = traps;
        this.sorry = sorry;
    }

    /** (virtualServerIndex, realServerIndex). */
    public OID index() {
        return row.getIndex();
    }

    public boolean isSorryServer() {
        return sorry;
    }

    public VirtualServerRow virtualServer() {
        return virtualServer;
    }

    /** The real_server block; null for a sorry server. */
    public RealServer config() {
        return config;
    }

    public SorryServer sorryConfig() {
        return sorryConfig;
    }

    public InetAddress address() {
        return sorry ? sorryConfig.address() : config.address();
    }

    public int port() {
        Integer p = sorry ? sorryConfig.port() : config.port();
        return p == null ? 0 : p;
    }

    /** The weight to give IPVS: the SNMP override if one is in force, else the configured weight. */
    public int weight() {
        Integer o = weightOverride;
        return o != null ? o : config.weight();
    }

    public Integer weightOverride() {
        return weightOverride;
    }

    public boolean isAlive() {
        synchronized (virtualServer) {
            return alive;
        }
    }

    /** Called once per successful SET of realServerWeight (0 drains the server), on an AgentX thread. */
    public void onWeightChanged(Consumer<Integer> listener) {
        weightListeners.add(listener);
    }

    /**
     * realServerStatus; updates virtualServerRealServersUp and sends realServerStateChange when the
     * status really changes and traps are on.
     */
    public void setAlive(boolean nowAlive) {
        if (sorry) {
            throw new IllegalStateException("a sorry server has no realServerStatus");
        }
        synchronized (virtualServer) {
            if (nowAlive == alive) {
                return;
            }
            alive = nowAlive;
            table.set(row, RealServerColumn.STATUS, Cells.truth(nowAlive));
            virtualServer.realServerStatusChanged(nowAlive);
            // emit only builds the notification when traps are on; we still hold the monitor then
            traps.emit(s -> s.builder().realServerStateChange(
                    new RealServerFacts(row.getIndex(), address(), port(), nowAlive), virtualServer.facts(),
                    s.routerId()));
        }
    }

    /** realServerWeight as IPVS has it now (the engine may lower it, e.g. for a tracked file). */
    public void setEffectiveWeight(int weight) {
        table.set(row, RealServerColumn.WEIGHT, Cells.integer(weight));
    }

    public void setFailedChecks(int failed) {
        table.set(row, RealServerColumn.FAILED_CHECKS, Cells.unsigned(failed));
    }

    public void setStats(IpvsStats s) {
        MibTable<RealServerColumn> t = table;
        t.set(row, RealServerColumn.STATS_CONNS, Cells.gauge(s.conns()));
        t.set(row, RealServerColumn.STATS_ACTIVE_CONNS, Cells.gauge(s.activeConns()));
        t.set(row, RealServerColumn.STATS_INACTIVE_CONNS, Cells.gauge(s.inactiveConns()));
        t.set(row, RealServerColumn.STATS_PERSISTENT_CONNS, Cells.gauge(s.persistentConns()));
        t.set(row, RealServerColumn.STATS_IN_PKTS, Cells.counter32(s.inPkts()));
        t.set(row, RealServerColumn.STATS_OUT_PKTS, Cells.counter32(s.outPkts()));
        t.set(row, RealServerColumn.STATS_IN_BYTES, Cells.counter64(s.inBytes()));
        t.set(row, RealServerColumn.STATS_OUT_BYTES, Cells.counter64(s.outBytes()));
        t.set(row, RealServerColumn.RATE_CPS, Cells.gauge(s.cps()));
        t.set(row, RealServerColumn.RATE_IN_PPS, Cells.gauge(s.inPps()));
        t.set(row, RealServerColumn.RATE_OUT_PPS, Cells.gauge(s.outPps()));
        t.set(row, RealServerColumn.RATE_IN_BPS, Cells.gauge(s.inBps()));
        t.set(row, RealServerColumn.RATE_OUT_BPS, Cells.gauge(s.outBps()));
        t.set(row, RealServerColumn.STATS_CONNS64, Cells.counter64(s.conns()));
        t.set(row, RealServerColumn.STATS_IN_PKTS64, Cells.counter64(s.inPkts()));
        t.set(row, RealServerColumn.STATS_OUT_PKTS64, Cells.counter64(s.outPkts()));
        t.set(row, RealServerColumn.RATE_CPS_LOW, Cells.unsigned(s.cps()));
        t.set(row, RealServerColumn.RATE_CPS_HIGH, Cells.unsigned(s.cps() >>> 32));
        t.set(row, RealServerColumn.RATE_IN_PPS_LOW, Cells.unsigned(s.inPps()));
        t.set(row, RealServerColumn.RATE_IN_PPS_HIGH, Cells.unsigned(s.inPps() >>> 32));
        t.set(row, RealServerColumn.RATE_OUT_PPS_LOW, Cells.unsigned(s.outPps()));
        t.set(row, RealServerColumn.RATE_OUT_PPS_HIGH, Cells.unsigned(s.outPps() >>> 32));
        t.set(row, RealServerColumn.RATE_IN_BPS_LOW, Cells.unsigned(s.inBps()));
        t.set(row, RealServerColumn.RATE_IN_BPS_HIGH, Cells.unsigned(s.inBps() >>> 32));
        t.set(row, RealServerColumn.RATE_OUT_BPS_LOW, Cells.unsigned(s.outBps()));
        t.set(row, RealServerColumn.RATE_OUT_BPS_HIGH, Cells.unsigned(s.outBps() >>> 32));
    }

    void weightSetBySnmp(int value) {
        int old = weight();
        weightOverride = value;
        LOG.info("SNMP SET realServerWeight {} (real server {} of {}): {} -> {}", index(), describe(),
                virtualServer.config().describe(), old, value);
        weightListeners.forEach(l -> l.accept(value));
    }

    private String describe() {
        InetAddress a = address();
        String host = a instanceof java.net.Inet6Address ? "[" + a.getHostAddress() + "]" : a.getHostAddress();
        return host + ":" + port();
    }

    // ---- build and reload ----

    /** Whether keepalived would count the server as alive before its first check (see {@link #apply}). */
    boolean initiallyAlive(RealServer rs) {
        return !(rs.alpha() && !rs.checkers().isEmpty());
    }

    /**
     * Applies a real_server block. Before any check keepalived adds every server whose checkers have
     * not failed (so it is alive), except in alpha mode, where each checker starts failed and the
     * server starts dead. An SNMP weight override survives unless the block's weight changed.
     *
     * @return true when the block changed (ignoring where it was written)
     */
    boolean apply(RealServer rs) {
        RealServer old = config;
        boolean fresh = old == null;
        boolean changed = !fresh && !ConfigEquality.sameIgnoringLocation(old, rs);
        if (!fresh && old.weight() != rs.weight()) {
            weightOverride = null;
            table.set(row, RealServerColumn.WEIGHT, Cells.integer(rs.weight()));
        }
        config = rs;
        MibTable<RealServerColumn> t = table;
        t.set(row, RealServerColumn.TYPE, Cells.integer(1));
        fillEndpoint(rs.address(), rs.port(), rs.forwarding());
        if (fresh) {
            synchronized (virtualServer) {
                alive = initiallyAlive(rs);
                t.set(row, RealServerColumn.STATUS, Cells.truth(alive));
            }
            t.set(row, RealServerColumn.WEIGHT, Cells.integer(rs.weight()));
            t.set(row, RealServerColumn.FAILED_CHECKS, Cells.unsigned(alive ? 0 : rs.checkers().size()));
            setStats(IpvsStats.ZERO);
        }
        t.set(row, RealServerColumn.UPPER_CONNECTION_LIMIT, rs.uthreshold() > 0 ? Cells.unsigned(rs.uthreshold()) : null);
        t.set(row, RealServerColumn.LOWER_CONNECTION_LIMIT, rs.lthreshold() > 0 ? Cells.unsigned(rs.lthreshold()) : null);
        t.set(row, RealServerColumn.ACTION_WHEN_DOWN, Cells.integer(rs.inhibitOnFailure() ? 2 : 1));
        t.set(row, RealServerColumn.NOTIFY_UP, rs.notifyUp() == null ? null : Cells.string(rs.notifyUp().command()));
        t.set(row, RealServerColumn.NOTIFY_DOWN, rs.notifyDown() == null ? null : Cells.string(rs.notifyDown().command()));
        t.set(row, RealServerColumn.VIRTUAL_HOST, Cells.string(rs.virtualhost()));
        t.set(row, RealServerColumn.ALPHA, Cells.truth(rs.alpha()));
        t.set(row, RealServerColumn.RETRY, Cells.unsigned(rs.retry() == null ? 0 : rs.retry()));
        t.set(row, RealServerColumn.DELAY_BEFORE_RETRY, orZero(Cells.seconds(rs.delayBeforeRetry())));
        t.set(row, RealServerColumn.WARMUP, orZero(Cells.seconds(rs.warmup())));
        t.set(row, RealServerColumn.DELAY_LOOP, orZero(Cells.seconds(rs.delayLoop())));
        t.set(row, RealServerColumn.SMTP_ALERT, Cells.truth(rs.smtpAlert()));
        t.set(row, RealServerColumn.DELAY_BEFORE_RETRY_USEC, orZero(Cells.micros(rs.delayBeforeRetry())));
        t.set(row, RealServerColumn.WARMUP_USEC, orZero(Cells.micros(rs.warmup())));
        t.set(row, RealServerColumn.DELAY_LOOP_USEC, orZero(Cells.micros(rs.delayLoop())));
        t.set(row, RealServerColumn.CONN_TIMEOUT_USEC, orZero(Cells.micros(rs.connectTimeout())));
        t.set(row, RealServerColumn.NAME, Cells.string(rs.snmpName()));
        return changed;
    }

    boolean applySorry(SorryServer s) {
        boolean changed = sorryConfig != null && !ConfigEquality.sameIgnoringLocation(sorryConfig, s);
        boolean fresh = sorryConfig == null;
        sorryConfig = s;
        table.set(row, RealServerColumn.TYPE, Cells.integer(2));
        fillEndpoint(s.address(), s.port(), s.forwarding());
        if (fresh) {
            setStats(IpvsStats.ZERO);
        }
        return changed;
    }

    private void fillEndpoint(InetAddress address, Integer port, ForwardingMethod fwd) {
        MibTable<RealServerColumn> t = table;
        t.set(row, RealServerColumn.ADDR_TYPE, Cells.addressType(address));
        t.set(row, RealServerColumn.ADDRESS, Cells.address(address));
        t.set(row, RealServerColumn.PORT, Cells.unsigned(port == null ? 0 : port));
        t.set(row, RealServerColumn.FORWARDING_METHOD, fwd == null ? null : Cells.integer(Forwarding.kind(fwd)));
        t.set(row, RealServerColumn.TUNNEL_TYPE, Forwarding.tunnelType(fwd));
        t.set(row, RealServerColumn.TUNNEL_PORT, Forwarding.tunnelPort(fwd));
        t.set(row, RealServerColumn.TUNNEL_CSUM, Forwarding.tunnelChecksum(fwd));
    }

    void removeRow() {
        table.removeRow(row.getIndex());
    }

    /** keepalived reports an unset timer as 0. */
    private static org.snmp4j.smi.UnsignedInteger32 orZero(org.snmp4j.smi.UnsignedInteger32 v) {
        return v == null ? Cells.unsigned(0) : v;
    }
}
