package org.keepalive4j.mib;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A small SMIv2 reader, just enough for KEEPALIVED-MIB: it tokenizes a module, splits it into
 * definitions (MODULE-IDENTITY, OBJECT IDENTIFIER, TEXTUAL-CONVENTION, SEQUENCE, OBJECT-TYPE,
 * NOTIFICATION-TYPE, OBJECT-GROUP, NOTIFICATION-GROUP, MODULE-COMPLIANCE, OBJECT-IDENTITY) and their
 * clauses, and resolves every OID to numbers. Comments are dropped; quoted text is kept verbatim.
 */
final class SmiReader {

    /** Roots that KEEPALIVED-MIB-like modules hang from, as SNMPv2-SMI defines them. */
    private static final Map<String, String> WELL_KNOWN = Map.of(
            "iso", "1", "org", "1.3", "dod", "1.3.6", "internet", "1.3.6.1", "mgmt", "1.3.6.1.2",
            "mib-2", "1.3.6.1.2.1", "private", "1.3.6.1.4", "enterprises", "1.3.6.1.4.1");

    private static final Set<String> MACROS = Set.of("MODULE-IDENTITY", "OBJECT-TYPE", "NOTIFICATION-TYPE",
            "OBJECT-GROUP", "NOTIFICATION-GROUP", "MODULE-COMPLIANCE", "OBJECT-IDENTITY");

    private static final Set<String> CLAUSES = Set.of("SYNTAX", "UNITS", "MAX-ACCESS", "STATUS", "DESCRIPTION",
            "REFERENCE", "INDEX", "AUGMENTS", "DEFVAL", "DISPLAY-HINT", "OBJECTS", "NOTIFICATIONS",
            "LAST-UPDATED", "ORGANIZATION", "CONTACT-INFO", "REVISION", "MODULE", "MANDATORY-GROUPS", "GROUP",
            "OBJECT", "MIN-ACCESS", "WRITE-SYNTAX");

    /** A clause: its keyword and its value tokens (a quoted string stays one token, quotes included). */
    record Clause(String keyword, List<String> tokens) {
        String text() {
            return String.join(" ", tokens);
        }

        /** The unquoted content of a single-string clause. */
        String string() {
            String t = tokens.get(0);
            return t.substring(1, t.length() - 1);
        }
    }

    /** One named definition of the module. */
    record Definition(String name, String kind, List<Clause> clauses, List<String> value, int line) {
        List<Clause> all(String keyword) {
            return clauses.stream().filter(c -> c.keyword().equals(keyword)).toList();
        }

        /** The single clause's value as text, or null when absent. */
        String get(String keyword) {
            List<Clause> c = all(keyword);
            return c.isEmpty() ? null : c.get(0).text();
        }

        /** Names inside a braced list clause ({ a, b }), in order. */
        List<String> list(String keyword) {
            String text = get(keyword);
            if (text == null) {
                return List.of();
            }
            List<String> out = new ArrayList<>();
            for (String t : all(keyword).get(0).tokens()) {
                if (!t.equals("{") && !t.equals("}") && !t.equals(",")) {
                    out.add(t);
                }
            }
            return out;
        }

        /** All prose strings: DESCRIPTION (also of REVISIONs), ORGANIZATION, CONTACT-INFO, REFERENCE. */
        List<String> prose() {
            List<String> out = new ArrayList<>();
            for (Clause c : clauses) {
                if (Set.of("DESCRIPTION", "ORGANIZATION", "CONTACT-INFO", "REFERENCE").contains(c.keyword())) {
                    out.add(c.string());
                }
            }
            return out;
        }
    }

    /** A parsed module: definitions in file order, plus resolved numeric OIDs. */
    record Module(String name, Map<String, List<String>> imports, Map<String, Definition> definitions,
                  Map<String, String> oids) {
        List<Definition> ofKind(String kind) {
            return definitions.values().stream().filter(d -> d.kind().equals(kind)).toList();
        }
    }

    private record Token(String text, int line) {
    }

    private final List<Token> tokens;
    private int pos;

    private SmiReader(List<Token> tokens) {
        this.tokens = tokens;
    }

    static Module read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8));
    }

    static Module parse(String text) {
        return new SmiReader(tokenize(text)).module();
    }

    static List<String> tokens(String text) {
        return tokenize(text).stream().map(Token::text).toList();
    }

    private static List<Token> tokenize(String s) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int line = 1;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c == '\n') {
                line++;
                i++;
            } else if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '-' && i + 1 < n && s.charAt(i + 1) == '-') {
                // a comment runs to the end of the line or to the next "--"
                int j = i + 2;
                while (j < n && s.charAt(j) != '\n' && !(s.charAt(j) == '-' && j + 1 < n && s.charAt(j + 1) == '-')) {
                    j++;
                }
                i = (j < n && s.charAt(j) == '-') ? j + 2 : j;
            } else if (c == '"') {
                int j = s.indexOf('"', i + 1);
                if (j < 0) {
                    throw new IllegalArgumentException("unterminated string at line " + line);
                }
                String str = s.substring(i, j + 1);
                out.add(new Token(str, line));
                line += (int) str.chars().filter(ch -> ch == '\n').count();
                i = j + 1;
            } else if (s.startsWith("::=", i)) {
                out.add(new Token("::=", line));
                i += 3;
            } else if (s.startsWith("..", i)) {
                out.add(new Token("..", line));
                i += 2;
            } else if ("{}()|,;".indexOf(c) >= 0) {
                out.add(new Token(String.valueOf(c), line));
                i++;
            } else if (Character.isLetterOrDigit(c) || (c == '-' && i + 1 < n && Character.isDigit(s.charAt(i + 1)))) {
                int j = i + 1;
                while (j < n && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '-' || s.charAt(j) == '_')) {
                    if (s.charAt(j) == '-' && j + 1 < n && s.charAt(j + 1) == '-') {
                        break; // "--" starts a comment
                    }
                    j++;
                }
                out.add(new Token(s.substring(i, j), line));
                i = j;
            } else {
                throw new IllegalArgumentException("unexpected character '" + c + "' at line " + line);
            }
        }
        return out;
    }

    private String peek(int ahead) {
        return pos + ahead < tokens.size() ? tokens.get(pos + ahead).text() : "";
    }

    private String next() {
        return tokens.get(pos++).text();
    }

    private void expect(String t) {
        if (!peek(0).equals(t)) {
            throw error("expected " + t);
        }
        pos++;
    }

    private IllegalArgumentException error(String what) {
        int line = pos < tokens.size() ? tokens.get(pos).line() : -1;
        return new IllegalArgumentException(what + " at line " + line + " near '" + peek(0) + "'");
    }

    private Module module() {
        String name = next();
        expect("DEFINITIONS");
        expect("::=");
        expect("BEGIN");
        Map<String, List<String>> imports = new LinkedHashMap<>();
        if (peek(0).equals("IMPORTS")) {
            pos++;
            List<String> names = new ArrayList<>();
            while (!peek(0).equals(";")) {
                String t = next();
                if (t.equals("FROM")) {
                    imports.put(next(), List.copyOf(names));
                    names.clear();
                } else if (!t.equals(",")) {
                    names.add(t);
                }
            }
            pos++;
        }
        Map<String, Definition> defs = new LinkedHashMap<>();
        while (!peek(0).equals("END")) {
            Definition d = definition();
            if (defs.put(d.name(), d) != null) {
                throw new IllegalArgumentException("duplicate definition " + d.name() + " at line " + d.line());
            }
        }
        return new Module(name, Collections.unmodifiableMap(imports), Collections.unmodifiableMap(defs),
                resolve(defs));
    }

    private Definition definition() {
        int line = tokens.get(pos).line();
        String name = next();
        String kind;
        if (peek(0).equals("::=") && peek(1).equals("SEQUENCE")) {
            pos += 2;
            return new Definition(name, "SEQUENCE", List.of(), braced(), line);
        } else if (peek(0).equals("::=") && peek(1).equals("TEXTUAL-CONVENTION")) {
            pos += 2;
            kind = "TEXTUAL-CONVENTION";
        } else if (peek(0).equals("OBJECT") && peek(1).equals("IDENTIFIER")) {
            pos += 2;
            kind = "OBJECT IDENTIFIER";
        } else if (MACROS.contains(peek(0))) {
            kind = next();
        } else {
            throw error("unknown definition " + name);
        }
        List<Clause> clauses = new ArrayList<>();
        while (!peek(0).equals("::=")) {
            String kw = next();
            if (!CLAUSES.contains(kw)) {
                throw error("unknown clause " + kw + " in " + name);
            }
            List<String> value = new ArrayList<>();
            int depth = 0;
            while (pos < tokens.size()) {
                String t = peek(0);
                if (depth == 0 && (CLAUSES.contains(t) || t.equals("::=")) && (!value.isEmpty() || kw.equals("MODULE"))) {
                    break;
                }
                if (kind.equals("TEXTUAL-CONVENTION") && kw.equals("SYNTAX") && depth == 0 && !value.isEmpty()
                        && (peek(1).equals("::=") || peek(1).equals("OBJECT") || MACROS.contains(peek(1)))) {
                    break; // the SYNTAX of a TC is its last clause; the next definition starts here
                }
                if (t.equals("{") || t.equals("(")) {
                    depth++;
                } else if (t.equals("}") || t.equals(")")) {
                    depth--;
                }
                value.add(next());
                if (depth == 0 && value.size() == 1 && value.get(0).startsWith("\"")) {
                    break; // single-string clauses
                }
                if (kw.equals("MODULE") && depth == 0 && CLAUSES.contains(peek(0))) {
                    break;
                }
            }
            clauses.add(new Clause(kw, List.copyOf(value)));
            if (kind.equals("TEXTUAL-CONVENTION") && kw.equals("SYNTAX")) {
                return new Definition(name, kind, List.copyOf(clauses), List.of(), line);
            }
        }
        expect("::=");
        return new Definition(name, kind, List.copyOf(clauses), braced(), line);
    }

    /** The tokens between a "{" and its matching "}". */
    private List<String> braced() {
        expect("{");
        List<String> out = new ArrayList<>();
        int depth = 1;
        while (true) {
            String t = next();
            if (t.equals("{")) {
                depth++;
            } else if (t.equals("}") && --depth == 0) {
                return List.copyOf(out);
            }
            out.add(t);
        }
    }

    private static Map<String, String> resolve(Map<String, Definition> defs) {
        Map<String, String> oids = new LinkedHashMap<>();
        for (Definition d : defs.values()) {
            if (!d.kind().equals("SEQUENCE") && !d.kind().equals("TEXTUAL-CONVENTION")) {
                oids.put(d.name(), resolve(d.name(), defs, oids, 0));
            }
        }
        return Collections.unmodifiableMap(oids);
    }

    private static String resolve(String name, Map<String, Definition> defs, Map<String, String> done, int depth) {
        if (done.containsKey(name)) {
            return done.get(name);
        }
        if (WELL_KNOWN.containsKey(name)) {
            return WELL_KNOWN.get(name);
        }
        Definition d = defs.get(name);
        if (d == null || depth > 64) {
            throw new IllegalArgumentException("cannot resolve OID of " + name);
        }
        StringBuilder oid = new StringBuilder();
        List<String> v = d.value();
        for (int i = 0; i < v.size(); i++) {
            String t = v.get(i);
            String part;
            if (t.matches("\\d+")) {
                part = t;
            } else if (i + 1 < v.size() && v.get(i + 1).equals("(")) {
                part = v.get(i + 2); // name(number)
                i += 3;
            } else if (i == 0) {
                part = resolve(t, defs, done, depth + 1);
            } else {
                throw new IllegalArgumentException("bad OID value of " + name + ": " + v);
            }
            oid.append(oid.length() == 0 ? "" : ".").append(part);
        }
        String result = oid.toString();
        done.put(name, result);
        return result;
    }
}
