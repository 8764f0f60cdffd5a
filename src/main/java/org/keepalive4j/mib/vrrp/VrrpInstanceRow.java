package org.keepalive4j.mib.vrrp;

import java.net.InetAddress;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.keepalive4j.config.model.Authentication;
import org.keepalive4j.config.model.GlobalDefs;
import org.keepalive4j.config.model.NotifyScripts;
import org.keepalive4j.config.model.ScriptSpec;
import org.keepalive4j.config.model.VrrpInstance;
import org.keepalive4j.mib.schema.VrrpInstanceColumn;
import org.keepalive4j.mib.table.CellRow;
import org.keepalive4j.mib.table.Cells;
import org.keepalive4j.mib.table.ConfigEquality;
import org.keepalive4j.mib.table.MibTable;
import org.keepalive4j.mib.trap.TrapEmitter;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;

/**
 * The typed view of one vrrpInstanceTable row, for the VRRP engine. Identity: the instance name.
 *
 * <p>Threads: the engine's event-loop thread calls the state setters; SNMP SETs of base priority and
 * preempt arrive on an AgentX thread, are recorded as runtime overrides and handed to the listeners
 * there (listeners must not block: post to the loop); reload runs on the daemon's reload thread.
 * Every cell is an atomic reference, so readers on any thread see whole values; the state setters
 * synchronize on the row so "changed?", store and trap happen as one step.
 */
public final class VrrpInstanceRow {

    private static final Logger LOG = LogManager.getLogger(VrrpInstanceRow.class);

    private final MibTable<VrrpInstanceColumn> table;
    private final CellRow row;
    private final TrapEmitter traps;
    private final InstanceChildren children;
    private final List<Consumer<Integer>> basePriorityListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<Boolean>> preemptListeners = new CopyOnWriteArrayList<>();

    private volatile VrrpInstance config;
    private volatile String syncGroup;
    private volatile Integer basePriorityOverride;
    private volatile Boolean preemptOverride;
    private VrrpState state = VrrpState.INIT; // guarded by this

    VrrpInstanceRow(MibTable<VrrpInstanceColumn> table, CellRow row, TrapEmitter traps, InstanceChildren children) {
        this.table = table;
        this.row = row;
        this.traps = traps;
        this.children = children;
    }

    // ---- identity and configuration (any thread) ----

    public String name() {
        return config.name();
    }

    /** vrrpInstanceIndex. */
    public OID index() {
        return row.getIndex();
    }

    /** The configuration block the row reflects now. */
    public VrrpInstance config() {
        return config;
    }

    /** The priority to run with: the SNMP override if one is in force, else the configured one. */
    public int basePriority() {
        Integer o = basePriorityOverride;
        return o != null ? o : config.priority();
    }

    public boolean preempt() {
        Boolean o = preemptOverride;
        return o != null ? o : !config.nopreempt();
    }

    /** The base priority set over SNMP and still in force, or null. */
    public Integer basePriorityOverride() {
        return basePriorityOverride;
    }

    public Boolean preemptOverride() {
        return preemptOverride;
    }

    public List<VrrpAddressRow> addresses() {
        return children.addresses();
    }

    // ---- listeners for SNMP SETs (the engine registers; called on an AgentX thread) ----

    /** Called once per successful SET of vrrpInstanceBasePriority, with the new value. */
    public void onBasePriorityChanged(Consumer<Integer> listener) {
        basePriorityListeners.add(listener);
    }

    /** Called once per successful SET of vrrpInstancePreempt, with true for preempt(1). */
    public void onPreemptChanged(Consumer<Boolean> listener) {
        preemptListeners.add(listener);
    }

    // ---- engine writes (VRRP loop thread) ----

    /** vrrpInstanceState; sends vrrpInstanceStateChange when it really changes and traps are on. */
    public synchronized void setState(VrrpState newState) {
        if (newState == state) {
            return;
        }
        state = newState;
        table.set(row, VrrpInstanceColumn.STATE, Cells.integer(newState.value()));
        VrrpInstance c = config;
        traps.emit(s -> s.builder().vrrpInstanceStateChange(row.getIndex(), c.name(), newState,
                initialState(c), s.routerId()));
    }

    public synchronized VrrpState state() {
        return state;
    }

    public void setWantedState(VrrpState wanted) {
        table.set(row, VrrpInstanceColumn.WANTED_STATE, Cells.integer(wanted.value()));
    }

    public void setEffectivePriority(int priority) {
        table.set(row, VrrpInstanceColumn.EFFECTIVE_PRIORITY, Cells.integer(priority));
    }

    /** vrrpInstanceVipsStatus: allSet(1) when every virtual address is on its interface. */
    public void setVipsAllSet(boolean allSet) {
        table.set(row, VrrpInstanceColumn.VIPS_STATUS, Cells.truth(allSet));
    }

    // ---- SNMP SET commits (AgentX thread, after snmp4j-agent stored the cell) ----

    void basePrioritySetBySnmp(int value) {
        int old = basePriority();
        basePriorityOverride = value;
        LOG.info("SNMP SET vrrpInstanceBasePriority {} (instance {}): {} -> {}", index(), name(), old, value);
        basePriorityListeners.forEach(l -> l.accept(value));
    }

    void preemptSetBySnmp(boolean value) {
        boolean old = preempt();
        preemptOverride = value;
        LOG.info("SNMP SET vrrpInstancePreempt {} (instance {}): {} -> {}", index(), name(),
                old ? "preempt" : "noPreempt", value ? "preempt" : "noPreempt");
        preemptListeners.forEach(l -> l.accept(value));
    }

    // ---- build and reload (reload thread) ----

    /**
     * Applies a configuration to the row. An override survives unless the new configuration changed
     * that very field (then the administrator's file wins, as it would on a restart).
     *
     * @return true when the configuration or the instance's place in a sync group changed
     */
    boolean apply(VrrpInstance newConfig, VrrpContext ctx) {
        VrrpInstance old = config;
        String newGroup = ctx.groupOfInstance().get(newConfig.name());
        boolean changed = old != null
                && (!ConfigEquality.sameIgnoringLocation(old, newConfig) || !Objects.equals(syncGroup, newGroup));
        if (old != null && old.priority() != newConfig.priority()) {
            basePriorityOverride = null;
        }
        if (old != null && old.nopreempt() != newConfig.nopreempt()) {
            preemptOverride = null;
        }
        config = newConfig;
        syncGroup = newGroup;
        fill(newConfig, ctx, old == null);
        children.sync(newConfig, ctx);
        return changed;
    }

    void removeRows() {
        children.removeAll();
        table.removeRow(row.getIndex());
    }

    private void fill(VrrpInstance c, VrrpContext ctx, boolean fresh) {
        MibTable<VrrpInstanceColumn> t = table;
        GlobalDefs g = ctx.global();
        t.set(row, VrrpInstanceColumn.NAME, Cells.string(c.name()));
        t.set(row, VrrpInstanceColumn.VIRTUAL_ROUTER_ID, Cells.unsigned(c.virtualRouterId()));
        t.set(row, VrrpInstanceColumn.INITIAL_STATE, Cells.integer(initialState(c).value()));
        t.set(row, VrrpInstanceColumn.BASE_PRIORITY, Cells.integer(basePriority()));
        t.set(row, VrrpInstanceColumn.PREEMPT, Cells.truth(preempt()));
        if (fresh) {
            // what keepalived shows before its state machine ran: init, wanting the initial state,
            // at base priority, no address added yet
            t.set(row, VrrpInstanceColumn.STATE, Cells.integer(VrrpState.INIT.value()));
            t.set(row, VrrpInstanceColumn.WANTED_STATE, Cells.integer(initialState(c).value()));
            t.set(row, VrrpInstanceColumn.EFFECTIVE_PRIORITY, Cells.integer(basePriority()));
            t.set(row, VrrpInstanceColumn.VIPS_STATUS, Cells.truth(false));
        }
        t.set(row, VrrpInstanceColumn.PRIMARY_INTERFACE, Cells.string(c.interfaceName()));
        // keepalived reports tracked(1) when the instance has any tracked interface
        t.set(row, VrrpInstanceColumn.TRACK_PRIMARY_IF, Cells.truth(!c.trackInterfaces().isEmpty()));
        long advert = c.version() == 2 ? c.advertInterval().toSeconds() : c.advertInterval().toMillis() / 10;
        t.set(row, VrrpInstanceColumn.ADVERTISEMENTS_INT, Cells.unsigned(advert));
        t.set(row, VrrpInstanceColumn.PREEMPT_DELAY, Cells.seconds(c.preemptDelay()));
        t.set(row, VrrpInstanceColumn.AUTH_TYPE, Cells.integer(authType(c)));
        boolean syncd = g.lvsSyncDaemon() != null && c.name().equals(g.lvsSyncDaemon().vrrpInstance());
        t.set(row, VrrpInstanceColumn.LVS_SYNC_DAEMON, Cells.truth(syncd));
        t.set(row, VrrpInstanceColumn.LVS_SYNC_INTERFACE, syncd ? Cells.string(g.lvsSyncDaemon().interfaceName()) : null);
        t.set(row, VrrpInstanceColumn.SYNC_GROUP, Cells.string(syncGroup));
        t.set(row, VrrpInstanceColumn.GARP_DELAY, Cells.seconds(c.garpMasterDelay()));
        t.set(row, VrrpInstanceColumn.SMTP_ALERT, Cells.truth(c.smtpAlert()));
        NotifyScripts n = c.notifyScripts() == null ? NotifyScripts.NONE : c.notifyScripts();
        t.set(row, VrrpInstanceColumn.NOTIFY_EXEC, Cells.truth(hasAny(n)));
        t.set(row, VrrpInstanceColumn.SCRIPT_MASTER, command(n.master()));
        t.set(row, VrrpInstanceColumn.SCRIPT_BACKUP, command(n.backup()));
        t.set(row, VrrpInstanceColumn.SCRIPT_FAULT, command(n.fault()));
        t.set(row, VrrpInstanceColumn.SCRIPT_STOP, command(n.stop()));
        t.set(row, VrrpInstanceColumn.SCRIPT, command(n.any()));
        // keepalived answers accept only for VRRPv3 (0, outside the enumeration, for v2): we leave it out
        boolean accept = c.accept() != null ? c.accept()
                : !(c.strictMode() != null ? c.strictMode() : g.vrrpStrict());
        t.set(row, VrrpInstanceColumn.ACCEPT, c.version() == 3 ? Cells.truth(accept) : null);
        t.set(row, VrrpInstanceColumn.PROMOTE_SECONDARIES, Cells.truth(c.promoteSecondaries()));
        t.set(row, VrrpInstanceColumn.USE_LINKBEAT, Cells.truth(g.otherOptions().containsKey("linkbeat_use_polling")));
        t.set(row, VrrpInstanceColumn.VRRP_VERSION, Cells.integer(c.version()));
        t.set(row, VrrpInstanceColumn.SCRIPT_MSTR_RX_LOWER_PRI, command(n.masterRxLowerPri()));
        t.set(row, VrrpInstanceColumn.SCRIPT_DELETED, command(n.deleted()));
        t.set(row, VrrpInstanceColumn.NOTIFY_DELETED, Cells.truth(n.deleted() != null));
        InetAddress mcast = c.isUnicast() ? null
                : c.mcastDstIp() != null ? c.mcastDstIp() : c.ipv6() ? g.vrrpMcastGroup6() : g.vrrpMcastGroup4();
        t.set(row, VrrpInstanceColumn.MULTICAST_ADDRESS_TYPE, Cells.addressType(mcast));
        t.set(row, VrrpInstanceColumn.MULTICAST_ADDRESS, Cells.address(mcast));
    }

    /** vrrpInstanceInitialState: the configured state (keepalived's configured_state). */
    static VrrpState initialState(VrrpInstance c) {
        return c.initialState() == VrrpInstance.InitialState.MASTER ? VrrpState.MASTER : VrrpState.BACKUP;
    }

    private static int authType(VrrpInstance c) {
        Authentication a = c.authentication();
        if (c.version() != 2 || a == null) {
            return 0;
        }
        return a.type() == Authentication.Type.PASS ? 1 : 2;
    }

    private static boolean hasAny(NotifyScripts n) {
        return Stream.of(n.master(), n.backup(), n.fault(), n.stop(), n.any(), n.masterRxLowerPri(), n.deleted())
                .anyMatch(Objects::nonNull);
    }

    static OctetString command(ScriptSpec s) {
        return s == null ? null : Cells.string(s.command());
    }
}
