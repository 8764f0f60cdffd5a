package org.keepalive4j.config.model;

import java.util.List;
import org.keepalive4j.config.SourceLocation;

/** A virtual_server. (Placeholder shape: completed with the LVS keywords.) */
public record VirtualServer(String spec, List<RealServer> realServers, SourceLocation location) {
    public VirtualServer {
        realServers = List.copyOf(realServers);
    }
}
