package org.keepalive4j.mib.vrrp;

import org.keepalive4j.config.model.NotifyScripts;
import org.keepalive4j.config.model.VrrpSyncGroup;
import org.keepalive4j.mib.schema.VrrpSyncGroupColumn;
import org.keepalive4j.mib.schema.VrrpSyncGroupMemberColumn;
import org.keepalive4j.mib.table.CellRow;
import org.keepalive4j.mib.table.Cells;
import org.keepalive4j.mib.table.ChildRows;
import org.keepalive4j.mib.table.ConfigEquality;
import org.keepalive4j.mib.table.MibTable;
import org.keepalive4j.mib.trap.TrapEmitter;
import org.snmp4j.smi.OID;

/**
 * The typed view of one vrrpSyncGroupTable row and its vrrpSyncGroupMemberTable rows. Identity: the
 * group name; a member row's identity: the instance name. The VRRP loop thread calls
 * {@link #setState}; reload runs on the reload thread.
 */
public final class VrrpSyncGroupRow {

    private final MibTable<VrrpSyncGroupColumn> table;
    private final CellRow row;
    private final TrapEmitter traps;
    private final ChildRows<String, VrrpSyncGroupMemberColumn> members;
    private volatile VrrpSyncGroup config;
    private VrrpState state = VrrpState.INIT; // guarded by this

    VrrpSyncGroupRow(MibTable<VrrpSyncGroupColumn> table, CellRow row, TrapEmitter traps,
                     MibTable<VrrpSyncGroupMemberColumn> memberTable) {
        this.table = table;
        this.row = row;
        this.traps = traps;
        this.members = new ChildRows<>(memberTable, row.getIndex());
    }

    public String name() {
        return config.name();
    }

    public OID index() {
        return row.getIndex();
    }

    public VrrpSyncGroup config() {
        return config;
    }

    /** vrrpSyncGroupState; sends vrrpSyncGroupStateChange when it really changes and traps are on. */
    public synchronized void setState(VrrpState newState) {
        if (newState == state) {
            return;
        }
        state = newState;
        table.set(row, VrrpSyncGroupColumn.STATE, Cells.integer(newState.value()));
        String name = config.name();
        traps.emit(s -> s.builder().vrrpSyncGroupStateChange(row.getIndex(), name, newState, s.routerId()));
    }

    public synchronized VrrpState state() {
        return state;
    }

    boolean apply(VrrpSyncGroup g) {
        boolean changed = config != null && !ConfigEquality.sameIgnoringLocation(config, g);
        boolean fresh = config == null;
        config = g;
        table.set(row, VrrpSyncGroupColumn.NAME, Cells.string(g.name()));
        if (fresh) {
            table.set(row, VrrpSyncGroupColumn.STATE, Cells.integer(VrrpState.INIT.value()));
        }
        NotifyScripts n = g.notifyScripts() == null ? NotifyScripts.NONE : g.notifyScripts();
        table.set(row, VrrpSyncGroupColumn.SMTP_ALERT, Cells.truth(g.smtpAlert()));
        table.set(row, VrrpSyncGroupColumn.NOTIFY_EXEC,
                Cells.truth(n.master() != null || n.backup() != null || n.fault() != null || n.stop() != null
                        || n.any() != null));
        table.set(row, VrrpSyncGroupColumn.SCRIPT_MASTER, VrrpInstanceRow.command(n.master()));
        table.set(row, VrrpSyncGroupColumn.SCRIPT_BACKUP, VrrpInstanceRow.command(n.backup()));
        table.set(row, VrrpSyncGroupColumn.SCRIPT_FAULT, VrrpInstanceRow.command(n.fault()));
        table.set(row, VrrpSyncGroupColumn.SCRIPT, VrrpInstanceRow.command(n.any()));
        table.set(row, VrrpSyncGroupColumn.TRACKING_WEIGHT, Cells.truth(g.syncGroupTrackingWeight()));
        table.set(row, VrrpSyncGroupColumn.SCRIPT_STOP, VrrpInstanceRow.command(n.stop()));
        members.sync(g.members(), m -> m, (r, m) ->
                members.table().set(r, VrrpSyncGroupMemberColumn.NAME, Cells.string(m)));
        return changed;
    }

    void removeRows() {
        members.removeAll();
        table.removeRow(row.getIndex());
    }
}
