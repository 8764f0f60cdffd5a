package org.keepalive4j.dataplane.nft;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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
 * <li>{@code sNdM}: counts the new connection, remembers the client when persistent, DNATs.</li>
 * <li>{@code forward} (filter) and {@code sN_count}: per destination, packets and bytes of the
 * service's connections in the original (client to server) and reply direction.</li>
 * </ul>
 *
 * <p>Each change is applied as: flush every chain we own, delete what is no longer wanted, add what is
 * new, add all rules, in one transaction. Named counters and the persistence sets are objects, not
 * rules, so they survive the flush: counters keep counting and persistent clients keep their server
 * across changes.
 */
final class NftRuleset {

    static final String FAMILY = "inet";
    static final String TABLE = "keepalive4j";
    static final String PREROUTING = "prerouting";
    static final String FORWARD = "forward";
    private static final String T = FAMILY + " " + TABLE;

    /** The named objects of the table, as the last successful transaction left them. */
    record Installed(Set<String> chains, Set<String> counters, Map<String, String> sets) {
        static final Installed EMPTY = new Installed(Set.of(), Set.of(), Map.of());

        Installed {
            chains = Set.copyOf(chains);
            counters = Set.copyOf(counters);
            sets = Map.copyOf(sets);
        }
    }

    /** The script and what the table holds once it has been committed. */
    record Transaction(String script, Installed after) {
    }

    private NftRuleset() {
    }

    static String deleteTableScript() {
        // adding first makes the delete succeed whether or not the table exists, in one transaction
        return "add table " + T + "\ndelete table " + T + "\n";
    }

    static Transaction build(NftTableState state, Installed before) throws DataplaneException {
        Set<String> chains = new LinkedHashSet<>();
        Map<String, String> chainDefs = new LinkedHashMap<>();
        Set<String> counters = new LinkedHashSet<>();
        Map<String, String> sets = new LinkedHashMap<>();
        List<String> rules = new ArrayList<>();

        chainDefs.put(PREROUTING, "{ type nat hook prerouting priority dstnat; policy accept; }");
        chainDefs.put(FORWARD, "{ type filter hook forward priority filter; policy accept; }");
        for (NftTableState.Service s : state.services()) {
            addService(s, chainDefs, counters, sets, rules);
        }
        chains.addAll(chainDefs.keySet());

        StringBuilder b = new StringBuilder();
        b.append("add table ").append(T).append('\n');
        for (String c : new java.util.TreeSet<>(before.chains())) {
            b.append("flush chain ").append(T).append(' ').append(c).append('\n');
        }
        for (String c : new java.util.TreeSet<>(before.chains())) {
            if (!chains.contains(c)) {
                b.append("delete chain ").append(T).append(' ').append(c).append('\n');
            }
        }
        for (String c : new java.util.TreeSet<>(before.counters())) {
            if (!counters.contains(c)) {
                b.append("delete counter ").append(T).append(' ').append(c).append('\n');
            }
        }
        for (Map.Entry<String, String> e : new java.util.TreeMap<>(before.sets()).entrySet()) {
            // a changed timeout cannot be altered in place: the set is made anew (its clients are forgotten)
            if (!e.getValue().equals(sets.get(e.getKey()))) {
                b.append("delete set ").append(T).append(' ').append(e.getKey()).append('\n');
            }
        }
        for (String c : counters) {
            if (!before.counters().contains(c)) {
                b.append("add counter ").append(T).append(' ').append(c).append('\n');
            }
        }
        for (Map.Entry<String, String> e : sets.entrySet()) {
            if (!e.getValue().equals(before.sets().get(e.getKey()))) {
                b.append("add set ").append(T).append(' ').append(e.getKey()).append(' ').append(e.getValue())
                        .append('\n');
            }
        }
        for (Map.Entry<String, String> e : chainDefs.entrySet()) {
            if (!before.chains().contains(e.getKey())) {
                b.append("add chain ").append(T).append(' ').append(e.getKey());
                if (!e.getValue().isEmpty()) {
                    b.append(' ').append(e.getValue());
                }
                b.append('\n');
            }
        }
        for (String r : rules) {
            b.append("add rule ").append(T).append(' ').append(r).append('\n');
        }
        return new Transaction(b.toString(), new Installed(chains, counters, sets));
    }

    private static void addService(NftTableState.Service s, Map<String, String> chainDefs, Set<String> counters,
            Map<String, String> sets, List<String> rules) throws DataplaneException {
        VirtualService cfg = s.config();
        String ip = NftSupport.isIpv6(cfg.key()) ? "ip6" : "ip";
        List<String> protocols = protocols(cfg.key());
        chainDefs.put(s.chain(), "{ comment " + quote(cfg.key().describe()) + "; }");
        chainDefs.put(s.countChain(), "");

        // prerouting: select the service's new connections
        if (cfg.key() instanceof ServiceKey.Address) {
            ServiceKey.Address a = (ServiceKey.Address) cfg.key();
            String proto = protocols.get(0);
            String match = ip + " daddr " + a.address().getHostAddress()
                    + (a.port() == 0 ? " meta l4proto " + proto : " " + proto + " dport " + a.port());
            rules.add(PREROUTING + " " + match + " goto " + s.chain());
            rules.add(FORWARD + " meta l4proto " + proto + " ct original " + ip + " daddr "
                    + a.address().getHostAddress() + (a.port() == 0 ? "" : " ct original proto-dst " + a.port())
                    + " jump " + s.countChain());
        } else {
            ServiceKey.Fwmark f = (ServiceKey.Fwmark) cfg.key();
            rules.add(PREROUTING + " meta nfproto " + (ip.equals("ip") ? "ipv4" : "ipv6") + " meta mark " + f.mark()
                    + " goto " + s.chain());
            // a forwarded connection that was DNATed; the count chain narrows it to each destination
            rules.add(FORWARD + " meta nfproto " + (ip.equals("ip") ? "ipv4" : "ipv6") + " ct status dnat jump "
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
                    rules.add(s.chain() + " " + ip + " saddr @" + d.clientSet() + " goto " + d.chain());
                }
            }
        }
        if (!slots.isEmpty()) {
            StringBuilder map = new StringBuilder();
            for (int i = 0; i < slots.size(); i++) {
                map.append(i == 0 ? "" : ", ").append(i).append(" : goto ")
                        .append(s.destinations().get(slots.get(i)).chain());
            }
            rules.add(s.chain() + " " + selector(sched, ip) + " mod " + slots.size() + " vmap { " + map + " }");
        }
        // nothing may take the connection: drop it rather than let the director answer for the servers
        rules.add(s.chain() + " counter drop");

        for (NftTableState.Dest d : s.destinations()) {
            InetAddress addr = d.config().address();
            int port = d.config().port();
            chainDefs.put(d.chain(), "{ comment " + quote(d.config().describe()) + "; }");
            counters.add(d.newCounter());
            counters.add(d.inCounter());
            counters.add(d.outCounter());
            StringBuilder first = new StringBuilder(d.chain());
            if (persistence != null) {
                String def = "{ type " + (ip.equals("ip") ? "ipv4_addr" : "ipv6_addr") + "; timeout " + persistence
                        + "s; flags dynamic; }";
                sets.put(d.clientSet(), def);
                first.append(" update @").append(d.clientSet()).append(" { ").append(ip).append(" saddr }");
            }
            first.append(" counter name ").append(quote(d.newCounter()));
            rules.add(first.toString());
            if (port == 0) {
                rules.add(d.chain() + " dnat " + ip + " to " + host(addr));
            } else {
                for (String p : protocols) {
                    rules.add(d.chain() + " meta l4proto " + p + " dnat " + ip + " to " + host(addr) + ":" + port);
                }
            }
            String portIn = port == 0 ? "" : " th dport " + port;
            String portOut = port == 0 ? "" : " th sport " + port;
            rules.add(s.countChain() + " ct direction original " + ip + " daddr " + addr.getHostAddress() + portIn
                    + " counter name " + quote(d.inCounter()));
            rules.add(s.countChain() + " ct direction reply " + ip + " saddr " + addr.getHostAddress() + portOut
                    + " counter name " + quote(d.outCounter()));
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
