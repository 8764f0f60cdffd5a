package org.keepalive4j.mib;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.keepalive4j.mib.SmiReader.Definition;
import org.keepalive4j.mib.SmiReader.Module;

/**
 * Compares the facts of two texts of a module: for each definition of the reference, that the other
 * text has it with the same kind and numeric OID, and the same SYNTAX (with enumerations and ranges,
 * compared token by token), UNITS, MAX-ACCESS, STATUS, INDEX / AUGMENTS, DISPLAY-HINT, notification
 * OBJECTS, group members and compliance groups. Prose (DESCRIPTION and the like) is not compared here.
 */
final class MibComparison {

    /** Clauses whose value is a fact that must be identical; prose and revision history are not. */
    private static final List<String> FACTS = List.of("SYNTAX", "UNITS", "MAX-ACCESS", "STATUS", "INDEX",
            "AUGMENTS", "DEFVAL", "DISPLAY-HINT", "OBJECTS", "NOTIFICATIONS", "MODULE", "MANDATORY-GROUPS",
            "GROUP", "OBJECT", "MIN-ACCESS", "WRITE-SYNTAX");

    private MibComparison() {
    }

    /** Human-readable differences; empty when {@code ours} declares everything {@code ref} does, alike. */
    static List<String> differences(Module ref, Module ours) {
        List<String> out = new ArrayList<>();
        if (!ref.name().equals(ours.name())) {
            out.add("module name: reference " + ref.name() + ", ours " + ours.name());
        }
        ref.imports().forEach((from, names) -> {
            if (!ours.imports().getOrDefault(from, List.of()).containsAll(names)) {
                out.add("imports from " + from + ": reference " + names + ", ours " + ours.imports().get(from));
            }
        });
        for (Definition r : ref.definitions().values()) {
            Definition o = ours.definitions().get(r.name());
            if (o == null) {
                out.add(r.kind() + " " + r.name() + " (line " + r.line() + " of the reference) is missing");
                continue;
            }
            out.addAll(differences(ref, r, ours, o));
        }
        for (Definition o : ours.definitions().values()) {
            if (!ref.definitions().containsKey(o.name())) {
                out.add(o.kind() + " " + o.name() + " (line " + o.line() + ") is not in the reference");
            }
        }
        return out;
    }

    static List<String> differences(Module ref, Definition r, Module ours, Definition o) {
        List<String> out = new ArrayList<>();
        String where = r.name() + " (our line " + o.line() + ")";
        if (!r.kind().equals(o.kind())) {
            out.add(where + ": kind " + o.kind() + ", reference " + r.kind());
            return out;
        }
        if (!Objects.equals(ref.oids().get(r.name()), ours.oids().get(o.name()))) {
            out.add(where + ": OID " + ours.oids().get(o.name()) + ", reference " + ref.oids().get(r.name()));
        }
        if (r.kind().equals("SEQUENCE")) {
            if (!r.value().equals(o.value())) {
                out.add(where + ": SEQUENCE " + o.value() + ", reference " + r.value());
            }
            return out;
        }
        for (String kw : FACTS) {
            List<String> rv = r.all(kw).stream().map(SmiReader.Clause::text).toList();
            List<String> ov = o.all(kw).stream().map(SmiReader.Clause::text).toList();
            if (!rv.equals(ov)) {
                out.add(where + ": " + kw + " " + show(ov) + ", reference " + show(rv));
            }
        }
        if (r.all("DESCRIPTION").isEmpty() != o.all("DESCRIPTION").isEmpty()) {
            out.add(where + ": DESCRIPTION present in only one of the texts");
        }
        return out;
    }

    private static String show(List<String> values) {
        return values.isEmpty() ? "(absent)" : String.join(" | ", values);
    }
}
