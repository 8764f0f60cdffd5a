package org.keepalive4j.config.model.check;

import org.keepalive4j.config.SourceLocation;

/** TCP_CHECK: the server is up when a TCP connection succeeds. */
public record TcpCheck(CheckerCommon common, SourceLocation location) implements Checker {
}
