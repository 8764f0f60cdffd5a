package org.keepalive4j.config.bind;

import java.math.BigDecimal;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.keepalive4j.config.Diagnostics;
import org.keepalive4j.config.SourceLocation;
import org.keepalive4j.config.model.ScriptSpec;
import org.keepalive4j.config.text.ConfigNode;

/**
 * Typed access to statement arguments. Every reader reports a precise error (file, line, keyword,
 * what was expected) and returns null instead of throwing, so one parse reports all mistakes.
 */
public final class BindContext {

    /** Well-known misspellings, including the ones in keepalived's own user guide. */
    private static final Map<String, String> KNOWN_TYPOS = Map.of(
            "vrrip_instance", "vrrp_instance",
            "vrrip_sync_group", "vrrp_sync_group",
            "virtual_ipaddr", "virtual_ipaddress");

    private final Diagnostics diagnostics;

    public BindContext(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    public Diagnostics diagnostics() {
        return diagnostics;
    }

    public void error(ConfigNode n, String message) {
        diagnostics.error(n.location(), n.keyword(), message);
    }

    public void error(SourceLocation where, String keyword, String message) {
        diagnostics.error(where, keyword, message);
    }

    public void warning(ConfigNode n, String message) {
        diagnostics.warning(n.location(), n.keyword(), message);
    }

    public void warning(SourceLocation where, String keyword, String message) {
        diagnostics.warning(where, keyword, message);
    }

    void unknownKeyword(ConfigNode n, String block, Collection<String> known) {
        String hint = suggestion(n.keyword(), known);
        String skipped = n.hasBlock() ? "; its block is skipped" : "";
        diagnostics.warning(n.location(), n.keyword(), "unknown keyword in " + block + skipped
                + (hint == null ? "" : " (did you mean '" + hint + "'?)"));
    }

    static String suggestion(String word, Collection<String> known) {
        String typo = KNOWN_TYPOS.get(word);
        if (typo != null && known.contains(typo)) {
            return typo;
        }
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            int d = distance(word.toLowerCase(Locale.ROOT), k.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        int allowed = Math.max(1, Math.min(3, word.length() / 4));
        return bestDistance <= allowed ? best : null;
    }

    /** Levenshtein distance, bounded to short words (keywords), so quadratic is fine. */
    static int distance(String a, String b) {
        if (a.length() > 64 || b.length() > 64) {
            return Integer.MAX_VALUE;
        }
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    // ------------------------------------------------------------------ shape checks

    /** The statement must have a block; reports and returns false otherwise. */
    public boolean requireBlock(ConfigNode n) {
        if (!n.hasBlock()) {
            error(n, "expects a block { ... }");
            return false;
        }
        return true;
    }

    /** A value keyword must not open a block; the block's content is ignored. */
    public boolean rejectBlock(ConfigNode n) {
        if (n.hasBlock()) {
            error(n, "takes a value, not a block { ... }");
            return false;
        }
        return true;
    }

    /** The argument at {@code i}, or an error naming what was expected. */
    public String required(ConfigNode n, int i, String what) {
        if (!rejectBlock(n)) {
            return null;
        }
        String v = n.arg(i);
        if (v == null) {
            error(n, "missing " + what);
        }
        return v;
    }

    public void noExtraArgs(ConfigNode n, int allowed) {
        if (n.args().size() > allowed) {
            warning(n, "extra arguments ignored: " + String.join(" ", n.args().subList(allowed, n.args().size())));
        }
    }

    // ------------------------------------------------------------------ value readers

    public Integer integer(ConfigNode n, int i, long min, long max) {
        String v = required(n, i, "a number (" + min + ".." + max + ")");
        return v == null ? null : integerValue(n, v, min, max);
    }

    public Integer integerValue(ConfigNode n, String v, long min, long max) {
        long x;
        try {
            x = Long.parseLong(v);
        } catch (NumberFormatException e) {
            error(n, "'" + v + "' is not a whole number (expected " + min + ".." + max + ")");
            return null;
        }
        if (x < min || x > max) {
            error(n, v + " is outside " + min + ".." + max);
            return null;
        }
        return (int) x;
    }

    /** keepalived's TIMER: seconds with up to microsecond resolution. */
    public Duration timer(ConfigNode n, int i, Duration min, Duration max) {
        String v = required(n, i, "a time in seconds");
        return v == null ? null : timerValue(n, v, min, max);
    }

    public Duration timerValue(ConfigNode n, String v, Duration min, Duration max) {
        BigDecimal seconds;
        try {
            seconds = new BigDecimal(v);
        } catch (NumberFormatException e) {
            error(n, "'" + v + "' is not a time in seconds");
            return null;
        }
        if (seconds.scale() > 6 || seconds.abs().compareTo(BigDecimal.valueOf(1_000_000_000L)) > 0) {
            error(n, "'" + v + "' is not a time in seconds with at most microsecond resolution");
            return null;
        }
        Duration d = Duration.ofNanos(seconds.movePointRight(9).longValueExact());
        if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
            error(n, v + " s is outside " + seconds(min) + ".." + seconds(max) + " s");
            return null;
        }
        return d;
    }

    public static String seconds(Duration d) {
        return BigDecimal.valueOf(d.toNanos()).movePointLeft(9).stripTrailingZeros().toPlainString();
    }

    /** keepalived's optional BOOL: the keyword alone means true. */
    public Boolean optionalBool(ConfigNode n, int i) {
        if (!rejectBlock(n)) {
            return null;
        }
        String v = n.arg(i);
        if (v == null) {
            return Boolean.TRUE;
        }
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "on", "true", "yes" -> Boolean.TRUE;
            case "off", "false", "no" -> Boolean.FALSE;
            default -> {
                error(n, "'" + v + "' is not one of on|off|true|false|yes|no");
                yield null;
            }
        };
    }

    /** A keyword that takes no value, such as nopreempt. */
    public boolean flag(ConfigNode n) {
        if (!rejectBlock(n)) {
            return false;
        }
        noExtraArgs(n, 0);
        return true;
    }

    public InetAddress address(ConfigNode n, int i) {
        String v = required(n, i, "an IP address");
        return v == null ? null : addressValue(n, v);
    }

    public InetAddress addressValue(ConfigNode n, String v) {
        InetAddress a = parseAddress(v);
        if (a == null) {
            error(n, "'" + v + "' is not an IPv4 or IPv6 address");
        }
        return a;
    }

    /**
     * Parses a literal address without ever touching DNS. Hand-written for IPv4 because the parser
     * meets tens of thousands of addresses in large configurations (regexes compiled per call showed up
     * in the parse benchmark).
     */
    public static InetAddress parseAddress(String v) {
        if (v == null || v.isEmpty() || v.length() > 64) {
            return null;
        }
        int zone = v.indexOf('%');
        String host = zone >= 0 ? v.substring(0, zone) : v;
        try {
            if (host.indexOf(':') >= 0) {
                for (int i = 0; i < host.length(); i++) {
                    char c = host.charAt(i);
                    if (!(Character.digit(c, 16) >= 0 || c == ':' || c == '.')) {
                        return null;
                    }
                }
                return InetAddress.getByName(v);
            }
            byte[] octets = ipv4(host);
            return octets == null ? null : InetAddress.getByAddress(octets);
        } catch (java.net.UnknownHostException e) {
            return null;
        }
    }

    /** Dotted-quad to bytes, or null: exactly four decimal parts of 1-3 digits, each at most 255. */
    private static byte[] ipv4(String s) {
        byte[] out = new byte[4];
        int part = 0;
        int value = 0;
        int digits = 0;
        for (int i = 0; i <= s.length(); i++) {
            char c = i < s.length() ? s.charAt(i) : '.';
            if (c >= '0' && c <= '9') {
                value = value * 10 + (c - '0');
                if (++digits > 3 || value > 255) {
                    return null;
                }
            } else if (c == '.' && digits > 0 && part < 4) {
                out[part++] = (byte) value;
                value = 0;
                digits = 0;
            } else {
                return null;
            }
        }
        return part == 4 ? out : null;
    }

    public static boolean isV4(InetAddress a) {
        return a instanceof Inet4Address;
    }

    public static boolean isV6(InetAddress a) {
        return a instanceof Inet6Address;
    }

    /**
     * A script: the first argument is the command line (quoted when it has arguments), then
     * optional user and group.
     */
    public ScriptSpec script(ConfigNode n, int i) {
        String cmd = required(n, i, "a script path");
        if (cmd == null) {
            return null;
        }
        if (cmd.isBlank()) {
            error(n, "empty script path");
            return null;
        }
        noExtraArgs(n, i + 3);
        return new ScriptSpec(cmd, n.arg(i + 1), n.arg(i + 2), n.location());
    }

    /** The statements of a list block (one item per line), as word lists. */
    public List<ConfigNode> items(ConfigNode n) {
        return requireBlock(n) ? n.children() : List.of();
    }
}
