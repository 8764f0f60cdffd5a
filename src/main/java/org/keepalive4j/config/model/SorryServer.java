package org.keepalive4j.config.model;

import java.net.InetAddress;
import org.keepalive4j.config.SourceLocation;

/**
 * The server put in the pool when quorum is lost. {@code port} is null for a fwmark service, and
 * otherwise the virtual server's port when none was given.
 */
public record SorryServer(InetAddress address, Integer port, ForwardingMethod forwarding, boolean inhibit,
                          SourceLocation location) {
}
