package org.keepalive4j.vrrp.it;

import java.util.HashMap;
import java.util.Map;
import org.keepalive4j.vrrp.packet.DropReason;

/**
 * Reads keepalive4j's SIGUSR2 stats dump: among other lines, one "KEY VALUE" line per VRRP figure
 * ({@code vrrp.VI_1.state MASTER}, {@code vrrp.VI_1.adverts_sent 12}, {@code vrrp.VI_1.drop.TTL_NOT_255 0},
 * {@code vrrp.unknown_vrid 0}, ...). The dump is the engine's black-box contract with these tests, so
 * a dump that lacks one of the promised keys is refused rather than read as zeros.
 */
final class K4jStatsFile {

    /** Per-instance counters promised besides one {@code drop.REASON} per {@link DropReason}. */
    static final String[] INSTANCE_COUNTERS = {"effective_priority", "adverts_sent", "adverts_received",
        "became_master", "released_master", "priority_zero_sent", "priority_zero_received"};
    static final String UNKNOWN_VRID = "vrrp.unknown_vrid";

    private K4jStatsFile() {
    }

    /** @throws IllegalArgumentException when a promised key is missing or a counter is not a number */
    static PeerStats parse(String text) {
        Map<String, String> states = new HashMap<>();
        Map<String, Long> counters = new HashMap<>();
        for (String line : text.split("\n")) {
            String[] f = line.strip().split("\\s+");
            if (f.length != 2 || !f[0].startsWith("vrrp.")) {
                continue;   // headings and human-readable lines of the dump
            }
            if (f[0].endsWith(".wanted_state")) {
                continue;   // a state name, not a counter; PeerStats compares states and counters only
            }
            if (f[0].endsWith(".state")) {
                states.put(f[0].substring("vrrp.".length(), f[0].length() - ".state".length()), f[1]);
            } else {
                counters.put(f[0], parseCounter(f[0], f[1]));
            }
        }
        require(counters, UNKNOWN_VRID);
        for (String instance : states.keySet()) {
            for (String name : INSTANCE_COUNTERS) {
                require(counters, PeerStats.key(instance, name));
            }
            for (DropReason reason : DropReason.values()) {
                require(counters, PeerStats.dropKey(instance, reason.name()));
            }
        }
        return new PeerStats(states, counters);
    }

    private static long parseCounter(String key, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " is not a number: " + value, e);
        }
    }

    private static void require(Map<String, Long> counters, String key) {
        if (!counters.containsKey(key)) {
            throw new IllegalArgumentException("stats dump lacks " + key);
        }
    }
}
