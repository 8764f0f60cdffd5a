package org.keepalive4j.vrrp.it;

import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * A daemon's VRRP statistics in keepalive4j's stats-dump vocabulary ({@code vrrp.VI_1.adverts_sent},
 * {@code vrrp.VI_1.drop.AUTH_FAILURE}, {@code vrrp.unknown_vrid}, ...) plus each instance's state.
 * keepalive4j reports every key; keepalived reports the subset its stats file has (see
 * {@link KeepalivedDump}), so a counter is optional and the caller says what a missing one means.
 */
public record PeerStats(Map<String, String> instanceStates, Map<String, Long> counters) {

    public PeerStats {
        instanceStates = Map.copyOf(instanceStates);
        counters = Map.copyOf(counters);
    }

    public String state(String instance) {
        String state = instanceStates.get(instance);
        if (state == null) {
            throw new AssertionError("no state for instance " + instance + " in " + this);
        }
        return state;
    }

    public OptionalLong counter(String key) {
        Long value = counters.get(key);
        return value == null ? OptionalLong.empty() : OptionalLong.of(value);
    }

    /** A counter the daemon must report. */
    public long require(String key) {
        return counter(key).orElseThrow(() -> new AssertionError("the daemon does not report " + key + ": " + this));
    }

    /** {@code vrrp.INSTANCE.NAME}. */
    public static String key(String instance, String name) {
        return "vrrp." + instance + "." + name;
    }

    /** {@code vrrp.INSTANCE.drop.REASON}. */
    public static String dropKey(String instance, String reason) {
        return key(instance, "drop." + reason);
    }

    @Override
    public String toString() {
        return "states " + instanceStates + ", counters " + new TreeMap<>(counters);
    }
}
