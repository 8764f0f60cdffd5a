package org.keepalive4j.config.model;

/** VRRPv2 authentication. keepalived uses only the first 8 bytes of the password. */
public record Authentication(Type type, String password) {
    public enum Type { PASS, AH }
}
