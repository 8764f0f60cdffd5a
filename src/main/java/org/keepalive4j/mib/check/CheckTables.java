package org.keepalive4j.mib.check;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.keepalive4j.config.model.IpFamily;
import org.keepalive4j.config.model.KeepalivedConfig;
import org.keepalive4j.config.model.VirtualServerGroup;
import org.keepalive4j.mib.schema.RealServerColumn;
import org.keepalive4j.mib.schema.VirtualServerColumn;
import org.keepalive4j.mib.schema.VirtualServerGroupColumn;
import org.keepalive4j.mib.schema.VirtualServerGroupMemberColumn;
import org.keepalive4j.mib.table.CellRow;
import org.keepalive4j.mib.table.Cells;
import org.keepalive4j.mib.table.Changes;
import org.keepalive4j.mib.table.ChildRows;
import org.keepalive4j.mib.table.IndexAllocator;
import org.keepalive4j.mib.table.MibTable;
import org.keepalive4j.mib.table.Reconciler;
import org.keepalive4j.mib.table.SetHandler;
import org.keepalive4j.mib.trap.TrapEmitter;
import org.snmp4j.agent.ManagedObject;
import org.snmp4j.smi.OID;

/**
 * The checker part of KEEPALIVED-MIB: virtual server groups and their members, virtual servers and
 * real servers, kept across reloads by identity, and the realServerWeight SET (0..65535, IPVS's
 * range; 0 drains the server). Build and reload run on one thread at a time.
 */
public final class CheckTables {

    /** The widest weight IPVS tools accept; the MIB itself only says Integer32. */
    public static final int MAX_WEIGHT = 65535;

    private final MibTable<VirtualServerGroupColumn> groups = new MibTable<>(VirtualServerGroupColumn.ENTRY,
            VirtualServerGroupColumn.INDEX_LENGTH, VirtualServerGroupColumn.class);
    private final MibTable<VirtualServerGroupMemberColumn> groupMembers = new MibTable<>(
            VirtualServerGroupMemberColumn.ENTRY, VirtualServerGroupMemberColumn.INDEX_LENGTH,
            VirtualServerGroupMemberColumn.class);
    private final MibTable<VirtualServerColumn> virtualServers = new MibTable<>(VirtualServerColumn.ENTRY,
            VirtualServerColumn.INDEX_LENGTH, VirtualServerColumn.class);
    private final MibTable<RealServerColumn> realServers = new MibTable<>(RealServerColumn.ENTRY,
            RealServerColumn.INDEX_LENGTH, RealServerColumn.class);

    private final TrapEmitter traps;
    private final IndexAllocator<String> groupIndexes = new IndexAllocator<>();
    private final IndexAllocator<VirtualServerKey> vsIndexes = new IndexAllocator<>();
    private final Map<String, ChildRows<VirtualServerGroup.Entry, VirtualServerGroupMemberColumn>> groupRows =
            new LinkedHashMap<>();
    private final Map<VirtualServerKey, VirtualServerRow> vsByKey = new LinkedHashMap<>();
    private final Map<OID, RealServerRow> realServerByIndex = new ConcurrentHashMap<>();
    private volatile List<VirtualServerRow> vsList = List.of();
    private volatile Map<VirtualServerKey, VirtualServerRow> vsMap = Map.of();

    public CheckTables(TrapEmitter traps) {
        this.traps = traps;
        SetHandler.integerColumn(realServers, RealServerColumn.WEIGHT,
                index -> realServer(index).map(r -> !r.isSorryServer()).orElse(false),
                w -> w >= 0 && w <= MAX_WEIGHT,
                (index, value) -> realServer(index).ifPresent(r -> r.weightSetBySnmp(value)));
    }

    /**
     * Runs {@code hook} on the reading (AgentX) thread before any statistics value (virtualServerStats*,
     * virtualServerRate*, realServerStats*, realServerRate*) is served: the check engine uses it to
     * keep them fresh. Cheap when the values are fresh; bounded when not (see the engine).
     */
    public void onStatisticsRead(Runnable hook) {
        virtualServers.onRead(statistics(VirtualServerColumn.class), hook);
        realServers.onRead(statistics(RealServerColumn.class), hook);
    }

    private static <C extends Enum<C>> java.util.Set<C> statistics(Class<C> columns) {
        java.util.Set<C> out = java.util.EnumSet.noneOf(columns);
        for (C c : columns.getEnumConstants()) {
            if (c.name().startsWith("STATS_") || c.name().startsWith("RATE_")) {
                out.add(c);
            }
        }
        return out;
    }

    public List<ManagedObject<?>> managedObjects() {
        return List.of(groups.managedObject(), groupMembers.managedObject(), virtualServers.managedObject(),
                realServers.managedObject());
    }

    public CheckChanges apply(KeepalivedConfig config) {
        Map<String, VirtualServerGroup> groupsByName = new LinkedHashMap<>();
        config.virtualServerGroups().forEach(g -> groupsByName.putIfAbsent(g.name(), g));
        applyGroups(groupsByName);

        List<RealServerRow> addedRs = new ArrayList<>();
        List<RealServerRow> changedRs = new ArrayList<>();
        List<RealServerRow> removedRs = new ArrayList<>();
        Changes<VirtualServerRow> vsChanges = Reconciler.reconcile(vsByKey, config.virtualServers(),
                VirtualServerKey::of,
                vs -> {
                    OID index = new OID(new int[] {vsIndexes.indexOf(VirtualServerKey.of(vs))});
                    VirtualServerRow r = new VirtualServerRow(virtualServers, realServers,
                            virtualServers.addRow(index), traps, realServerByIndex);
                    r.apply(vs, groupsByName, addedRs, changedRs, removedRs);
                    return r;
                },
                (r, vs) -> r.apply(vs, groupsByName, addedRs, changedRs, removedRs),
                r -> {
                    removedRs.addAll(r.realServers());
                    r.removeRows();
                    vsIndexes.release(r.key());
                });
        vsList = List.copyOf(vsByKey.values());
        vsMap = Map.copyOf(vsByKey);
        return new CheckChanges(vsChanges, new Changes<>(addedRs, changedRs, removedRs));
    }

    /** Group identity: its name; a member's: the fwmark (and family) or the address range and port. */
    private void applyGroups(Map<String, VirtualServerGroup> wanted) {
        groupRows.entrySet().removeIf(e -> {
            if (!wanted.containsKey(e.getKey())) {
                e.getValue().removeAll();
                groups.removeRow(new OID(new int[] {groupIndexes.indexOf(e.getKey())}));
                groupIndexes.release(e.getKey());
                return true;
            }
            return false;
        });
        for (VirtualServerGroup g : wanted.values()) {
            OID index = new OID(new int[] {groupIndexes.indexOf(g.name())});
            CellRow row = groups.row(index);
            if (row == null) {
                row = groups.addRow(index);
            }
            groups.set(row, VirtualServerGroupColumn.NAME, Cells.string(g.name()));
            groupRows.computeIfAbsent(g.name(), n -> new ChildRows<>(groupMembers, index))
                    .sync(g.entries(), CheckTables::memberIdentity, this::fillMember);
        }
    }

    /** The entry without its source location. */
    private static VirtualServerGroup.Entry memberIdentity(VirtualServerGroup.Entry e) {
        if (e instanceof VirtualServerGroup.Fwmark f) {
            return new VirtualServerGroup.Fwmark(f.mark(), f.family(), null);
        }
        VirtualServerGroup.AddressRange r = (VirtualServerGroup.AddressRange) e;
        return new VirtualServerGroup.AddressRange(r.first(), r.last(), r.port(), null);
    }

    private void fillMember(CellRow row, VirtualServerGroup.Entry e) {
        MibTable<VirtualServerGroupMemberColumn> t = groupMembers;
        if (e instanceof VirtualServerGroup.Fwmark f) {
            t.set(row, VirtualServerGroupMemberColumn.TYPE, Cells.integer(1));
            t.set(row, VirtualServerGroupMemberColumn.FW_MARK, Cells.unsigned(f.mark()));
            t.set(row, VirtualServerGroupMemberColumn.ADDR_TYPE, Cells.integer(f.family() == IpFamily.INET6 ? 2 : 1));
            return;
        }
        VirtualServerGroup.AddressRange r = (VirtualServerGroup.AddressRange) e;
        InetAddress first = r.first();
        t.set(row, VirtualServerGroupMemberColumn.TYPE, Cells.integer(r.isSingle() ? 2 : 3));
        t.set(row, VirtualServerGroupMemberColumn.ADDR_TYPE, Cells.addressType(first));
        t.set(row, VirtualServerGroupMemberColumn.ADDRESS, r.isSingle() ? Cells.address(first) : null);
        t.set(row, VirtualServerGroupMemberColumn.ADDR1, r.isSingle() ? null : Cells.address(first));
        t.set(row, VirtualServerGroupMemberColumn.ADDR2, r.isSingle() ? null : Cells.address(r.last()));
        t.set(row, VirtualServerGroupMemberColumn.PORT, Cells.unsigned(r.port() == null ? 0 : r.port()));
    }

    public List<VirtualServerRow> virtualServers() {
        return vsList;
    }

    public Optional<VirtualServerRow> virtualServer(VirtualServerKey key) {
        return Optional.ofNullable(vsMap.get(key));
    }

    public Optional<RealServerRow> realServer(OID index) {
        return Optional.ofNullable(realServerByIndex.get(index));
    }

    public int realServerRowCount() {
        return realServers.rowCount();
    }
}
