package org.keepalive4j.config.model.check;

import org.keepalive4j.config.SourceLocation;

/** A health checker of a real server; its settings are fully resolved (no "inherit" left). */
public sealed interface Checker permits TcpCheck, HttpCheck, MiscCheck, SmtpCheck, DnsCheck, UdpCheck, PingCheck {

    CheckerCommon common();

    SourceLocation location();
}
