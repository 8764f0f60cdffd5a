package org.keepalive4j.config.bind;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.keepalive4j.config.model.RouteSpec;
import org.keepalive4j.config.model.RuleSpec;
import org.keepalive4j.config.model.VirtualAddress;
import org.keepalive4j.config.text.ConfigNode;

/** The line syntaxes of address, route and rule lists (ip-address(8), ip-route(8), ip-rule(8) style). */
final class AddressLines {

    private static final Set<String> SCOPES = Set.of("site", "link", "host", "nowhere", "global");
    private static final Set<String> ADDRESS_FLAGS = Set.of("home", "-nodad", "nodad", "mngtmpaddr",
            "noprefixroute", "autojoin", "no_track", "use_vmac");
    private static final Set<String> VALUED_OPTIONS = Set.of("brd", "broadcast", "dev", "label", "scope", "peer",
            "preferred_lft", "track_group");
    private static final Set<String> ROUTE_TYPES = Set.of("unicast", "blackhole", "unreachable", "prohibit",
            "throw", "local", "broadcast", "anycast", "multicast", "nat");

    private AddressLines() {
    }

    /** Parses every line of an address block; a bad address is an error naming its line. */
    static List<VirtualAddress> addresses(ConfigNode block, BindContext c) {
        List<VirtualAddress> out = new ArrayList<>();
        for (ConfigNode line : c.items(block)) {
            VirtualAddress a = address(line, c);
            if (a != null) {
                out.add(a);
            }
        }
        return out;
    }

    static VirtualAddress address(ConfigNode line, BindContext c) {
        if (!c.rejectBlock(line)) {
            return null;
        }
        List<String> w = line.words();
        String spec = w.get(0);
        int slash = spec.indexOf('/');
        String addrText = slash < 0 ? spec : spec.substring(0, slash);
        InetAddress addr = BindContext.parseAddress(addrText);
        if (addr == null) {
            c.error(line.location(), spec, "'" + spec + "' is not an IP address[/prefix]");
            return null;
        }
        int max = BindContext.isV4(addr) ? 32 : 128;
        int prefix = max;
        if (slash >= 0) {
            Integer p = c.integerValue(line, spec.substring(slash + 1), 0, max);
            if (p == null) {
                return null;
            }
            prefix = p;
        }
        InetAddress brd = null;
        InetAddress peer = null;
        String dev = null;
        String label = null;
        String scope = null;
        Long preferred = null;
        Set<String> flags = new LinkedHashSet<>();
        for (int i = 1; i < w.size(); i++) {
            String k = w.get(i);
            String v = i + 1 < w.size() ? w.get(i + 1) : null;
            boolean needsValue = VALUED_OPTIONS.contains(k);
            if (needsValue && v == null) {
                c.error(line.location(), spec, "missing value after '" + k + "'");
                return null;
            }
            switch (k) {
                case "brd", "broadcast" -> {
                    i++;
                    if (!v.equals("+") && !v.equals("-")) {
                        brd = c.addressValue(line, v);
                        if (brd == null) {
                            return null;
                        }
                    }
                }
                case "dev" -> { dev = v; i++; }
                case "label" -> { label = v; i++; }
                case "scope" -> {
                    if (!SCOPES.contains(v) && !v.matches("\\d{1,3}")) {
                        c.error(line.location(), spec, "scope '" + v + "' is not one of " + SCOPES);
                        return null;
                    }
                    scope = v;
                    i++;
                }
                case "peer" -> {
                    String pv = v.contains("/") ? v.substring(0, v.indexOf('/')) : v;
                    peer = c.addressValue(line, pv);
                    if (peer == null) {
                        return null;
                    }
                    i++;
                }
                case "preferred_lft" -> {
                    if (v.equals("forever")) {
                        preferred = -1L;
                    } else {
                        Integer p = c.integerValue(line, v, 0, Integer.MAX_VALUE);
                        if (p == null) {
                            return null;
                        }
                        preferred = p.longValue();
                    }
                    i++;
                }
                case "track_group" -> i++;
                default -> {
                    if (ADDRESS_FLAGS.contains(k)) {
                        flags.add(k.equals("nodad") ? "-nodad" : k);
                    } else {
                        c.error(line.location(), spec, "unexpected '" + k
                                + "' (expected brd, dev, scope, label, peer, preferred_lft or a flag)");
                        return null;
                    }
                }
            }
        }
        return new VirtualAddress(addr, prefix, brd, dev, label, scope, peer, flags, preferred, line.location());
    }

    /**
     * A route line. keepalived skips (with a warning) routes it cannot use; so do we, except for a
     * destination that is not an address at all, which is an error.
     */
    static List<RouteSpec> routes(ConfigNode block, BindContext c) {
        List<RouteSpec> out = new ArrayList<>();
        for (ConfigNode line : c.items(block)) {
            if (!c.rejectBlock(line)) {
                continue;
            }
            List<String> w = line.words();
            String type = "unicast";
            String src = null;
            String dest = null;
            List<String> gateways = new ArrayList<>();
            String dev = null;
            String table = null;
            String scope = null;
            boolean ok = true;
            for (int i = 0; i < w.size() && ok; i++) {
                String k = w.get(i);
                String v = i + 1 < w.size() ? w.get(i + 1) : null;
                switch (k) {
                    case "src", "via", "gw", "or", "dev", "oif", "table", "scope", "metric", "preference", "proto",
                            "protocol", "realms", "mtu", "advmss", "rtt", "rttvar", "reordering", "window", "cwnd",
                            "ssthresh", "initcwnd", "initrwnd", "features", "quickack", "pref", "congctl",
                            "hoplimit", "fastopen_no_cookie", "nexthop", "encap", "tos", "dsfield", "track_group" -> {
                        if (v == null) {
                            c.error(line.location(), w.get(0), "missing value after '" + k + "'");
                            ok = false;
                            break;
                        }
                        i++;
                        switch (k) {
                            case "src" -> src = v;
                            case "via", "gw", "or" -> gateways.add(v);
                            case "dev", "oif" -> dev = v;
                            case "table" -> table = v;
                            case "scope" -> scope = v;
                            default -> { }
                        }
                    }
                    case "to", "no_track", "onlink", "lock" -> { }
                    default -> {
                        if (ROUTE_TYPES.contains(k) && dest == null) {
                            type = k;
                        } else if (dest == null) {
                            dest = k;
                        } else {
                            c.error(line.location(), w.get(0), "unexpected '" + k + "' in route");
                            ok = false;
                        }
                    }
                }
            }
            if (!ok) {
                continue;
            }
            if (dest == null) {
                c.error(line.location(), w.get(0), "route without a destination");
                continue;
            }
            String destAddr = dest.equals("default") ? "0.0.0.0" : dest.replaceAll("/.*", "");
            if (BindContext.parseAddress(destAddr) == null) {
                c.error(line.location(), w.get(0), "'" + dest + "' is not a destination address[/prefix]");
                continue;
            }
            boolean badGateway = false;
            for (String g : gateways) {
                if (BindContext.parseAddress(g) == null) {
                    c.error(line.location(), w.get(0), "'" + g + "' is not a gateway address");
                    badGateway = true;
                }
            }
            if (!badGateway) {
                out.add(new RouteSpec(type, src, dest, gateways, dev, table, scope, w, line.location()));
            }
        }
        return out;
    }

    /**
     * A rule line. As in keepalived, a rule whose from/to address does not parse is skipped with a
     * warning (keepalived's own sample file contains such a rule).
     */
    static List<RuleSpec> rules(ConfigNode block, BindContext c) {
        List<RuleSpec> out = new ArrayList<>();
        for (ConfigNode line : c.items(block)) {
            if (!c.rejectBlock(line)) {
                continue;
            }
            List<String> w = line.words();
            String from = null;
            String to = null;
            String table = null;
            Integer pref = null;
            boolean ok = true;
            for (int i = 0; i < w.size(); i++) {
                String k = w.get(i);
                String v = i + 1 < w.size() ? w.get(i + 1) : null;
                switch (k) {
                    case "from", "to" -> {
                        i++;
                        String a = v == null ? "" : v.replaceAll("/.*", "");
                        if (v == null || (!v.equals("all") && BindContext.parseAddress(a) == null)) {
                            c.warning(line.location(), w.get(0), "invalid rule " + k + " address '" + v
                                    + "', rule skipped");
                            ok = false;
                        } else if (k.equals("from")) {
                            from = v;
                        } else {
                            to = v;
                        }
                    }
                    case "table", "lookup" -> { table = v; i++; }
                    case "preference", "pref", "priority" -> {
                        i++;
                        pref = v == null ? null : c.integerValue(line, v, 0, 0xffffffffL);
                    }
                    default -> {
                        if (v != null && !k.equals("no_track") && !k.equals("not") && !k.equals("invert")) {
                            i++;
                        }
                    }
                }
            }
            if (ok) {
                if (pref == null) {
                    c.warning(line.location(), w.get(0), "rule has no preference; the kernel will choose one");
                }
                out.add(new RuleSpec(from, to, table, pref, w, line.location()));
            }
        }
        return out;
    }
}
