package org.keepalive4j.vrrp.packet;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * A VRRPv2 instance's authentication: its type and the 8-octet key.
 *
 * <p>keepalived keeps one 8-octet {@code auth_data} per instance: the configured
 * {@code auth_pass} truncated to 8 octets and zero-padded. The same 8 octets are the clear-text
 * password for {@link AuthType#SIMPLE_PASSWORD} and the HMAC-MD5 key for
 * {@link AuthType#IPSEC_AH} (keepalived passes {@code sizeof auth_data}, i.e. 8, as key length).
 */
public record Authentication(AuthType type, byte[] key) {

    /** Octets of the VRRPv2 authentication data field, and of keepalived's key. */
    public static final int KEY_LENGTH = 8;

    private static final Authentication NONE = new Authentication(AuthType.NONE, new byte[KEY_LENGTH]);

    public Authentication {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(key, "key");
        if (key.length != KEY_LENGTH) {
            throw new IllegalArgumentException("authentication key must be " + KEY_LENGTH + " octets");
        }
        key = key.clone();
    }

    public static Authentication none() {
        return NONE;
    }

    public static Authentication password(String authPass) {
        return new Authentication(AuthType.SIMPLE_PASSWORD, padKey(authPass));
    }

    public static Authentication ipsecAh(String authPass) {
        return new Authentication(AuthType.IPSEC_AH, padKey(authPass));
    }

    /** The first 8 octets of the UTF-8 password, zero-padded, as keepalived stores auth_pass. */
    static byte[] padKey(String authPass) {
        byte[] utf8 = authPass.getBytes(StandardCharsets.UTF_8);
        return Arrays.copyOf(utf8, KEY_LENGTH);
    }

    @Override
    public byte[] key() {
        return key.clone();
    }

    /** Package-private view without the defensive copy, for the codec's hot path. */
    byte[] keyNoCopy() {
        return key;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Authentication that && type == that.type && Arrays.equals(key, that.key);
    }

    @Override
    public int hashCode() {
        return 31 * type.hashCode() + Arrays.hashCode(key);
    }

    @Override
    public String toString() {
        return "Authentication[" + type + "]";
    }
}
