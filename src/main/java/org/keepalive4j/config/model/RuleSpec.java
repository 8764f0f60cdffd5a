package org.keepalive4j.config.model;

import java.util.List;
import org.keepalive4j.config.SourceLocation;

/** A policy-routing rule of static_rules or virtual_rules, in ip-rule(8) syntax. */
public record RuleSpec(String from, String to, String table, Integer preference, List<String> words,
                       SourceLocation location) {
    public RuleSpec {
        words = List.copyOf(words);
    }
}
