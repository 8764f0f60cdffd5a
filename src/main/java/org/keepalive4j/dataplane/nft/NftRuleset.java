package org.keepalive4j.dataplane.nft;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.keepalive4j.config.model.LvsProtocol;
import org.keepalive4j.config.model.LvsScheduler;
import org.keepalive4j.dataplane.DataplaneException;
import org.keepalive4j.dataplane.ServiceKey;
import org.keepalive4j.dataplane.VirtualService;

/**
 * Turns the wanted table into one nft transaction. Pure: no I/O, so the generated rules are tested
 * without root.
 *
 * <p>Layout of table {@code inet keepalive4j} (inet: one table for IPv4 and IPv6; NAT in inet tables
 * exists since Linux 5.2):
 * <ul>
 * <li>{@code prerouting} (nat, dstnat): one rule per service sends new connections to the virtual
 * address:port (or fwmark) to chain {@code sN}. Only a connection's first packet passes nat chains;
 * conntrack NATs the rest and un-NATs the replies.</li>
 * <li>{@code sN}: persistent clients first (a dynamic set of client addresses per destination), then
 * {@code numgen inc mod K} (rr, wrr) or {@code jhash saddr|daddr mod K} (sh, dh) over a verdict map of
 * {@link SchedulerSlots}, then drop (no destination available).</li>
 * <li>{@code sNdM}: counts the new connection (a rule counter), remembers the client when persistent,
 * DNATs.</li>
 * <li>{@code forward} (filter) and {@code sN_count}: a verdict map per direction from destination
 * (address and port) to its {@code sNdM_c}, whose two rule counters count packets and bytes of the
 * service's connections in the original (client to server) and reply direction.</li>
 * </ul>
 *
 * <p>Each change is applied as: flush the chains whose rules changed, delete what is no longer wanted,
 * add what is new, add the rules of new and flushed chains, in one transaction. A destination's own
 * chains never change while it exists (a weight change rewrites the service's maps only), so its
 * counters keep counting across changes; the persistence sets are objects and keep their clients.
 *
 * <p>Why rule counters and not named counter objects: nft reads every object of the ruleset back from
 * the kernel before any transaction that adds a rule, so with three named counters per destination a
 * single change cost 0.2 s at 10,000 destinations; rules and chains are not read back.
 */
final class NftRuleset {

    static final String FAMILY = "inet";
    static final String TABLE = "keepalive4j";
    static final String PREROUTING = "prerouting";
    static final String FORWARD = "forward";
    private static final String T = FAMILY + " " + TABLE;

    /** The sets of the table and the rules of each chain, as the last committed transaction left them. */
    record Installed(Map<String, List<String>> chains, Map<String, String> sets,
                     Map<NftTableState.Service, Fragment> fragments) {
        static final Installed EMPTY = new Installed(Map.of(), Map.of(), Map.of());

        Installed {
            chains = Map.copyOf(chains);
            sets = Map.copyOf(sets);
            fragments = Map.copyOf(fragments);
        }
    }

    /**
     * One service's share of the table: its chains, their rules, its sets, and its rule in prerouting and
     * in forward. Made once per distinct service state and reused by the next transactions, so a change to
     * one service costs the generation of that service's rules only, however many services there are.
     */
    record Fragment(Map<String, String> chainDefs, Map<String, List<String>> rules, Map<String, String> sets,
                    List<String> prerouting, List<String> forward) {
    }

    /** The script and what the table holds once it has been committed. */
    record Transaction(String script, Installed after) {
    }

    /** What the table should hold: chain definitions and rules (in order), sets. */
    private static final class Wanted {
        final Map<String, String> chainDefs = new LinkedHashMap<>();
        final Map<String, List<String>> rules = new LinkedHashMap<>();
        final Map<String, String> sets = new LinkedHashMap<>();

        void chain(String name, String definition) {
            chainDefs.put(name, definition);
            rules.put(name, new ArrayList<>());
        }

        void rule(String chain, String rule) {
            rules.get(chain).add(rule);
        }
    }

    private NftRuleset() {
    }

    static String deleteTableScript() {
        // adding first makes the delete succeed whether or not the table exists, in one transaction
        return "add table " + T + "\ndelete table " + T + "\n";
    }

    /**
     * The transaction from {@code before} to {@code state}. Chains whose rules did not change are left
     * alone, so a weight change rewrites one service's chain however large the table is.
     */
    static Transaction build(NftTableState state, Installed before) throws DataplaneException {
        Wanted w = new Wanted();
        w.chain(PREROUTING, "{ type nat hook prerouting priority dstnat; policy accept; }");
        w.chain(FORWARD, "{ type filter hook forward priority filter; policy accept; }");
        Map<NftTableState.Service, Fragment> fragments = new HashMap<>();
        for (NftTableState.Service s : state.services()) {
            Fragment f = before.fragments().get(s);
            if (f == null) {
                f = fragment(s);
            }
            fragments.put(s, f);
            w.chainDefs.putAll(f.chainDefs());
            w.rules.putAll(f.rules());
            w.sets.putAll(f.sets());
            w.rules.get(PREROUTING).addAll(f.prerouting());
            w.rules.get(FORWARD).addAll(f.forward());
        }

        // sets whose definition changed are made anew; every rule naming them must go first
        Set<String> droppedSets = new TreeSet<>();
        for (Map.Entry<String, String> e : before.sets().entrySet()) {
            if (!e.getValue().equals(w.sets.get(e.getKey()))) {
                droppedSets.add(e.getKey());
            }
        }
        Set<String> flushed = new TreeSet<>();
        for (Map.Entry<String, List<String>> e : before.chains().entrySet()) {
            if (!e.getValue().equals(w.rules.get(e.getKey())) || mentionsAny(e.getValue(), droppedSets)) {
                flushed.add(e.getKey());
            }
        }

        StringBuilder b = new StringBuilder();
        b.append("add table ").append(T).append('\n');
        for (String c : flushed) {
            b.append("flush chain ").append(T).append(' ').append(c).append('\n');
        }
        Set<String> gone = new TreeSet<>();
        for (String c : before.chains().keySet()) {
            if (!w.chainDefs.containsKey(c)) {
                gone.add(c);
            }
        }
        for (String c : gone) {
            b.append("delete chain ").append(T).append(' ').append(c).append('\n');
        }
        for (String set : droppedSets) {
            b.append("delete set ").append(T).append(' ').append(set).append('\n');
        }
        for (Map.Entry<String, String> e : w.sets.entrySet()) {
            if (!e.getValue().equals(before.sets().get(e.getKey()))) {
                b.append("add set ").append(T).append(' ').append(e.getKey()).append(' ').append(e.getValue())
                        .append('\n');
            }
        }
        for (Map.Entry<String, String> e : w.chainDefs.entrySet()) {
            if (!before.chains().containsKey(e.getKey())) {
                b.append("add chain ").append(T).append(' ').append(e.getKey());
                if (!e.getValue().isEmpty()) {
                    b.append(' ').append(e.getValue());
                }
                b.append('\n');
            }
        }
        for (Map.Entry<String, List<String>> e : w.rules.entrySet()) {
            if (!before.chains().containsKey(e.getKey()) || flushed.contains(e.getKey())) {
                for (String r : e.getValue()) {
                    b.append("add rule ").append(T).append(' ').append(e.getKey()).append(' ').append(r).append('\n');
                }
            }
        }
        Map<String, List<String>> chains = new LinkedHashMap<>();
        w.rules.forEach((k, v) -> chains.put(k, List.copyOf(v)));
        return new Transaction(b.toString(), new Installed(chains, w.sets, fragments));
    }

    private static boolean mentionsAny(List<String> rules, Set<String> sets) {
        for (String r : rules) {
            for (String set : sets) {
                if (r.contains("@" + set + " ")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Fragment fragment(NftTableState.Service s) throws DataplaneException {
        Wanted w = new Wanted();
        w.chain(PREROUTING, "");
        w.chain(FORWARD, "");
        addService(s, w);
        List<String> prerouting = List.copyOf(w.rules.remove(PREROUTING));
        List<String> forward = List.copyOf(w.rules.remove(FORWARD));
        w.chainDefs.remove(PREROUTING);
        w.chainDefs.remove(FORWARD);
        Map<String, List<String>> rules = new LinkedHashMap<>();
        w.rules.forEach((chain, list) -> rules.put(chain, List.copyOf(list)));
        return new Fragment(java.util.Collections.unmodifiableMap(w.chainDefs), java.util.Collections.unmodifiableMap(rules),
                java.util.Collections.unmodifiableMap(w.sets), prerouting, forward);
    }

    private static void addService(NftTableState.Service s, Wanted w) throws DataplaneException {
        VirtualService cfg = s.config();
        String ip = NftSupport.isIpv6(cfg.key()) ? "ip6" : "ip";
        List<String> protocols = protocols(cfg.key());
        w.chain(s.chain(), "{ comment " + quote(cfg.key().describe()) + "; }");
        w.chain(s.countChain(), "");

        // prerouting: select the service's new connections
        if (cfg.key() instanceof ServiceKey.Address) {
            ServiceKey.Address a = (ServiceKey.Address) cfg.key();
            String proto = protocols.get(0);
            String match = ip + " daddr " + a.address().getHostAddress()
                    + (a.port() == 0 ? " meta l4proto " + proto : " " + proto + " dport " + a.port());
            w.rule(PREROUTING, match + " goto " + s.chain());
            w.rule(FORWARD, "meta l4proto " + proto + " ct original " + ip + " daddr "
                    + a.address().getHostAddress() + (a.port() == 0 ? "" : " ct original proto-dst " + a.port())
                    + " jump " + s.countChain());
        } else {
            ServiceKey.Fwmark f = (ServiceKey.Fwmark) cfg.key();
            w.rule(PREROUTING, "meta nfproto " + (ip.equals("ip") ? "ipv4" : "ipv6") + " meta mark " + f.mark()
                    + " goto " + s.chain());
            // a forwarded connection that was DNATed; the count chain narrows it to each destination
            w.rule(FORWARD, "meta nfproto " + (ip.equals("ip") ? "ipv4" : "ipv6") + " ct status dnat jump "
                    + s.countChain());
        }

        Integer persistence = cfg.persistenceTimeout();
        List<Integer> weights = new ArrayList<>();
        for (NftTableState.Dest d : s.destinations()) {
            weights.add(d.config().weight());
        }
        LvsScheduler sched = cfg.scheduler() == null ? LvsScheduler.DEFAULT : cfg.scheduler();
        List<Integer> slots = SchedulerSlots.slots(sched, weights);

        // persistent clients return to the destination they had, while it still takes new connections
        if (persistence != null) {
            for (NftTableState.Dest d : s.destinations()) {
                if (d.config().weight() > 0) {
                    w.rule(s.chain(), ip + " saddr @" + d.clientSet() + " goto " + d.chain());
                }
            }
        }
        if (!slots.isEmpty()) {
            StringBuilder map = new StringBuilder();
            for (int i = 0; i < slots.size(); i++) {
                map.append(i == 0 ? "" : ", ").append(i).append(" : goto ")
                        .append(s.destinations().get(slots.get(i)).chain());
            }
            w.rule(s.chain(), selector(sched, ip) + " mod " + slots.size() + " vmap { " + map + " }");
        }
        // nothing may take the connection: drop it rather than let the director answer for the servers
        w.rule(s.chain(), "counter drop");

        for (NftTableState.Dest d : s.destinations()) {
            InetAddress addr = d.config().address();
            int port = d.config().port();
            w.chain(d.chain(), "{ comment " + quote(d.config().describe()) + "; }");
            w.chain(d.countChain(), "");
            w.rule(d.countChain(), "ct direction original counter");
            w.rule(d.countChain(), "ct direction reply counter");
            StringBuilder first = new StringBuilder();
            if (persistence != null) {
                String def = "{ type " + (ip.equals("ip") ? "ipv4_addr" : "ipv6_addr") + "; timeout " + persistence
                        + "s; flags dynamic; }";
                w.sets.put(d.clientSet(), def);
                first.append("update @").append(d.clientSet()).append(" { ").append(ip).append(" saddr }");
            }
            first.append(first.length() == 0 ? "" : " ").append("counter");
            w.rule(d.chain(), first.toString());
            if (port == 0) {
                w.rule(d.chain(), "dnat " + ip + " to " + host(addr));
            } else {
                for (String p : protocols) {
                    w.rule(d.chain(), "meta l4proto " + p + " dnat " + ip + " to " + host(addr) + ":" + port);
                }
            }
        }
        addCountRules(s, ip, w);
    }

    /**
     * The count chain: one lookup per direction in a verdict map from destination (address and port) to
     * its count chain, so a destination more or less changes one map, not a rule per destination.
     */
    private static void addCountRules(NftTableState.Service s, String ip, Wanted w) {
        StringBuilder in = new StringBuilder();
        StringBuilder out = new StringBuilder();
        StringBuilder inNoPort = new StringBuilder();
        StringBuilder outNoPort = new StringBuilder();
        for (NftTableState.Dest d : s.destinations()) {
            String addr = d.config().address().getHostAddress();
            int port = d.config().port();
            String key = port == 0 ? addr : addr + " . " + port;
            StringBuilder i = port == 0 ? inNoPort : in;
            StringBuilder o = port == 0 ? outNoPort : out;
            i.append(i.length() == 0 ? "" : ", ").append(key).append(" : goto ").append(d.countChain());
            o.append(o.length() == 0 ? "" : ", ").append(key).append(" : goto ").append(d.countChain());
        }
        if (in.length() > 0) {
            w.rule(s.countChain(), "ct direction original " + ip + " daddr . th dport vmap { " + in + " }");
            w.rule(s.countChain(), "ct direction reply " + ip + " saddr . th sport vmap { " + out + " }");
        }
        if (inNoPort.length() > 0) {
            w.rule(s.countChain(), "ct direction original " + ip + " daddr vmap { " + inNoPort + " }");
            w.rule(s.countChain(), "ct direction reply " + ip + " saddr vmap { " + outNoPort + " }");
        }
    }

    private static String selector(LvsScheduler sched, String ip) {
        switch (sched) {
            case RR:
            case WRR:
                return "numgen inc";
            case SH:
                return "jhash " + ip + " saddr";
            case DH:
                return "jhash " + ip + " daddr";
            default:
                throw new IllegalArgumentException("not a stateless scheduler: " + sched);
        }
    }

    /** The layer-4 protocols a service's connections use; a fwmark service may carry any of them. */
    private static List<String> protocols(ServiceKey key) {
        if (key instanceof ServiceKey.Address) {
            return List.of(((ServiceKey.Address) key).protocol().name().toLowerCase(Locale.ROOT));
        }
        List<String> all = new ArrayList<>();
        for (LvsProtocol p : LvsProtocol.values()) {
            all.add(p.name().toLowerCase(Locale.ROOT));
        }
        return all;
    }

    private static String host(InetAddress a) {
        return a instanceof Inet6Address ? "[" + a.getHostAddress() + "]" : a.getHostAddress();
    }

    private static String quote(String s) {
        return "\"" + s.replace("\"", "'") + "\"";
    }
}
