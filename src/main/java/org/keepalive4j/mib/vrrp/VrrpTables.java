package org.keepalive4j.mib.vrrp;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToIntFunction;
import org.keepalive4j.config.model.KeepalivedConfig;
import org.keepalive4j.config.model.VrrpInstance;
import org.keepalive4j.config.model.VrrpScript;
import org.keepalive4j.config.model.VrrpSyncGroup;
import org.keepalive4j.mib.schema.VrrpAddressColumn;
import org.keepalive4j.mib.schema.VrrpInstanceColumn;
import org.keepalive4j.mib.schema.VrrpRouteColumn;
import org.keepalive4j.mib.schema.VrrpRuleColumn;
import org.keepalive4j.mib.schema.VrrpScriptColumn;
import org.keepalive4j.mib.schema.VrrpSyncGroupColumn;
import org.keepalive4j.mib.schema.VrrpSyncGroupMemberColumn;
import org.keepalive4j.mib.schema.VrrpTrackedInterfaceColumn;
import org.keepalive4j.mib.schema.VrrpTrackedScriptColumn;
import org.keepalive4j.mib.table.IndexAllocator;
import org.keepalive4j.mib.table.MibTable;
import org.keepalive4j.mib.table.Reconciler;
import org.keepalive4j.mib.table.SetHandler;
import org.keepalive4j.mib.trap.TrapEmitter;
import org.snmp4j.agent.ManagedObject;
import org.snmp4j.smi.OID;

/**
 * The VRRP part of KEEPALIVED-MIB: builds its tables from the configuration, keeps each object's
 * row across reloads, and accepts the two VRRP SETs (vrrpInstanceBasePriority 1..254,
 * vrrpInstancePreempt preempt(1)/noPreempt(2)). Build and reload run on one thread at a time; the
 * row-view maps are concurrent so engines can look rows up from their own threads.
 */
public final class VrrpTables {

    final MibTable<VrrpSyncGroupColumn> syncGroups = new MibTable<>(VrrpSyncGroupColumn.ENTRY,
            VrrpSyncGroupColumn.INDEX_LENGTH, VrrpSyncGroupColumn.class);
    final MibTable<VrrpSyncGroupMemberColumn> syncGroupMembers = new MibTable<>(VrrpSyncGroupMemberColumn.ENTRY,
            VrrpSyncGroupMemberColumn.INDEX_LENGTH, VrrpSyncGroupMemberColumn.class);
    final MibTable<VrrpInstanceColumn> instances = new MibTable<>(VrrpInstanceColumn.ENTRY,
            VrrpInstanceColumn.INDEX_LENGTH, VrrpInstanceColumn.class);
    final MibTable<VrrpTrackedInterfaceColumn> trackedInterfaces = new MibTable<>(VrrpTrackedInterfaceColumn.ENTRY,
            VrrpTrackedInterfaceColumn.INDEX_LENGTH, VrrpTrackedInterfaceColumn.class);
    final MibTable<VrrpTrackedScriptColumn> trackedScripts = new MibTable<>(VrrpTrackedScriptColumn.ENTRY,
            VrrpTrackedScriptColumn.INDEX_LENGTH, VrrpTrackedScriptColumn.class);
    final MibTable<VrrpAddressColumn> addresses = new MibTable<>(VrrpAddressColumn.ENTRY,
            VrrpAddressColumn.INDEX_LENGTH, VrrpAddressColumn.class);
    final MibTable<VrrpRouteColumn> routes = new MibTable<>(VrrpRouteColumn.ENTRY,
            VrrpRouteColumn.INDEX_LENGTH, VrrpRouteColumn.class);
    final MibTable<VrrpRuleColumn> rules = new MibTable<>(VrrpRuleColumn.ENTRY,
            VrrpRuleColumn.INDEX_LENGTH, VrrpRuleColumn.class);
    final MibTable<VrrpScriptColumn> scripts = new MibTable<>(VrrpScriptColumn.ENTRY,
            VrrpScriptColumn.INDEX_LENGTH, VrrpScriptColumn.class);

    private final TrapEmitter traps;
    private final ToIntFunction<String> ifIndex;
    private final IndexAllocator<String> instanceIndexes = new IndexAllocator<>();
    private final IndexAllocator<String> groupIndexes = new IndexAllocator<>();
    private final IndexAllocator<String> scriptIndexes = new IndexAllocator<>();
    private final Map<String, VrrpInstanceRow> instanceByName = new LinkedHashMap<>();
    private final Map<String, VrrpSyncGroupRow> groupByName = new LinkedHashMap<>();
    private final Map<String, VrrpScriptRow> scriptByName = new LinkedHashMap<>();
    // published copies for lookups from engine and AgentX threads
    private final Map<OID, VrrpInstanceRow> instanceByIndex = new ConcurrentHashMap<>();
    private volatile List<VrrpInstanceRow> instanceList = List.of();
    private volatile Map<String, VrrpInstanceRow> instanceMap = Map.of();
    private volatile List<VrrpSyncGroupRow> groupList = List.of();
    private volatile List<VrrpScriptRow> scriptList = List.of();

    /** @param ifIndex the kernel ifIndex of an interface name, 0 when there is none */
    public VrrpTables(TrapEmitter traps, ToIntFunction<String> ifIndex) {
        this.traps = traps;
        this.ifIndex = ifIndex;
        SetHandler.integerColumn(instances, VrrpInstanceColumn.BASE_PRIORITY, p -> p >= 1 && p <= 254,
                (index, value) -> instance(index).ifPresent(r -> r.basePrioritySetBySnmp(value)));
        SetHandler.integerColumn(instances, VrrpInstanceColumn.PREEMPT, p -> p == 1 || p == 2,
                (index, value) -> instance(index).ifPresent(r -> r.preemptSetBySnmp(value == 1)));
    }

    public List<ManagedObject<?>> managedObjects() {
        return List.of(syncGroups.managedObject(), syncGroupMembers.managedObject(), instances.managedObject(),
                trackedInterfaces.managedObject(), trackedScripts.managedObject(), addresses.managedObject(),
                routes.managedObject(), rules.managedObject(), scripts.managedObject());
    }

    /** Creates, updates and removes rows to match {@code config}. */
    public VrrpChanges apply(KeepalivedConfig config) {
        Map<String, String> groupOf = new LinkedHashMap<>();
        for (VrrpSyncGroup g : config.syncGroups()) {
            g.members().forEach(m -> groupOf.putIfAbsent(m, g.name()));
        }
        Map<String, VrrpScript> scriptMap = new LinkedHashMap<>();
        config.vrrpScripts().forEach(s -> scriptMap.putIfAbsent(s.name(), s));
        VrrpContext ctx = new VrrpContext(config.global(), groupOf, scriptMap, ifIndex);

        var scriptChanges = Reconciler.reconcile(scriptByName, config.vrrpScripts(), VrrpScript::name,
                s -> {
                    OID index = new OID(new int[] {scriptIndexes.indexOf(s.name())});
                    VrrpScriptRow r = new VrrpScriptRow(scripts, scripts.addRow(index));
                    r.apply(s);
                    return r;
                },
                VrrpScriptRow::apply,
                r -> {
                    r.removeRow();
                    scriptIndexes.release(r.name());
                });
        var groupChanges = Reconciler.reconcile(groupByName, config.syncGroups(), VrrpSyncGroup::name,
                g -> {
                    OID index = new OID(new int[] {groupIndexes.indexOf(g.name())});
                    VrrpSyncGroupRow r = new VrrpSyncGroupRow(syncGroups, syncGroups.addRow(index), traps,
                            syncGroupMembers);
                    r.apply(g);
                    return r;
                },
                VrrpSyncGroupRow::apply,
                r -> {
                    r.removeRows();
                    groupIndexes.release(r.name());
                });
        var instanceChanges = Reconciler.reconcile(instanceByName, config.vrrpInstances(), VrrpInstance::name,
                c -> {
                    OID index = new OID(new int[] {instanceIndexes.indexOf(c.name())});
                    VrrpInstanceRow r = new VrrpInstanceRow(instances, instances.addRow(index), traps,
                            new InstanceChildren(this, index));
                    r.apply(c, ctx);
                    instanceByIndex.put(index, r);
                    return r;
                },
                (r, c) -> r.apply(c, ctx),
                r -> {
                    r.removeRows();
                    instanceByIndex.remove(r.index());
                    instanceIndexes.release(r.name());
                });
        instanceList = List.copyOf(instanceByName.values());
        instanceMap = Map.copyOf(instanceByName);
        groupList = List.copyOf(groupByName.values());
        scriptList = List.copyOf(scriptByName.values());
        return new VrrpChanges(instanceChanges, groupChanges, scriptChanges);
    }

    public List<VrrpInstanceRow> instances() {
        return instanceList;
    }

    public Optional<VrrpInstanceRow> instance(String name) {
        return Optional.ofNullable(instanceMap.get(name));
    }

    public Optional<VrrpInstanceRow> instance(OID index) {
        return Optional.ofNullable(instanceByIndex.get(index));
    }

    public List<VrrpSyncGroupRow> syncGroups() {
        return groupList;
    }

    public Optional<VrrpSyncGroupRow> syncGroup(String name) {
        return groupList.stream().filter(r -> r.name().equals(name)).findFirst();
    }

    public List<VrrpScriptRow> scripts() {
        return scriptList;
    }
}
