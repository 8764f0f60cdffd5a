package org.keepalive4j.config.text;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.keepalive4j.config.Diagnostics;
import org.keepalive4j.config.ParseOptions;
import org.keepalive4j.config.SourceLocation;

/**
 * Turns keepalived.conf files into logical lines, applying keepalived's preprocessing in its order:
 * comments, {@code include} (before anything else, as keepalived does), {@code @id}/{@code @^id}
 * conditional lines, {@code $NAME=value} definitions (also multi-line ones ending in '\'),
 * {@code ~SEQ}/{@code ~SEQx}/{@code ~LST} repetition, and {@code $NAME}/{@code ${NAME}} substitution.
 *
 * <p>Every expansion is bounded (include depth, substitution depth, total lines, line length) so a
 * hostile or broken file ends in an error, never in a hang or an out-of-memory.
 */
public final class ConfigReader {

    static final int MAX_INCLUDE_DEPTH = 32;
    static final int MAX_SUBSTITUTION_DEPTH = 32;
    static final int MAX_LINES = 2_000_000;
    static final int MAX_LINE_LENGTH = 1 << 16;

    private static final Pattern DEFINITION = Pattern.compile("^\\s*\\$([A-Za-z_][A-Za-z0-9_]*)=(.*)$");
    private static final Pattern INCLUDE = Pattern.compile("^\\s*(include[rmwba]?)(\\s+(.*))?$");
    private static final Pattern REPEAT = Pattern.compile("^\\s*~(SEQx?|LST)\\(");

    private final ParseOptions options;
    private final Diagnostics diagnostics;
    private final Map<String, List<String>> definitions = new HashMap<>();
    private final Deque<Path> includeStack = new ArrayDeque<>();
    private final List<LogicalLine> out = new ArrayList<>();
    private boolean overflowReported;

    public ConfigReader(ParseOptions options, Diagnostics diagnostics) {
        this.options = options;
        this.diagnostics = diagnostics;
    }

    /** Reads the main file (and everything it includes). A missing main file is an error. */
    public List<LogicalLine> read(Path mainFile) {
        Path file = mainFile.toAbsolutePath().normalize();
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            diagnostics.error(new SourceLocation(file, 0), "", "configuration file cannot be read");
            return List.of();
        }
        readFile(file, new SourceLocation(file, 0));
        return out;
    }

    /** Reads configuration text that did not come from a file (tests, stdin). */
    public List<LogicalLine> read(String text, Path pretendFile) {
        Path file = pretendFile.toAbsolutePath().normalize();
        includeStack.push(file);
        try {
            processRawLines(file, List.of(text.split("\r?\n", -1)));
        } finally {
            includeStack.pop();
        }
        return out;
    }

    private void readFile(Path file, SourceLocation includedFrom) {
        if (includeStack.size() >= MAX_INCLUDE_DEPTH) {
            diagnostics.error(includedFrom, "include", "includes nested more than " + MAX_INCLUDE_DEPTH + " deep");
            return;
        }
        if (includeStack.contains(file)) {
            diagnostics.error(includedFrom, "include", "include loop: " + file + " includes itself");
            return;
        }
        List<String> raw;
        try {
            raw = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (java.nio.charset.MalformedInputException e) {
            try {
                raw = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
            } catch (IOException e2) {
                includeProblem(includedFrom, file + ": " + e2.getMessage());
                return;
            }
        } catch (IOException e) {
            includeProblem(includedFrom, file + ": " + e.getMessage());
            return;
        }
        includeStack.push(file);
        try {
            processRawLines(file, raw);
        } finally {
            includeStack.pop();
        }
    }

    private void processRawLines(Path file, List<String> raw) {
        for (int i = 0; i < raw.size() && !overflowReported; i++) {
            SourceLocation where = new SourceLocation(file, i + 1);
            String line = stripComment(raw.get(i), diagnostics, where);
            if (line.isBlank()) {
                continue;
            }
            // A multi-line definition may carry a condition: "@main $BLOCK= \".
            boolean selected = true;
            String body = line;
            if (line.stripLeading().startsWith("@")) {
                String stripped = line.stripLeading();
                selected = applyCondition(stripped) != null;
                body = afterConditionWord(stripped);
            }
            Matcher def = DEFINITION.matcher(body);
            if (def.matches() && def.group(2).strip().endsWith("\\")) {
                // Multi-line definition: every line but the last ends with '\'.
                List<String> value = new ArrayList<>();
                String first = def.group(2).strip();
                first = first.substring(0, first.length() - 1).strip();
                if (!first.isEmpty()) {
                    value.add(first);
                }
                while (i + 1 < raw.size()) {
                    ++i;
                    String next = stripComment(raw.get(i), diagnostics, new SourceLocation(file, i + 1));
                    if (next.isBlank()) {
                        continue;
                    }
                    String s = next.strip();
                    if (s.endsWith("\\")) {
                        value.add(s.substring(0, s.length() - 1).strip());
                    } else {
                        value.add(s);
                        break;
                    }
                }
                if (selected) {
                    definitions.put(def.group(1), List.copyOf(value));
                }
                continue;
            }
            Matcher inc = INCLUDE.matcher(line);
            if (inc.matches()) {
                include(inc.group(1), inc.group(3), file, where);
                continue;
            }
            process(line, where, 0);
        }
    }

    private static String afterConditionWord(String stripped) {
        int end = 1;
        while (end < stripped.length() && !Character.isWhitespace(stripped.charAt(end))) {
            end++;
        }
        return stripped.substring(end);
    }

    /** Returns the rest of the line if its {@code @id}/{@code @^id} prefix selects it, else null. */
    private String applyCondition(String stripped) {
        boolean negate = stripped.startsWith("@^");
        String rest = afterConditionWord(stripped);
        String id = stripped.substring(negate ? 2 : 1, stripped.length() - rest.length());
        boolean match = id.equals(options.configId());
        return match != negate ? rest : null;
    }

    private void process(String line, SourceLocation where, int depth) {
        if (overflowReported) {
            return;
        }
        if (depth > MAX_SUBSTITUTION_DEPTH) {
            diagnostics.error(where, "$", "parameter substitution nested more than " + MAX_SUBSTITUTION_DEPTH
                    + " deep (a definition that refers to itself?)");
            return;
        }
        if (line.length() > MAX_LINE_LENGTH) {
            diagnostics.error(where, "$", "line longer than " + MAX_LINE_LENGTH + " characters after substitution");
            return;
        }
        String s = line.strip();
        if (s.isEmpty()) {
            return;
        }
        if (s.startsWith("@")) {
            String rest = applyCondition(s);
            if (rest != null) {
                process(rest, where, depth + 1);
            }
            return;
        }
        Matcher def = DEFINITION.matcher(s);
        if (def.matches()) {
            definitions.put(def.group(1), List.of(def.group(2).strip()));
            return;
        }
        if (REPEAT.matcher(s).find()) {
            repeat(s, where, depth);
            return;
        }
        String substituted = substitute(s, where);
        if (substituted == null) {
            return;
        }
        if (!substituted.equals(s)) {
            for (String part : substituted.split("\n", -1)) {
                process(part, where, depth + 1);
            }
            return;
        }
        if (out.size() >= MAX_LINES) {
            overflowReported = true;
            diagnostics.error(where, "~SEQ", "configuration expands to more than " + MAX_LINES + " lines");
            return;
        }
        out.add(new LogicalLine(s, where));
    }

    // ---------------------------------------------------------------- substitution

    private String substitute(String s, SourceLocation where) {
        if (s.indexOf('$') < 0) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c != '$' || i + 1 >= s.length()) {
                b.append(c);
                i++;
                continue;
            }
            if (s.charAt(i + 1) == '{') {
                int close = s.indexOf('}', i + 2);
                if (close < 0) {
                    b.append(c);
                    i++;
                    continue;
                }
                String inner = s.substring(i + 2, close);
                String value = lookup(inner, where);
                if (value == null) {
                    b.append(s, i, close + 1);
                } else {
                    b.append(value);
                }
                i = close + 1;
                continue;
            }
            int end = i + 1;
            while (end < s.length() && isNameChar(s.charAt(end), end == i + 1)) {
                end++;
            }
            boolean delimited = end == s.length() || Character.isWhitespace(s.charAt(end));
            String name = s.substring(i + 1, end);
            String value = end > i + 1 && delimited ? lookup(name, where) : null;
            if (value == null) {
                b.append(s, i, end == i + 1 ? i + 1 : end);
                i = end == i + 1 ? i + 1 : end;
            } else {
                b.append(value);
                i = end;
            }
            if (b.length() > MAX_LINE_LENGTH) {
                diagnostics.error(where, "$", "line longer than " + MAX_LINE_LENGTH + " characters after substitution");
                return null;
            }
        }
        return b.toString();
    }

    private static boolean isNameChar(char c, boolean first) {
        return c == '_' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (!first && c >= '0' && c <= '9');
    }

    /** The value of a parameter (multi-line values joined by newlines), or null if undefined. */
    private String lookup(String spec, SourceLocation where) {
        String[] parts = spec.strip().split("\\s+");
        String name = parts[0];
        switch (name) {
            case "_PWD":
                return where.file().getParent() == null ? "/" : where.file().getParent().toString();
            case "_INSTANCE":
                return options.configId();
            case "_HASH":
                return "#";
            case "_BANG":
                return "!";
            case "_RANDOM": {
                long min = 0;
                long max = 32767;
                try {
                    if (parts.length > 1) {
                        min = Long.parseLong(parts[1]);
                    }
                    if (parts.length > 2) {
                        max = Long.parseLong(parts[2]);
                    }
                } catch (NumberFormatException e) {
                    diagnostics.error(where, "_RANDOM", "bounds must be non-negative integers: " + spec);
                    return "0";
                }
                if (min < 0 || max < min) {
                    diagnostics.error(where, "_RANDOM", "bounds must satisfy 0 <= MIN <= MAX: " + spec);
                    return "0";
                }
                return Long.toString(min + ThreadLocalRandom.current().nextLong(max - min + 1));
            }
            default:
                if (parts.length != 1) {
                    return null;
                }
                List<String> value = definitions.get(name);
                return value == null ? null : String.join("\n", value);
        }
    }

    // ---------------------------------------------------------------- ~SEQ / ~LST

    private void repeat(String s, SourceLocation where, int depth) {
        int open = s.indexOf('(');
        String kind = s.substring(s.indexOf('~') + 1, open);
        int close = matchingParen(s, open);
        if (close < 0) {
            diagnostics.error(where, "~" + kind, "missing ')'");
            return;
        }
        String inner = s.substring(open + 1, close);
        String rest = s.substring(close + 1);
        if (kind.equals("LST")) {
            list(inner, rest, where, depth);
        } else {
            sequence(kind.equals("SEQx"), inner, rest, where, depth);
        }
    }

    private static int matchingParen(String s, int open) {
        int level = 0;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(') {
                level++;
            } else if (c == ')' && --level == 0) {
                return i;
            }
        }
        return -1;
    }

    private void sequence(boolean hex, String inner, String rest, SourceLocation where, int depth) {
        String kw = hex ? "~SEQx" : "~SEQ";
        String[] f = inner.split(",");
        if (f.length < 2 || f.length > 4) {
            diagnostics.error(where, kw, "expected (var, [start, [step,]] end), got (" + inner + ")");
            return;
        }
        String var = f[0].strip();
        if (!var.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            diagnostics.error(where, kw, "'" + var + "' is not a parameter name");
            return;
        }
        long start;
        long step;
        long end;
        try {
            end = parseLong(f[f.length - 1].strip());
            start = f.length >= 3 ? parseLong(f[1].strip()) : (end >= 0 ? 1 : -1);
            step = f.length == 4 ? parseLong(f[2].strip()) : (end >= start ? 1 : -1);
        } catch (NumberFormatException e) {
            diagnostics.error(where, kw, "not a number in (" + inner + ")");
            return;
        }
        if (step == 0 || (step > 0 && start > end) || (step < 0 && start < end)) {
            diagnostics.error(where, kw, "sequence (" + inner + ") never reaches its end");
            return;
        }
        List<String> saved = definitions.get(var);
        for (long v = start; step > 0 ? v <= end : v >= end; v += step) {
            if (overflowReported) {
                break;
            }
            definitions.put(var, List.of(hex ? Long.toHexString(v) : Long.toString(v)));
            process(rest, where, depth + 1);
        }
        restore(var, saved);
    }

    private static long parseLong(String s) {
        if (s.startsWith("0x") || s.startsWith("0X")) {
            return Long.parseLong(s.substring(2), 16);
        }
        if (s.startsWith("-0x") || s.startsWith("-0X")) {
            return -Long.parseLong(s.substring(3), 16);
        }
        return Long.parseLong(s);
    }

    private void list(String inner, String rest, SourceLocation where, int depth) {
        List<String> items = splitTopLevel(inner);
        if (items.size() < 2) {
            diagnostics.error(where, "~LST", "expected (var, value, ...), got (" + inner + ")");
            return;
        }
        List<String> vars = braceItems(items.get(0));
        for (String v : vars) {
            if (!v.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                diagnostics.error(where, "~LST", "'" + v + "' is not a parameter name");
                return;
            }
        }
        Map<String, List<String>> saved = new HashMap<>();
        vars.forEach(v -> saved.put(v, definitions.get(v)));
        for (String item : items.subList(1, items.size())) {
            List<String> values = braceItems(item);
            if (values.size() != vars.size()) {
                diagnostics.error(where, "~LST", "value " + item.strip() + " does not match variables " + items.get(0).strip());
                break;
            }
            for (int k = 0; k < vars.size(); k++) {
                definitions.put(vars.get(k), List.of(values.get(k)));
            }
            process(rest, where, depth + 1);
            if (overflowReported) {
                break;
            }
        }
        saved.forEach(this::restore);
    }

    private void restore(String var, List<String> saved) {
        if (saved == null) {
            definitions.remove(var);
        } else {
            definitions.put(var, saved);
        }
    }

    private static List<String> splitTopLevel(String s) {
        List<String> parts = new ArrayList<>();
        int level = 0;
        int from = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '{') {
                level++;
            } else if (c == '}') {
                level--;
            } else if (c == ',' && level == 0) {
                parts.add(s.substring(from, i));
                from = i + 1;
            }
        }
        parts.add(s.substring(from));
        return parts;
    }

    private static List<String> braceItems(String item) {
        String t = item.strip();
        if (t.startsWith("{") && t.endsWith("}")) {
            List<String> r = new ArrayList<>();
            for (String p : t.substring(1, t.length() - 1).split(",")) {
                r.add(p.strip());
            }
            return r;
        }
        return List.of(t);
    }

    // ---------------------------------------------------------------- include

    private void include(String variant, String spec, Path currentFile, SourceLocation where) {
        if (spec == null || spec.isBlank()) {
            diagnostics.error(where, variant, "missing file name");
            return;
        }
        String pattern = unquote(spec.strip());
        Path base = currentFile.getParent() == null ? Path.of("/") : currentFile.getParent();
        List<Path> files = expandGlob(base, pattern, where, variant);
        if (files.isEmpty()) {
            includeProblem(where, "no file matches '" + pattern + "'", variant);
            return;
        }
        for (Path f : files) {
            readFile(f, where);
        }
    }

    private static String unquote(String s) {
        if (s.length() >= 2 && (s.charAt(0) == '"' || s.charAt(0) == '\'') && s.charAt(s.length() - 1) == s.charAt(0)) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }

    private void includeProblem(SourceLocation where, String message) {
        includeProblem(where, message, "include");
    }

    /** Plain include tolerates missing files, as keepalived's does; -e and the checked variants do not. */
    private void includeProblem(SourceLocation where, String message, String variant) {
        if (options.strictIncludes() || !variant.equals("include")) {
            diagnostics.error(where, variant, message);
        } else {
            diagnostics.warning(where, variant, message);
        }
    }

    private static boolean hasGlob(String s) {
        for (char c : s.toCharArray()) {
            if (c == '*' || c == '?' || c == '[' || c == '{') {
                return true;
            }
        }
        return false;
    }

    private List<Path> expandGlob(Path base, String pattern, SourceLocation where, String variant) {
        Path p = base.resolve(pattern).normalize();
        if (!hasGlob(pattern)) {
            return Files.isRegularFile(p) ? List.of(p) : List.of();
        }
        // Walk from the deepest directory that has no wildcard, matching the whole path.
        Path root = p.getRoot() == null ? Path.of("/") : p.getRoot();
        Path fixed = root;
        int depth = 0;
        boolean inGlob = false;
        for (Path part : p) {
            if (!inGlob && !hasGlob(part.toString())) {
                fixed = fixed.resolve(part);
            } else {
                inGlob = true;
                depth++;
            }
        }
        if (!Files.isDirectory(fixed)) {
            return List.of();
        }
        PathMatcher matcher;
        try {
            matcher = FileSystems.getDefault().getPathMatcher("glob:" + p.toString().replace("\\", "\\\\"));
        } catch (IllegalArgumentException e) {
            diagnostics.error(where, variant, "bad file pattern '" + pattern + "': " + e.getMessage());
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(fixed, depth)) {
            return walk.filter(Files::isRegularFile).filter(matcher::matches).sorted().toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            includeProblem(where, "cannot list " + fixed + ": " + e.getMessage(), variant);
            return List.of();
        }
    }

    // ---------------------------------------------------------------- comments

    /**
     * Removes a '#' or '!' comment that is not inside double quotes, and unescapes "\#" and "\!" outside
     * quotes — keepalived's rules (single quotes do not protect a comment character there).
     */
    private static String stripComment(String line, Diagnostics diagnostics, SourceLocation where) {
        if (line.indexOf('#') < 0 && line.indexOf('!') < 0 && line.indexOf('"') < 0) {
            return line;
        }
        StringBuilder out = null;
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '\\' && i + 1 < line.length()) {
                char next = line.charAt(i + 1);
                if (!quoted && (next == '#' || next == '!')) {
                    if (out == null) {
                        out = new StringBuilder(line.substring(0, i));
                    }
                    out.append(next);
                    i++;
                    continue;
                }
                if (out != null) {
                    out.append(c).append(next);
                }
                i++;
                continue;
            } else if (!quoted && (c == '#' || c == '!')) {
                if (diagnostics != null && i > 0 && !Character.isWhitespace(line.charAt(i - 1))) {
                    // A classic trap: "auth_pass k@l!ve1" is the password "k@l" for keepalived too.
                    diagnostics.warning(where, String.valueOf(c), "'" + c + "' inside a word starts a comment;"
                            + " quote the value or write \\" + c + " if it belongs to it");
                }
                return out == null ? line.substring(0, i) : out.toString();
            }
            if (out != null) {
                out.append(c);
            }
        }
        if (quoted && diagnostics != null) {
            diagnostics.error(where, "\"", "unterminated quote");
        }
        return out == null ? line : out.toString();
    }
}
