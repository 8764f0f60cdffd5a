package org.keepalive4j.config.model.check;

import org.keepalive4j.config.SourceLocation;

/** PING_CHECK: the server is up when it answers an ICMP echo. */
public record PingCheck(CheckerCommon common, SourceLocation location) implements Checker {
}
