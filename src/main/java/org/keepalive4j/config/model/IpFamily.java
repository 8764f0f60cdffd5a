package org.keepalive4j.config.model;

/** An address family as keepalived names it (ip_family, fwmark entries of a group). */
public enum IpFamily {
    INET, INET6;

    /** The keepalived spelling, or null for anything else. */
    public static IpFamily of(String word) {
        return switch (word) {
            case "inet" -> INET;
            case "inet6" -> INET6;
            default -> null;
        };
    }
}
