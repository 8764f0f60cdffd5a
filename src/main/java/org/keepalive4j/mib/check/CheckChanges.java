package org.keepalive4j.mib.check;

import org.keepalive4j.mib.table.Changes;

/**
 * What a reload did to the checker rows, for the check engine. A real server of a removed virtual
 * server is listed among the removed real servers too.
 */
public record CheckChanges(Changes<VirtualServerRow> virtualServers, Changes<RealServerRow> realServers) {
}
