package org.keepalive4j.config.model;

import java.util.List;
import org.keepalive4j.config.SourceLocation;

/**
 * A route of static_routes or virtual_routes. The fields VRRP needs are broken out; {@code words}
 * keeps the whole line in ip-route(8) syntax for the netlink layer.
 *
 * @param type        unicast unless the line starts with blackhole, unreachable, prohibit, ...
 * @param destination "0.0.0.0/0", "192.168.110.0/24", ...
 * @param gateways    the via/gw address and any "or" alternatives
 * @param device      null when no dev was given
 * @param table       null for the main table
 */
public record RouteSpec(String type, String source, String destination, List<String> gateways, String device,
                        String table, String scope, List<String> words, SourceLocation location) {
    public RouteSpec {
        gateways = List.copyOf(gateways);
        words = List.copyOf(words);
    }
}
