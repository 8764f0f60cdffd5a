package org.keepalive4j.config.model.check;

import java.util.Set;
import org.keepalive4j.config.SourceLocation;

/** DNS_CHECK: a query of {@code type} for {@code name} over UDP must be answered. */
public record DnsCheck(CheckerCommon common, String type, String name, SourceLocation location) implements Checker {

    public static final Set<String> TYPES = Set.of("A", "NS", "CNAME", "SOA", "MX", "TXT", "AAAA", "RRSIG", "DNSKEY");
    public static final String DEFAULT_TYPE = "SOA";
    public static final String DEFAULT_NAME = ".";
}
