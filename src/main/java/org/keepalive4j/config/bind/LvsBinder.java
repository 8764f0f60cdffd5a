package org.keepalive4j.config.bind;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.keepalive4j.config.model.GlobalDefs;
import org.keepalive4j.config.model.VirtualServer;
import org.keepalive4j.config.model.VirtualServerGroup;
import org.keepalive4j.config.text.ConfigNode;

/** Entry points for the LVS half of the configuration: virtual_server_group and virtual_server. */
public final class LvsBinder {

    private LvsBinder() {
    }

    static VirtualServerGroup group(ConfigNode n, BindContext c) {
        return VirtualServerGroupBinder.group(n, c);
    }

    static VirtualServer virtualServer(ConfigNode n, GlobalDefs g, BindContext c) {
        return VirtualServerBinder.bind(n, g, c);
    }

    /**
     * Checks that need every LVS block (group references, duplicates) and returns the virtual servers
     * that remain usable.
     */
    static List<VirtualServer> crossCheck(List<VirtualServerGroup> groups, List<VirtualServer> servers, BindContext c) {
        Set<String> groupNames = groups.stream().map(VirtualServerGroup::name).collect(Collectors.toSet());
        Map<String, VirtualServer> seen = new HashMap<>();
        List<VirtualServer> usable = new ArrayList<>();
        for (VirtualServer v : servers) {
            if (v.target() instanceof VirtualServer.Group grp && !groupNames.contains(grp.name())) {
                c.error(v.location(), "virtual_server", "group " + grp.name() + " names no virtual_server_group");
                continue;
            }
            VirtualServer twin = seen.putIfAbsent(v.describe(), v);
            if (twin != null) {
                c.error(v.location(), "virtual_server", v.describe() + " is already defined at " + twin.location());
                continue;
            }
            usable.add(v);
        }
        return usable;
    }
}
