package org.keepalive4j.config.model;

import java.net.InetAddress;
import org.keepalive4j.config.SourceLocation;

/** A unicast_peer entry; minTtl/maxTtl are null when not configured. */
public record UnicastPeer(InetAddress address, Integer minTtl, Integer maxTtl, SourceLocation location) {
}
