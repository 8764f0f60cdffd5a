package org.keepalive4j.mib.trap;

import java.util.ArrayList;
import java.util.List;
import org.keepalive4j.mib.KeepalivedOids;
import org.keepalive4j.mib.Notification;
import org.keepalive4j.mib.schema.RealServerColumn;
import org.keepalive4j.mib.schema.VirtualServerColumn;
import org.keepalive4j.mib.schema.VrrpInstanceColumn;
import org.keepalive4j.mib.schema.VrrpSyncGroupColumn;
import org.keepalive4j.mib.table.ColumnSpec;
import org.keepalive4j.mib.table.Cells;
import org.keepalive4j.mib.vrrp.VrrpState;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.Variable;
import org.snmp4j.smi.VariableBinding;

/**
 * Builds the four KEEPALIVED-MIB notifications with the varbinds keepalived 2.2 sends, in its order
 * (keepalived/vrrp/vrrp_snmp.c vrrp_snmp_instance_trap and vrrp_snmp_group_trap,
 * keepalived/check/check_snmp.c check_snmp_rs_trap).
 *
 * <p>keepalived names each table varbind by its bare column OID, without the row index (e.g.
 * vrrpInstanceName as ...9586.100.5.2.3.1.2), and routerId as the scalar instance routerId.0.
 * snmptrapd prints that form, and existing triggers (Zabbix templates) match its text, so it is the
 * default; {@code indexed} appends each row's index instead, as SNMP intends.
 */
public final class TrapBuilder {

    private final boolean indexed;

    public TrapBuilder(boolean indexed) {
        this.indexed = indexed;
    }

    /** vrrpInstanceName, vrrpInstanceState, vrrpInstanceInitialState, routerId. */
    public Notification vrrpInstanceStateChange(OID instanceIndex, String name, VrrpState state,
                                                VrrpState initialState, String routerId) {
        OID entry = VrrpInstanceColumn.ENTRY;
        List<VariableBinding> vbs = new ArrayList<>(4);
        vbs.add(column(entry, VrrpInstanceColumn.NAME, instanceIndex, new OctetString(name)));
        vbs.add(column(entry, VrrpInstanceColumn.STATE, instanceIndex, Cells.integer(state.value())));
        vbs.add(column(entry, VrrpInstanceColumn.INITIAL_STATE, instanceIndex, Cells.integer(initialState.value())));
        vbs.add(routerId(routerId));
        return new Notification(KeepalivedOids.VRRP_INSTANCE_STATE_CHANGE, vbs);
    }

    /** vrrpSyncGroupName, vrrpSyncGroupState, routerId. */
    public Notification vrrpSyncGroupStateChange(OID groupIndex, String name, VrrpState state, String routerId) {
        OID entry = VrrpSyncGroupColumn.ENTRY;
        List<VariableBinding> vbs = new ArrayList<>(3);
        vbs.add(column(entry, VrrpSyncGroupColumn.NAME, groupIndex, new OctetString(name)));
        vbs.add(column(entry, VrrpSyncGroupColumn.STATE, groupIndex, Cells.integer(state.value())));
        vbs.add(routerId(routerId));
        return new Notification(KeepalivedOids.VRRP_SYNC_GROUP_STATE_CHANGE, vbs);
    }

    /**
     * realServerAddrType, realServerAddress, realServerPort, realServerStatus, then the virtual server
     * (see {@link #virtualServerVarbinds}), virtualServerRealServersUp, virtualServerRealServersTotal,
     * routerId.
     */
    public Notification realServerStateChange(RealServerFacts rs, VirtualServerFacts vs, String routerId) {
        OID entry = RealServerColumn.ENTRY;
        List<VariableBinding> vbs = new ArrayList<>(11);
        vbs.add(column(entry, RealServerColumn.ADDR_TYPE, rs.index(), Cells.addressType(rs.address())));
        vbs.add(column(entry, RealServerColumn.ADDRESS, rs.index(), Cells.address(rs.address())));
        vbs.add(column(entry, RealServerColumn.PORT, rs.index(), Cells.unsigned(rs.port())));
        vbs.add(column(entry, RealServerColumn.STATUS, rs.index(), Cells.truth(rs.alive())));
        virtualServerVarbinds(vs, vbs);
        vbs.add(vsColumn(VirtualServerColumn.REAL_SERVERS_UP, vs, Cells.unsigned(vs.realServersUp())));
        vbs.add(vsColumn(VirtualServerColumn.REAL_SERVERS_TOTAL, vs, Cells.unsigned(vs.realServersTotal())));
        vbs.add(routerId(routerId));
        return new Notification(KeepalivedOids.REAL_SERVER_STATE_CHANGE, vbs);
    }

    /**
     * The virtual server (see {@link #virtualServerVarbinds}), virtualServerQuorumStatus,
     * virtualServerQuorum, virtualServerRealServersUp, virtualServerRealServersTotal, routerId.
     */
    public Notification virtualServerQuorumStateChange(VirtualServerFacts vs, int quorumStatus, long quorum,
                                                       String routerId) {
        List<VariableBinding> vbs = new ArrayList<>(10);
        virtualServerVarbinds(vs, vbs);
        vbs.add(vsColumn(VirtualServerColumn.QUORUM_STATUS, vs, Cells.integer(quorumStatus)));
        vbs.add(vsColumn(VirtualServerColumn.QUORUM, vs, Cells.unsigned(quorum)));
        vbs.add(vsColumn(VirtualServerColumn.REAL_SERVERS_UP, vs, Cells.unsigned(vs.realServersUp())));
        vbs.add(vsColumn(VirtualServerColumn.REAL_SERVERS_TOTAL, vs, Cells.unsigned(vs.realServersTotal())));
        vbs.add(routerId(routerId));
        return new Notification(KeepalivedOids.VIRTUAL_SERVER_QUORUM_STATE_CHANGE, vbs);
    }

    /**
     * virtualServerType, then virtualServerNameOfGroup for a group service, virtualServerFwMark for a
     * fwmark service, or virtualServerAddrType, virtualServerAddress, virtualServerPort, and last
     * virtualServerProtocol.
     */
    private void virtualServerVarbinds(VirtualServerFacts vs, List<VariableBinding> vbs) {
        vbs.add(vsColumn(VirtualServerColumn.TYPE, vs, Cells.integer(vs.type())));
        switch (vs.type()) {
            case VirtualServerFacts.TYPE_GROUP ->
                    vbs.add(vsColumn(VirtualServerColumn.NAME_OF_GROUP, vs, new OctetString(vs.groupName())));
            case VirtualServerFacts.TYPE_FWMARK ->
                    vbs.add(vsColumn(VirtualServerColumn.FW_MARK, vs, Cells.unsigned(vs.fwmark())));
            default -> {
                vbs.add(vsColumn(VirtualServerColumn.ADDR_TYPE, vs, Cells.addressType(vs.address())));
                vbs.add(vsColumn(VirtualServerColumn.ADDRESS, vs, Cells.address(vs.address())));
                vbs.add(vsColumn(VirtualServerColumn.PORT, vs, Cells.unsigned(vs.port())));
            }
        }
        vbs.add(vsColumn(VirtualServerColumn.PROTOCOL, vs, Cells.integer(vs.protocol())));
    }

    private VariableBinding vsColumn(VirtualServerColumn c, VirtualServerFacts vs, Variable v) {
        return column(VirtualServerColumn.ENTRY, c, vs.index(), v);
    }

    private VariableBinding column(OID entry, ColumnSpec column, OID index, Variable value) {
        OID oid = KeepalivedOids.sub(entry, column.id());
        if (indexed) {
            oid.append(index);
        }
        return new VariableBinding(oid, value);
    }

    private static VariableBinding routerId(String routerId) {
        return new VariableBinding(KeepalivedOids.sub(KeepalivedOids.ROUTER_ID, 0), new OctetString(routerId));
    }
}
