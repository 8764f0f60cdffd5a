package org.keepalive4j.config.bind;

import java.util.ArrayList;
import java.util.List;
import org.keepalive4j.config.model.GlobalDefs;
import org.keepalive4j.config.model.RealServer;
import org.keepalive4j.config.model.VirtualServer;
import org.keepalive4j.config.model.VirtualServerGroup;
import org.keepalive4j.config.text.ConfigNode;

/** virtual_server_group and virtual_server blocks. (Placeholder: the LVS keywords come next.) */
public final class LvsBinder {

    private LvsBinder() {
    }

    static VirtualServerGroup group(ConfigNode n, BindContext c) {
        if (!c.requireBlock(n)) {
            return null;
        }
        List<String> entries = new ArrayList<>();
        n.children().forEach(e -> entries.add(String.join(" ", e.words())));
        return new VirtualServerGroup(n.arg(0), entries, n.location());
    }

    static VirtualServer virtualServer(ConfigNode n, GlobalDefs g, BindContext c) {
        if (!c.requireBlock(n)) {
            return null;
        }
        List<RealServer> rs = new ArrayList<>();
        for (ConfigNode child : n.children()) {
            if (child.keyword().equals("real_server")) {
                rs.add(new RealServer(String.join(" ", child.args()), child.location()));
            }
        }
        return new VirtualServer(String.join(" ", n.args()), rs, n.location());
    }

    /**
     * Checks that need every LVS block (group references, duplicates) and returns the virtual servers
     * that remain usable.
     */
    static List<VirtualServer> crossCheck(List<VirtualServerGroup> groups, List<VirtualServer> servers, BindContext c) {
        return servers;
    }
}
