package org.keepalive4j.vrrp.it;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads keepalived 2.2.7's SIGUSR2 stats file and SIGUSR1 data file into keepalive4j's vocabulary, so
 * that the interop tests can run with keepalived in the place of keepalive4j to validate themselves.
 * keepalived counts fewer things: its stats have no checksum, version or unknown-VRID counters, and
 * its "Length" counter is the one closest to keepalive4j's LENGTH_MISMATCH.
 */
final class KeepalivedDump {

    /** (section, line label) of keepalived's stats file → keepalive4j key suffix. */
    private static final String[][] STATS = {
        {"Advertisements", "Received", "adverts_received"},
        {"Advertisements", "Sent", "adverts_sent"},
        {"", "Became master", "became_master"},
        {"", "Released master", "released_master"},
        {"Packet Errors", "Length", "drop.LENGTH_MISMATCH"},
        {"Packet Errors", "TTL", "drop.TTL_NOT_255"},
        {"Packet Errors", "Invalid Type", "drop.BAD_TYPE"},
        {"Packet Errors", "Advertisement Interval", "drop.INTERVAL_MISMATCH"},
        {"Packet Errors", "Address List", "drop.ADDRESS_LIST_MISMATCH"},
        {"Authentication Errors", "Invalid Type", "drop.INVALID_AUTH_TYPE"},
        {"Authentication Errors", "Type Mismatch", "drop.AUTH_TYPE_MISMATCH"},
        {"Authentication Errors", "Failure", "drop.AUTH_FAILURE"},
        {"Priority Zero", "Received", "priority_zero_received"},
        {"Priority Zero", "Sent", "priority_zero_sent"},
    };
    private static final Pattern INSTANCE = Pattern.compile("^VRRP Instance: (\\S+)$");
    private static final Pattern SECTION = Pattern.compile("^  (\\S[^:]*):$");
    private static final Pattern VALUE = Pattern.compile("^ +(\\S[^:]*): (\\d+)$");
    private static final Pattern DATA_STATE = Pattern.compile("(?m)^ VRRP Instance = (\\S+)\\n(?:   .*\\n)*?   State = (\\S+)$");

    private KeepalivedDump() {
    }

    /** @throws IllegalArgumentException when a file is incomplete (keepalived may still be writing it) */
    static PeerStats parse(String stats, String data) {
        Map<String, String> states = new HashMap<>();
        Matcher d = DATA_STATE.matcher(data);
        while (d.find()) {
            states.put(d.group(1), d.group(2));
        }
        Map<String, Long> counters = new HashMap<>();
        String instance = null;
        String section = "";
        for (String line : stats.split("\n")) {
            Matcher m;
            if ((m = INSTANCE.matcher(line)).matches()) {
                instance = m.group(1);
                section = "";
            } else if ((m = SECTION.matcher(line)).matches()) {
                section = m.group(1);
            } else if (instance != null && (m = VALUE.matcher(line)).matches()) {
                // top-level lines ("  Became master: 1") end the section they follow
                String owner = line.startsWith("    ") ? section : "";
                String suffix = suffix(owner, m.group(1));
                if (suffix != null) {
                    counters.put(PeerStats.key(instance, suffix), Long.valueOf(m.group(2)));
                }
            }
        }
        for (String i : states.keySet()) {
            for (String[] s : STATS) {
                if (!counters.containsKey(PeerStats.key(i, s[2]))) {
                    throw new IllegalArgumentException("keepalived stats lack " + s[0] + "/" + s[1] + " of " + i);
                }
            }
        }
        if (states.isEmpty()) {
            throw new IllegalArgumentException("keepalived data file has no VRRP instance state");
        }
        return new PeerStats(states, counters);
    }

    private static String suffix(String section, String label) {
        for (String[] s : STATS) {
            if (s[0].equals(section) && s[1].equals(label)) {
                return s[2];
            }
        }
        return null;
    }
}
