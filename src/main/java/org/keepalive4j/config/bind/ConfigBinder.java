package org.keepalive4j.config.bind;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.keepalive4j.config.Diagnostics;
import org.keepalive4j.config.model.GlobalDefs;
import org.keepalive4j.config.model.KeepalivedConfig;
import org.keepalive4j.config.model.RouteSpec;
import org.keepalive4j.config.model.RuleSpec;
import org.keepalive4j.config.model.StaticAddress;
import org.keepalive4j.config.model.VirtualServer;
import org.keepalive4j.config.model.VirtualServerGroup;
import org.keepalive4j.config.model.VrrpInstance;
import org.keepalive4j.config.model.VrrpScript;
import org.keepalive4j.config.model.VrrpSyncGroup;
import org.keepalive4j.config.text.ConfigNode;

/**
 * Binds the top level of the statement tree. keepalived lets blocks come in any order, so binding runs
 * in passes: global settings first (instances take their defaults from them), then vrrp_script (so
 * instances can check their track_script names), then everything else, then sync groups (which name
 * instances).
 */
public final class ConfigBinder {

    /** Global keywords keepalived accepts at the top level, outside global_defs. */
    private static final Set<String> TOP_LEVEL_GLOBALS = Set.of("net_namespace", "net_namespace_ipvs",
            "namespace_with_ipsets", "instance", "use_pid_dir", "linkbeat_use_polling", "child_wait_time");

    /** Valid keepalived blocks that keepalive4j does not implement: accepted with a warning. */
    private static final Set<String> NOT_IMPLEMENTED = Set.of("linkbeat_interfaces", "interface_up_down_delays",
            "garp_group", "vrrp_track_file", "track_file", "vrrp_track_process", "bfd_instance", "track_group", "SSL");

    private static final Set<String> TOP_LEVEL = Set.of("global_defs", "vrrp_script", "vrrp_sync_group",
            "vrrp_instance", "virtual_server_group", "virtual_server", "static_ipaddress", "static_routes",
            "static_rules", "linkbeat_interfaces", "interface_up_down_delays", "garp_group", "vrrp_track_file",
            "track_file", "vrrp_track_process", "bfd_instance", "track_group", "SSL", "net_namespace",
            "net_namespace_ipvs", "namespace_with_ipsets", "instance", "use_pid_dir", "linkbeat_use_polling",
            "child_wait_time");

    private final BindContext ctx;

    public ConfigBinder(Diagnostics diagnostics) {
        this.ctx = new BindContext(diagnostics);
    }

    public KeepalivedConfig bind(List<ConfigNode> top) {
        // Pass 1: global settings.
        GlobalDefsBinder.Draft gd = new GlobalDefsBinder.Draft();
        for (ConfigNode n : top) {
            if (n.keyword().equals("global_defs")) {
                if (ctx.requireBlock(n)) {
                    if (gd.location == org.keepalive4j.config.SourceLocation.UNKNOWN) {
                        gd.location = n.location();
                    }
                    GlobalDefsBinder.SPEC.bind(n.children(), gd, ctx);
                }
            } else if (TOP_LEVEL_GLOBALS.contains(n.keyword())) {
                GlobalDefsBinder.SPEC.bind(List.of(n), gd, ctx);
            }
        }
        GlobalDefs global = gd.freeze();

        // Pass 2: scripts.
        List<VrrpScript> scripts = new ArrayList<>();
        Set<String> scriptNames = new HashSet<>();
        for (ConfigNode n : top) {
            if (n.keyword().equals("vrrp_script")) {
                VrrpScript s = VrrpBinder.script(n, ctx);
                if (s != null && !scriptNames.add(s.name())) {
                    ctx.error(n, "vrrp_script " + s.name() + " is defined twice");
                } else if (s != null) {
                    scripts.add(s);
                }
            }
        }

        // Pass 3: everything else, in order.
        List<StaticAddress> staticAddresses = new ArrayList<>();
        List<RouteSpec> staticRoutes = new ArrayList<>();
        List<RuleSpec> staticRules = new ArrayList<>();
        List<VrrpInstance> instances = new ArrayList<>();
        List<VirtualServerGroup> vsGroups = new ArrayList<>();
        List<VirtualServer> servers = new ArrayList<>();
        List<ConfigNode> syncGroupNodes = new ArrayList<>();
        for (ConfigNode n : top) {
            switch (n.keyword()) {
                case "global_defs", "vrrp_script" -> { }
                case "vrrp_sync_group" -> syncGroupNodes.add(n);
                case "vrrp_instance" -> {
                    VrrpInstance i = VrrpBinder.instance(n, global, scriptNames, ctx);
                    if (i != null) {
                        instances.add(i);
                    }
                }
                case "static_ipaddress" -> AddressLines.addresses(n, ctx)
                        .forEach(a -> staticAddresses.add(new StaticAddress(a)));
                case "static_routes" -> staticRoutes.addAll(AddressLines.routes(n, ctx));
                case "static_rules" -> staticRules.addAll(AddressLines.rules(n, ctx));
                case "virtual_server_group" -> {
                    VirtualServerGroup g = LvsBinder.group(n, ctx);
                    if (g != null) {
                        vsGroups.add(g);
                    }
                }
                case "virtual_server" -> {
                    VirtualServer v = LvsBinder.virtualServer(n, global, ctx);
                    if (v != null) {
                        servers.add(v);
                    }
                }
                default -> {
                    if (NOT_IMPLEMENTED.contains(n.keyword())) {
                        ctx.warning(n, "valid keepalived block, not implemented by keepalive4j: ignored");
                    } else if (!TOP_LEVEL_GLOBALS.contains(n.keyword())) {
                        ctx.unknownKeyword(n, "the top level", TOP_LEVEL);
                    }
                }
            }
        }
        checkInstances(instances);
        List<VirtualServer> usableServers = LvsBinder.crossCheck(vsGroups, servers, ctx);

        // Pass 4: sync groups, which refer to instances.
        List<VrrpSyncGroup> groups = syncGroups(syncGroupNodes, instances);
        return new KeepalivedConfig(global, staticAddresses, staticRoutes, staticRules, scripts, groups, instances,
                vsGroups, usableServers);
    }

    /** Names must be unique; two multicast instances may not share a VRID on one interface and family. */
    private void checkInstances(List<VrrpInstance> instances) {
        Map<String, VrrpInstance> byName = new HashMap<>();
        Map<String, VrrpInstance> byVrid = new HashMap<>();
        for (VrrpInstance i : instances) {
            VrrpInstance twin = byName.putIfAbsent(i.name(), i);
            if (twin != null) {
                ctx.error(i.location(), "vrrp_instance", "instance name " + i.name() + " is already used at "
                        + twin.location());
            }
            if (i.isUnicast()) {
                continue;
            }
            String key = i.interfaceName() + "|" + (i.ipv6() ? 6 : 4) + "|" + i.virtualRouterId() + "|"
                    + (i.mcastDstIp() == null ? "" : i.mcastDstIp().getHostAddress());
            VrrpInstance clash = byVrid.putIfAbsent(key, i);
            if (clash != null) {
                ctx.error(i.location(), "virtual_router_id", "(" + i.name() + ") virtual_router_id "
                        + i.virtualRouterId() + " is already used on " + i.interfaceName() + " by " + clash.name()
                        + " (" + clash.location() + ")");
            }
        }
    }

    private List<VrrpSyncGroup> syncGroups(List<ConfigNode> nodes, List<VrrpInstance> instances) {
        Set<String> instanceNames = new HashSet<>();
        instances.forEach(i -> instanceNames.add(i.name()));
        Map<String, String> memberOf = new HashMap<>();
        Set<String> groupNames = new HashSet<>();
        List<VrrpSyncGroup> out = new ArrayList<>();
        for (ConfigNode n : nodes) {
            VrrpSyncGroup g = VrrpBinder.syncGroup(n, ctx);
            if (g == null) {
                continue;
            }
            if (!groupNames.add(g.name())) {
                ctx.error(n, "vrrp_sync_group " + g.name() + " is defined twice");
                continue;
            }
            List<String> members = new ArrayList<>();
            for (String m : g.members()) {
                if (!instanceNames.contains(m)) {
                    ctx.warning(n, "(" + g.name() + ") member " + m + " is not a vrrp_instance: ignored");
                } else if (memberOf.containsKey(m)) {
                    ctx.warning(n, "(" + g.name() + ") " + m + " is already in sync group " + memberOf.get(m)
                            + ": ignored here");
                } else {
                    memberOf.put(m, g.name());
                    members.add(m);
                }
            }
            if (members.isEmpty()) {
                ctx.warning(n, "(" + g.name() + ") sync group has no members: removed");
                continue;
            }
            if (members.size() == 1) {
                ctx.warning(n, "(" + g.name() + ") sync group has only one member");
            }
            out.add(new VrrpSyncGroup(g.name(), members, g.trackInterfaces(), g.trackScripts(), g.notifyScripts(),
                    g.smtpAlert(), g.globalTracking(), g.syncGroupTrackingWeight(), g.location()));
        }
        return out;
    }
}
