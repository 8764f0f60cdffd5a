package org.keepalive4j.dataplane.nft;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The named counters of our table as {@code nft list counters table ...} prints them. */
record NftCounterValues(Map<String, Value> byName) {

    record Value(long packets, long bytes) {
        static final Value ZERO = new Value(0, 0);
    }

    // counter NAME {  [comment "..."]  packets N bytes M  }
    private static final Pattern COUNTER = Pattern.compile(
            "counter\\s+(\\S+)\\s*\\{[^}]*?packets\\s+(\\d+)\\s+bytes\\s+(\\d+)[^}]*}");

    NftCounterValues {
        byName = Map.copyOf(byName);
    }

    static String listScript() {
        return "list counters table " + NftRuleset.FAMILY + " " + NftRuleset.TABLE + "\n";
    }

    static NftCounterValues parse(String listing) {
        Map<String, Value> out = new HashMap<>();
        Matcher m = COUNTER.matcher(listing);
        while (m.find()) {
            out.put(m.group(1), new Value(Long.parseLong(m.group(2)), Long.parseLong(m.group(3))));
        }
        return new NftCounterValues(out);
    }

    Value get(String name) {
        return byName.getOrDefault(name, Value.ZERO);
    }
}
