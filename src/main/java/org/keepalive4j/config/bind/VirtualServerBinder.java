package org.keepalive4j.config.bind;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.keepalive4j.config.SourceLocation;
import org.keepalive4j.config.model.ForwardingMethod;
import org.keepalive4j.config.model.GlobalDefs;
import org.keepalive4j.config.model.IpFamily;
import org.keepalive4j.config.model.LvsProtocol;
import org.keepalive4j.config.model.LvsScheduler;
import org.keepalive4j.config.model.RealServer;
import org.keepalive4j.config.model.ScriptSpec;
import org.keepalive4j.config.model.SorryServer;
import org.keepalive4j.config.model.VirtualServer;
import org.keepalive4j.config.text.ConfigNode;

/** virtual_server blocks: the header (address, fwmark or group), the keywords, then keepalived's fix-ups. */
final class VirtualServerBinder {

    private static final String KW = "virtual_server";

    private VirtualServerBinder() {
    }

    static final class Draft {
        VirtualServer.Target target;
        SourceLocation location;
        IpFamily family;
        LvsProtocol protocol;
        LvsScheduler scheduler;
        SourceLocation schedulerAt;
        final Set<String> schedulerFlags = new LinkedHashSet<>();
        boolean ops;
        ForwardingMethod forwarding;
        Integer persistenceTimeout;
        String persistenceGranularity;
        String persistenceEngine;
        String virtualhost;
        InetAddress sorryAddress;
        Integer sorryPort;
        boolean sorryInhibit;
        ForwardingMethod sorryForwarding;
        SourceLocation sorryAt;
        boolean alpha;
        boolean omega;
        long quorum = 1;
        long hysteresis;
        ScriptSpec quorumUp;
        ScriptSpec quorumDown;
        boolean haSuspend;
        boolean inhibit;
        int weight = 1;
        Duration delayLoop = VirtualServer.DEFAULT_DELAY_LOOP;
        Duration connectTimeout = VirtualServer.DEFAULT_CONNECT_TIMEOUT;
        Integer retry;
        Duration delayBeforeRetry;
        Duration warmup;
        Boolean smtpAlert;
        String snmpName;
        final List<RealServerBinder.Draft> realServers = new ArrayList<>();
    }

    private static final List<String> SCHEDULER_FLAGS = List.of("flag-1", "flag-2", "flag-3", "sh-port",
            "sh-fallback", "mh-port", "mh-fallback");

    static final BlockSpec<Draft> SPEC = new BlockSpec<Draft>(KW)
            .on("ip_family", (n, d, c) -> {
                String v = c.required(n, 0, "inet or inet6");
                if (v != null && IpFamily.of(v) == null) {
                    c.error(n, "'" + v + "' is not an address family (inet or inet6)");
                } else if (v != null && d.family != null && d.family != IpFamily.of(v)) {
                    c.error(n, "ip_family " + v + " conflicts with the virtual server's address family");
                } else if (v != null) {
                    d.family = IpFamily.of(v);
                }
            })
            .on("retry", (n, d, c) -> d.retry = c.integer(n, 0, 1, Integer.MAX_VALUE))
            .on("delay_before_retry", (n, d, c) -> d.delayBeforeRetry = LvsValues.timer(n, Duration.ZERO, c))
            .on("warmup", (n, d, c) -> d.warmup = LvsValues.timer(n, Duration.ZERO, c))
            .on("connect_timeout", (n, d, c) -> GlobalDefsBinder.set(
                    c.timer(n, 0, LvsValues.MICROSECOND, LvsValues.MAX_CONNECT_TIMEOUT), v -> d.connectTimeout = v))
            .on("delay_loop", (n, d, c) -> GlobalDefsBinder.set(LvsValues.timer(n, LvsValues.MICROSECOND, c),
                    v -> d.delayLoop = v))
            .on("inhibit_on_failure", (n, d, c) -> d.inhibit = c.flag(n))
            .on(List.of("lb_algo", "lvs_sched"), (n, d, c) -> {
                String v = c.required(n, 0, "a scheduler");
                if (v != null && LvsScheduler.of(v) == null) {
                    c.error(n, "'" + v + "' is not an LVS scheduler (rr wrr lc wlc lblc lblcr dh sh sed nq mh fo ovf twos)");
                } else if (v != null) {
                    d.scheduler = LvsScheduler.of(v);
                    d.schedulerAt = n.location();
                }
            })
            .on("ops", (n, d, c) -> d.ops = c.flag(n))
            .on(SCHEDULER_FLAGS, (n, d, c) -> {
                if (c.flag(n)) {
                    d.schedulerFlags.add(n.keyword());
                }
            })
            .on("hashed", (n, d, c) -> c.warning(n, "hashed is obsolete - ignored"))
            .on(List.of("lb_kind", "lvs_method"), (n, d, c) -> GlobalDefsBinder.set(LvsValues.forwarding(n, c),
                    v -> d.forwarding = v))
            .on("persistence_engine", (n, d, c) -> d.persistenceEngine = c.required(n, 0, "an engine name"))
            .on("persistence_timeout", (n, d, c) -> {
                if (n.arg(0) == null) {
                    d.persistenceTimeout = c.rejectBlock(n) ? VirtualServer.DEFAULT_PERSISTENCE_TIMEOUT : null;
                } else {
                    // IPVS's limit: 31 days.
                    d.persistenceTimeout = c.integer(n, 0, 1, 86400 * 31);
                }
            })
            .on("persistence_granularity", VirtualServerBinder::granularity)
            .on("protocol", (n, d, c) -> {
                String v = c.required(n, 0, "TCP, UDP or SCTP");
                if (v != null && LvsProtocol.of(v) == null) {
                    c.error(n, "'" + v + "' is not a protocol (TCP, UDP or SCTP)");
                } else if (v != null) {
                    d.protocol = LvsProtocol.of(v);
                }
            })
            .on("ha_suspend", (n, d, c) -> d.haSuspend = c.flag(n))
            .on("smtp_alert", (n, d, c) -> d.smtpAlert = c.optionalBool(n, 0))
            .on("virtualhost", (n, d, c) -> d.virtualhost = c.required(n, 0, "a host name"))
            .on("snmp_name", (n, d, c) -> d.snmpName = c.required(n, 0, "a name"))
            .on("alpha", (n, d, c) -> d.alpha = c.flag(n))
            .on("omega", (n, d, c) -> d.omega = c.flag(n))
            .on("quorum_up", (n, d, c) -> d.quorumUp = c.script(n, 0))
            .on("quorum_down", (n, d, c) -> d.quorumDown = c.script(n, 0))
            .on("quorum", (n, d, c) -> GlobalDefsBinder.set(LvsValues.unsigned(n, 0, 1, LvsValues.UINT32_MAX, c),
                    v -> d.quorum = v))
            .on("hysteresis", (n, d, c) -> GlobalDefsBinder.set(LvsValues.unsigned(n, 0, 0, LvsValues.UINT32_MAX, c),
                    v -> d.hysteresis = v))
            .on("weight", (n, d, c) -> GlobalDefsBinder.set(c.integer(n, 0, 1, RealServer.MAX_WEIGHT), v -> d.weight = v))
            .on("sorry_server", VirtualServerBinder::sorryServer)
            .on("sorry_server_inhibit", (n, d, c) -> {
                if (!c.flag(n)) {
                    return;
                }
                if (d.sorryAt == null) {
                    c.warning(n, "sorry_server_inhibit used before or without sorry_server - ignored");
                } else {
                    d.sorryInhibit = true;
                }
            })
            .on("sorry_server_lvs_method", (n, d, c) -> {
                ForwardingMethod f = LvsValues.forwarding(n, c);
                if (f != null && d.sorryAt == null) {
                    c.warning(n, "sorry_server_lvs_method used before or without sorry_server - ignored");
                } else if (f != null) {
                    d.sorryForwarding = f;
                }
            })
            .on("real_server", (n, d, c) -> {
                RealServerBinder.Draft rs = RealServerBinder.bind(n, c);
                if (rs != null) {
                    d.realServers.add(rs);
                }
            });

    /** An IPv4 netmask, or an IPv6 prefix length (1..128); the family comes from the service if known. */
    private static void granularity(ConfigNode n, Draft d, BindContext c) {
        String v = c.required(n, 0, "a netmask or IPv6 prefix length");
        if (v == null) {
            return;
        }
        boolean v6 = d.family != null ? d.family == IpFamily.INET6 : !v.contains(".");
        if (v6 && c.integerValue(n, v, 1, 128) == null) {
            return;
        }
        if (!v6 && !(BindContext.parseAddress(v) instanceof java.net.Inet4Address)) {
            c.error(n, "'" + v + "' is not an IPv4 netmask");
            return;
        }
        d.persistenceGranularity = v;
        if (d.family == null) {
            d.family = v6 ? IpFamily.INET6 : IpFamily.INET;
        }
        if (d.persistenceTimeout == null) {
            d.persistenceTimeout = VirtualServer.DEFAULT_PERSISTENCE_TIMEOUT;
        }
    }

    private static void sorryServer(ConfigNode n, Draft d, BindContext c) {
        InetAddress a = c.address(n, 0);
        Integer port = n.arg(1) == null ? Integer.valueOf(0) : LvsValues.port(n, n.arg(1), c);
        c.noExtraArgs(n, 2);
        if (a != null && port != null) {
            d.sorryAddress = a;
            d.sorryPort = LvsValues.noZero(port);
            d.sorryAt = n.location();
        }
    }

    /** The header: {@code virtual_server IP [PORT] | fwmark N | group NAME}; null after reporting. */
    static VirtualServer.Target target(ConfigNode n, BindContext c) {
        String first = n.arg(0);
        if (first == null) {
            c.error(n, "missing address, fwmark or group");
            return null;
        }
        c.noExtraArgs(n, 2);
        if (first.equals("group")) {
            String name = n.arg(1);
            if (name == null) {
                c.error(n, "missing group name");
                return null;
            }
            return new VirtualServer.Group(name);
        }
        if (first.equals("fwmark")) {
            if (n.arg(1) == null) {
                c.error(n, "missing fwmark value");
                return null;
            }
            Long mark = LvsValues.unsignedValue(n, n.arg(1), 0, LvsValues.UINT32_MAX, c);
            return mark == null ? null : new VirtualServer.Fwmark(mark);
        }
        InetAddress a = c.addressValue(n, first);
        Integer port = n.arg(1) == null ? Integer.valueOf(0) : LvsValues.port(n, n.arg(1), c);
        return a == null || port == null ? null : new VirtualServer.Address(a, LvsValues.noZero(port));
    }

    static VirtualServer bind(ConfigNode n, GlobalDefs g, BindContext c) {
        VirtualServer.Target target = target(n, c);
        if (!c.requireBlock(n) || target == null) {
            return null;
        }
        Draft d = new Draft();
        d.target = target;
        d.location = n.location();
        if (target instanceof VirtualServer.Address a) {
            d.family = BindContext.isV4(a.address()) ? IpFamily.INET : IpFamily.INET6;
        }
        SPEC.bind(n.children(), d, c);
        return VirtualServerFinisher.finish(d, g, c);
    }
}
