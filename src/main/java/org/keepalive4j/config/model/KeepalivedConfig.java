package org.keepalive4j.config.model;

import java.util.List;
import java.util.Optional;

/** The whole parsed keepalived.conf: immutable, every element knows the file and line it came from. */
public record KeepalivedConfig(
        GlobalDefs global,
        List<StaticAddress> staticAddresses,
        List<RouteSpec> staticRoutes,
        List<RuleSpec> staticRules,
        List<VrrpScript> vrrpScripts,
        List<VrrpSyncGroup> syncGroups,
        List<VrrpInstance> vrrpInstances,
        List<VirtualServerGroup> virtualServerGroups,
        List<VirtualServer> virtualServers) {

    public KeepalivedConfig {
        staticAddresses = List.copyOf(staticAddresses);
        staticRoutes = List.copyOf(staticRoutes);
        staticRules = List.copyOf(staticRules);
        vrrpScripts = List.copyOf(vrrpScripts);
        syncGroups = List.copyOf(syncGroups);
        vrrpInstances = List.copyOf(vrrpInstances);
        virtualServerGroups = List.copyOf(virtualServerGroups);
        virtualServers = List.copyOf(virtualServers);
    }

    public Optional<VrrpInstance> vrrpInstance(String name) {
        return vrrpInstances.stream().filter(i -> i.name().equals(name)).findFirst();
    }

    public Optional<VrrpSyncGroup> syncGroup(String name) {
        return syncGroups.stream().filter(g -> g.name().equals(name)).findFirst();
    }

    public Optional<VrrpScript> vrrpScript(String name) {
        return vrrpScripts.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    public Optional<VirtualServerGroup> virtualServerGroup(String name) {
        return virtualServerGroups.stream().filter(g -> g.name().equals(name)).findFirst();
    }

    /** All real servers of all virtual servers, in configuration order. */
    public int realServerCount() {
        return virtualServers.stream().mapToInt(v -> v.realServers().size()).sum();
    }
}
