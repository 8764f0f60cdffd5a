package org.keepalive4j.daemon;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Renders any tree of records as indented text, for -d and the SIGUSR1 data dump. It knows no model
 * class: it walks record components by reflection, so records added to the configuration model show up
 * without changes here. Names are printed in keepalived's snake_case; durations in seconds; addresses as
 * text; null values, empty collections and blocks with nothing in them are left out. A record that
 * formats itself (a source location, for instance) is a value, not a block.
 */
public final class ConfigDump {

    private static final String INDENT = "  ";

    private ConfigDump() {
    }

    public static List<String> lines(String name, Object root) {
        List<String> out = new ArrayList<>();
        render(snakeCase(name), root, 0, out);
        return out;
    }

    public static String text(String name, Object root) {
        return String.join("\n", lines(name, root)) + "\n";
    }

    private static void render(String name, Object value, int depth, List<String> out) {
        Object v = value instanceof Optional<?> o ? o.orElse(null) : value;
        if (v == null || isEmpty(v)) {
            return;
        }
        String pad = INDENT.repeat(depth);
        if (isBlock(v)) {
            List<String> body = new ArrayList<>();
            for (RecordComponent c : v.getClass().getRecordComponents()) {
                render(snakeCase(c.getName()), read(c, v), depth + 1, body);
            }
            if (!body.isEmpty()) {
                out.add(pad + name + " {");
                out.addAll(body);
                out.add(pad + "}");
            }
        } else if (v instanceof Collection<?> items) {
            if (items.stream().anyMatch(ConfigDump::isStructured)) {
                for (Object item : items) {
                    render(elementName(name, item), item, depth, out);
                }
            } else {
                out.add(pad + name + ": " + String.join(", ", sortedIfSet(items)));
            }
        } else if (v instanceof Map<?, ?> map) {
            out.add(pad + name + " {");
            new TreeMap<>(stringKeys(map)).forEach((k, item) -> render(k, item, depth + 1, out));
            out.add(pad + "}");
        } else {
            out.add(pad + name + ": " + scalar(v));
        }
    }

    /**
     * A record is a block unless it formats itself: the toString records get for free always starts
     * with "SimpleName[", so any other text means the record defined its own, meant for display.
     */
    private static boolean isBlock(Object v) {
        return v.getClass().isRecord() && String.valueOf(v).startsWith(v.getClass().getSimpleName() + "[");
    }

    private static boolean isStructured(Object v) {
        return v != null && (isBlock(v) || v instanceof Collection<?> || v instanceof Map<?, ?>);
    }

    private static boolean isEmpty(Object v) {
        return (v instanceof Collection<?> c && c.isEmpty()) || (v instanceof Map<?, ?> m && m.isEmpty());
    }

    /** A list element is headed by the list's name and, when the element has one, its own name. */
    private static String elementName(String listName, Object item) {
        if (item != null && item.getClass().isRecord()) {
            for (RecordComponent c : item.getClass().getRecordComponents()) {
                if (c.getName().equals("name") && read(c, item) instanceof String s) {
                    return listName + " " + s;
                }
            }
        }
        return listName;
    }

    private static List<String> sortedIfSet(Collection<?> items) {
        List<String> texts = items.stream().map(ConfigDump::scalar).toList();
        if (items instanceof java.util.Set<?>) {
            texts = texts.stream().sorted().toList();
        }
        return texts;
    }

    private static Map<String, Object> stringKeys(Map<?, ?> map) {
        Map<String, Object> out = new TreeMap<>();
        map.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }

    static String scalar(Object v) {
        if (v == null) {
            return "(none)";
        }
        if (v instanceof Duration d) {
            return BigDecimal.valueOf(d.toNanos(), 9).stripTrailingZeros().toPlainString() + "s";
        }
        if (v instanceof InetAddress a) {
            return a.getHostAddress();
        }
        if (v instanceof Enum<?> e) {
            return e.name();
        }
        return String.valueOf(v);
    }

    private static Object read(RecordComponent c, Object record) {
        try {
            java.lang.reflect.Method accessor = c.getAccessor();
            // records nested in non-public classes have accessors that reflection may not call directly
            accessor.trySetAccessible();
            return accessor.invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            // every accessor is callable after trySetAccessible; a failure here is a programming error
            throw new IllegalStateException("cannot read " + c.getName() + " of " + record.getClass(), e);
        }
    }

    static String snakeCase(String camel) {
        StringBuilder sb = new StringBuilder(camel.length() + 8);
        for (int i = 0; i < camel.length(); i++) {
            char ch = camel.charAt(i);
            if (Character.isUpperCase(ch)) {
                boolean afterLower = i > 0 && !Character.isUpperCase(camel.charAt(i - 1));
                boolean beforeLower = i > 0 && i + 1 < camel.length() && Character.isLowerCase(camel.charAt(i + 1));
                if (i > 0 && (afterLower || beforeLower) && camel.charAt(i - 1) != '_') {
                    sb.append('_');
                }
                sb.append(Character.toLowerCase(ch));
            } else {
                sb.append(ch);
            }
        }
        return sb.toString();
    }
}
