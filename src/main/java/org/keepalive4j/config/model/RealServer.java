package org.keepalive4j.config.model;

import org.keepalive4j.config.SourceLocation;

/** A real_server. (Placeholder shape: completed with the LVS keywords.) */
public record RealServer(String spec, SourceLocation location) {
}
