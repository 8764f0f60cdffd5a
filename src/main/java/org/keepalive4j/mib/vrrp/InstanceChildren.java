package org.keepalive4j.mib.vrrp;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.keepalive4j.config.model.RouteSpec;
import org.keepalive4j.config.model.RuleSpec;
import org.keepalive4j.config.model.TrackedInterface;
import org.keepalive4j.config.model.TrackedScript;
import org.keepalive4j.config.model.VirtualAddress;
import org.keepalive4j.config.model.VrrpInstance;
import org.keepalive4j.config.model.VrrpScript;
import org.keepalive4j.mib.schema.VrrpAddressColumn;
import org.keepalive4j.mib.schema.VrrpRouteColumn;
import org.keepalive4j.mib.schema.VrrpRuleColumn;
import org.keepalive4j.mib.schema.VrrpTrackedInterfaceColumn;
import org.keepalive4j.mib.schema.VrrpTrackedScriptColumn;
import org.keepalive4j.mib.table.CellRow;
import org.keepalive4j.mib.table.Cells;
import org.keepalive4j.mib.table.ChildRows;
import org.keepalive4j.mib.table.MibTable;
import org.keepalive4j.mib.table.RowIndexing;
import org.snmp4j.smi.OID;

/**
 * The rows an instance owns in the dependent VRRP tables: addresses, tracked interfaces, tracked
 * scripts, virtual routes and rules. Identities: an address by (address, prefix, device); a tracked
 * interface by its kernel ifIndex (the MIB's index; an interface the kernel does not know has no
 * row); a tracked script by script name; a route or rule by its ip-route/ip-rule text.
 */
final class InstanceChildren {

    /** An address's identity within its instance. */
    record AddressKey(InetAddress address, int prefixLength, String device) {
    }

    private final VrrpTables tables;
    private final ChildRows<AddressKey, VrrpAddressColumn> addressRows;
    private final ChildRows<Integer, VrrpTrackedInterfaceColumn> trackedInterfaceRows;
    private final ChildRows<String, VrrpTrackedScriptColumn> trackedScriptRows;
    private final ChildRows<String, VrrpRouteColumn> routeRows;
    private final ChildRows<String, VrrpRuleColumn> ruleRows;
    private volatile List<VrrpAddressRow> addresses = List.of();

    InstanceChildren(VrrpTables tables, OID instanceIndex) {
        this.tables = tables;
        this.addressRows = new ChildRows<>(tables.addresses, instanceIndex);
        this.trackedInterfaceRows = new ChildRows<>(tables.trackedInterfaces, instanceIndex, RowIndexing.fixed());
        this.trackedScriptRows = new ChildRows<>(tables.trackedScripts, instanceIndex);
        this.routeRows = new ChildRows<>(tables.routes, instanceIndex);
        this.ruleRows = new ChildRows<>(tables.rules, instanceIndex);
    }

    List<VrrpAddressRow> addresses() {
        return addresses;
    }

    void sync(VrrpInstance c, VrrpContext ctx) {
        syncAddresses(c, ctx);
        List<TrackedInterface> known = c.trackInterfaces().stream()
                .filter(ti -> ctx.ifIndex().applyAsInt(ti.name()) > 0).toList();
        MibTable<VrrpTrackedInterfaceColumn> ti = tables.trackedInterfaces;
        trackedInterfaceRows.sync(known, x -> ctx.ifIndex().applyAsInt(x.name()), (row, x) -> {
            ti.set(row, VrrpTrackedInterfaceColumn.NAME, Cells.string(x.name()));
            ti.set(row, VrrpTrackedInterfaceColumn.WEIGHT, Cells.integer(x.weight()));
            ti.set(row, VrrpTrackedInterfaceColumn.WGT_REV, Cells.truth(x.reverse()));
        });
        MibTable<VrrpTrackedScriptColumn> ts = tables.trackedScripts;
        trackedScriptRows.sync(c.trackScripts(), TrackedScript::name, (row, x) -> {
            VrrpScript script = ctx.scripts().get(x.name());
            int weight = x.weight() != null ? x.weight() : script == null ? 0 : script.weight();
            boolean reverse = x.weight() != null ? x.reverse() : script != null && script.weightReverse();
            ts.set(row, VrrpTrackedScriptColumn.NAME, Cells.string(x.name()));
            ts.set(row, VrrpTrackedScriptColumn.WEIGHT, Cells.integer(weight));
            ts.set(row, VrrpTrackedScriptColumn.WGT_REV, Cells.truth(reverse));
        });
        routeRows.sync(c.virtualRoutes(), r -> String.join(" ", r.words()), (row, r) -> fillRoute(row, r, ctx));
        ruleRows.sync(c.virtualRules(), r -> String.join(" ", r.words()), this::fillRule);
    }

    private void syncAddresses(VrrpInstance c, VrrpContext ctx) {
        record Entry(VirtualAddress address, boolean advertised, String device) {
        }
        List<Entry> entries = new ArrayList<>();
        for (VirtualAddress a : c.virtualAddresses()) {
            entries.add(new Entry(a, true, Objects.requireNonNullElse(a.device(), c.interfaceName())));
        }
        for (VirtualAddress a : c.excludedAddresses()) {
            entries.add(new Entry(a, false, Objects.requireNonNullElse(a.device(), c.interfaceName())));
        }
        MibTable<VrrpAddressColumn> t = tables.addresses;
        addressRows.sync(entries, e -> new AddressKey(e.address().address(), e.address().prefixLength(), e.device()),
                (row, e) -> VrrpAddressRow.fill(t, row, e.address(), e.device(),
                        e.device() == null ? 0 : ctx.ifIndex().applyAsInt(e.device()), e.advertised()));
        List<VrrpAddressRow> views = new ArrayList<>();
        Map<AddressKey, CellRow> rows = addressRows.rows();
        for (Entry e : entries) {
            CellRow row = rows.get(new AddressKey(e.address().address(), e.address().prefixLength(), e.device()));
            views.add(new VrrpAddressRow(t, row, e.address(), e.advertised()));
        }
        addresses = List.copyOf(views);
    }

    /** The columns a virtual_routes line determines; the status starts unset. */
    private void fillRoute(CellRow row, RouteSpec r, VrrpContext ctx) {
        MibTable<VrrpRouteColumn> t = tables.routes;
        Prefix dst = Prefix.parse(r.destination());
        t.set(row, VrrpRouteColumn.ADDRESS_TYPE, Cells.addressType(dst == null ? null : dst.address()));
        t.set(row, VrrpRouteColumn.DESTINATION, Cells.address(dst == null ? null : dst.address()));
        t.set(row, VrrpRouteColumn.DESTINATION_MASK, dst == null ? null : Cells.unsigned(dst.length()));
        t.set(row, VrrpRouteColumn.GATEWAY, Cells.address(r.gateways().isEmpty() ? null : Prefix.literal(r.gateways().get(0))));
        t.set(row, VrrpRouteColumn.SECONDARY_GATEWAY,
                Cells.address(r.gateways().size() < 2 ? null : Prefix.literal(r.gateways().get(1))));
        t.set(row, VrrpRouteColumn.SOURCE, Cells.address(r.source() == null ? null : Prefix.literal(r.source())));
        t.set(row, VrrpRouteColumn.TYPE, Cells.integer(routeType(r.type())));
        t.set(row, VrrpRouteColumn.IF_NAME, Cells.string(r.device()));
        int ifIndex = r.device() == null ? 0 : ctx.ifIndex().applyAsInt(r.device());
        t.set(row, VrrpRouteColumn.IF_INDEX, ifIndex > 0 ? Cells.integer(ifIndex) : null);
        t.set(row, VrrpRouteColumn.ROUTING_TABLE, Cells.unsigned(routingTable(r.table())));
        if (t.get(row, VrrpRouteColumn.STATUS) == null) {
            t.set(row, VrrpRouteColumn.STATUS, Cells.truth(false));
        }
    }

    /** The columns a virtual_rules line determines; the status starts unset. */
    private void fillRule(CellRow row, RuleSpec r) {
        MibTable<VrrpRuleColumn> t = tables.rules;
        Prefix from = r.from() == null ? null : Prefix.parse(r.from());
        Prefix to = r.to() == null ? null : Prefix.parse(r.to());
        if (from != null) {
            t.set(row, VrrpRuleColumn.SOURCE_ADDRESS_TYPE, Cells.addressType(from.address()));
            t.set(row, VrrpRuleColumn.SOURCE_ADDRESS, Cells.address(from.address()));
            t.set(row, VrrpRuleColumn.SOURCE_ADDRESS_MASK, Cells.unsigned(from.length()));
        }
        if (to != null) {
            t.set(row, VrrpRuleColumn.DESTINATION_ADDRESS_TYPE, Cells.addressType(to.address()));
            t.set(row, VrrpRuleColumn.DESTINATION_ADDRESS, Cells.address(to.address()));
            t.set(row, VrrpRuleColumn.DESTINATION_ADDRESS_MASK, Cells.unsigned(to.length()));
        }
        if (r.table() != null) {
            t.set(row, VrrpRuleColumn.ROUTING_TABLE, Cells.unsigned(routingTable(r.table())));
        }
        if (r.preference() != null) {
            t.set(row, VrrpRuleColumn.PREFERENCE, Cells.unsigned(r.preference()));
        }
        if (t.get(row, VrrpRuleColumn.STATUS) == null) {
            t.set(row, VrrpRuleColumn.STATUS, Cells.truth(false));
        }
    }

    void removeAll() {
        addressRows.removeAll();
        trackedInterfaceRows.removeAll();
        trackedScriptRows.removeAll();
        routeRows.removeAll();
        ruleRows.removeAll();
        addresses = List.of();
    }

    /** RouteType as the MIB enumerates it. */
    static int routeType(String type) {
        if (type == null) {
            return 1;
        }
        return switch (type) {
            case "blackhole" -> 3;
            case "anycast" -> 4;
            case "multicast" -> 5;
            case "broadcast" -> 6;
            case "unreachable" -> 7;
            case "prohibit" -> 8;
            case "throw" -> 9;
            default -> 1;
        };
    }

    /** The routing table number; the main table (254) when none or a name other than ip(8)'s own. */
    static long routingTable(String table) {
        if (table == null) {
            return 254;
        }
        return switch (table) {
            case "main" -> 254;
            case "local" -> 255;
            case "default" -> 253;
            default -> {
                try {
                    yield Long.parseLong(table);
                } catch (NumberFormatException e) {
                    yield 254;
                }
            }
        };
    }
}
