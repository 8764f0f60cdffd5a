package org.keepalive4j.config.model;

import java.util.List;
import org.keepalive4j.config.SourceLocation;

/** A virtual_server_group. (Placeholder shape: completed with the LVS keywords.) */
public record VirtualServerGroup(String name, List<String> entries, SourceLocation location) {
    public VirtualServerGroup {
        entries = List.copyOf(entries);
    }
}
