package org.keepalive4j.dataplane.nft;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The rule counters of our table, chain by chain in rule order, as {@code nft list table ...} prints them. */
record NftCounterValues(Map<String, List<Value>> byChain) {

    record Value(long packets, long bytes) {
        static final Value ZERO = new Value(0, 0);
    }

    private static final Pattern CHAIN = Pattern.compile("^\\s*chain\\s+(\\S+)\\s*\\{");
    private static final Pattern COUNTER = Pattern.compile("\\bcounter packets (\\d+) bytes (\\d+)");

    NftCounterValues {
        Map<String, List<Value>> copy = new HashMap<>();
        byChain.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        byChain = Map.copyOf(copy);
    }

    static String listScript() {
        return "list table " + NftRuleset.FAMILY + " " + NftRuleset.TABLE + "\n";
    }

    static NftCounterValues parse(String listing) {
        Map<String, List<Value>> out = new HashMap<>();
        List<Value> current = null;
        for (String line : listing.split("\n")) {
            Matcher c = CHAIN.matcher(line);
            if (c.find()) {
                current = out.computeIfAbsent(c.group(1), k -> new ArrayList<>());
                continue;
            }
            if (current != null) {
                Matcher m = COUNTER.matcher(line);
                while (m.find()) {
                    current.add(new Value(Long.parseLong(m.group(1)), Long.parseLong(m.group(2))));
                }
            }
        }
        return new NftCounterValues(out);
    }

    /** The {@code n}th counter (from 0) of {@code chain}; zero when there is none (yet). */
    Value get(String chain, int n) {
        List<Value> values = byChain.get(chain);
        return values == null || values.size() <= n ? Value.ZERO : values.get(n);
    }
}
