package org.keepalive4j.config.model;

import java.util.Locale;

/** The layer-4 protocol of a virtual service. */
public enum LvsProtocol {
    TCP, UDP, SCTP;

    /** Case-insensitive like keepalived; null when unknown. */
    public static LvsProtocol of(String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
