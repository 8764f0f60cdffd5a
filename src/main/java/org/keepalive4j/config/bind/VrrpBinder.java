package org.keepalive4j.config.bind;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.keepalive4j.config.SourceLocation;
import org.keepalive4j.config.model.Authentication;
import org.keepalive4j.config.model.GlobalDefs;
import org.keepalive4j.config.model.NotifyScripts;
import org.keepalive4j.config.model.RouteSpec;
import org.keepalive4j.config.model.RuleSpec;
import org.keepalive4j.config.model.ScriptSpec;
import org.keepalive4j.config.model.TrackedInterface;
import org.keepalive4j.config.model.TrackedScript;
import org.keepalive4j.config.model.UnicastPeer;
import org.keepalive4j.config.model.VirtualAddress;
import org.keepalive4j.config.model.VrrpInstance;
import org.keepalive4j.config.model.VrrpScript;
import org.keepalive4j.config.model.VrrpSyncGroup;
import org.keepalive4j.config.text.ConfigNode;

/** vrrp_script, vrrp_sync_group and vrrp_instance blocks. */
public final class VrrpBinder {

    private VrrpBinder() {
    }

    static final Duration MAX_ADVERT = Duration.ofSeconds(255);
    static final Duration MIN_ADVERT_V3 = Duration.ofMillis(10);

    // ================================================================== notify scripts

    static final class Notify {
        ScriptSpec master;
        ScriptSpec backup;
        ScriptSpec fault;
        ScriptSpec stop;
        ScriptSpec any;
        ScriptSpec masterRxLowerPri;
        ScriptSpec deleted;

        NotifyScripts freeze() {
            return new NotifyScripts(master, backup, fault, stop, any, masterRxLowerPri, deleted);
        }
    }

    /** The notify keywords shared by instances and sync groups. */
    static <D> void notifyKeywords(BlockSpec<D> spec, java.util.function.Function<D, Notify> notify) {
        spec.on("notify_master", (n, d, c) -> notify.apply(d).master = c.script(n, 0))
            .on("notify_backup", (n, d, c) -> notify.apply(d).backup = c.script(n, 0))
            .on("notify_fault", (n, d, c) -> notify.apply(d).fault = c.script(n, 0))
            .on("notify_stop", (n, d, c) -> notify.apply(d).stop = c.script(n, 0))
            .on("notify", (n, d, c) -> notify.apply(d).any = c.script(n, 0))
            .on("notify_master_rx_lower_pri", (n, d, c) -> notify.apply(d).masterRxLowerPri = c.script(n, 0))
            .on("notify_deleted", (n, d, c) -> {
                if (n.arg(0) != null) {
                    notify.apply(d).deleted = c.script(n, 0);
                }
            })
            .on("notify_priority_changes", (n, d, c) -> c.optionalBool(n, 0));
    }

    // ================================================================== tracking

    /** "weight N [reverse|noreverse]" after a tracked name; weight null when not given. */
    private record Weighting(Integer weight, boolean reverse) {
    }

    private static Weighting weighting(ConfigNode item, BindContext c) {
        Integer weight = null;
        boolean reverse = false;
        List<String> a = item.args();
        for (int i = 0; i < a.size(); i++) {
            switch (a.get(i)) {
                case "weight" -> {
                    if (i + 1 >= a.size()) {
                        c.error(item, "missing weight value");
                    } else {
                        weight = c.integerValue(item, a.get(++i), -253, 253);
                    }
                }
                case "reverse" -> reverse = true;
                case "noreverse", "no_reverse" -> reverse = false;
                default -> c.error(item, "unexpected '" + a.get(i) + "' (expected weight N [reverse])");
            }
        }
        return new Weighting(weight, reverse);
    }

    static List<TrackedInterface> trackInterfaces(ConfigNode block, BindContext c) {
        List<TrackedInterface> out = new ArrayList<>();
        for (ConfigNode item : c.items(block)) {
            Weighting w = weighting(item, c);
            out.add(new TrackedInterface(item.keyword(), w.weight() == null ? 0 : w.weight(), w.reverse(),
                    item.location()));
        }
        return out;
    }

    static List<TrackedScript> trackScripts(ConfigNode block, BindContext c) {
        List<TrackedScript> out = new ArrayList<>();
        for (ConfigNode item : c.items(block)) {
            Weighting w = weighting(item, c);
            out.add(new TrackedScript(item.keyword(), w.weight(), w.reverse(), item.location()));
        }
        return out;
    }

    // ================================================================== vrrp_script

    static final class ScriptDraft {
        String name;
        ScriptSpec script;
        Duration interval = Duration.ofSeconds(1);
        Duration timeout;
        int weight;
        boolean reverse;
        int rise = 1;
        int fall = 1;
        boolean initFail;
        String user;
        String group;
        SourceLocation location;
    }

    static final BlockSpec<ScriptDraft> SCRIPT = new BlockSpec<ScriptDraft>("vrrp_script")
            .on("script", (n, d, c) -> d.script = c.script(n, 0))
            .on("interval", (n, d, c) -> GlobalDefsBinder.set(c.timer(n, 0, Duration.ofMillis(1), GlobalDefsBinder.MAX_TIMER),
                    v -> d.interval = v))
            .on("timeout", (n, d, c) -> d.timeout = c.timer(n, 0, Duration.ofMillis(1), GlobalDefsBinder.MAX_TIMER))
            .on("weight", (n, d, c) -> {
                GlobalDefsBinder.set(c.integer(n, 0, -253, 253), v -> d.weight = v);
                if ("reverse".equals(n.arg(1))) {
                    d.reverse = true;
                }
            })
            .on("rise", (n, d, c) -> GlobalDefsBinder.set(c.integer(n, 0, 1, Integer.MAX_VALUE), v -> d.rise = v))
            .on("fall", (n, d, c) -> GlobalDefsBinder.set(c.integer(n, 0, 1, Integer.MAX_VALUE), v -> d.fall = v))
            .on("user", (n, d, c) -> {
                d.user = c.required(n, 0, "a user name");
                d.group = n.arg(1);
            })
            .on("init_fail", (n, d, c) -> d.initFail = c.flag(n));

    static VrrpScript script(ConfigNode n, BindContext c) {
        ScriptDraft d = new ScriptDraft();
        d.name = n.arg(0);
        d.location = n.location();
        if (d.name == null) {
            c.error(n, "missing script name");
            return null;
        }
        if (!c.requireBlock(n)) {
            return null;
        }
        SCRIPT.bind(n.children(), d, c);
        if (d.script == null) {
            // keepalived drops such a script with a warning; instances tracking it then ignore it.
            c.warning(n, "no script set for vrrp_script " + d.name + " - removing");
            return null;
        }
        ScriptSpec s = d.user == null ? d.script
                : new ScriptSpec(d.script.command(), d.user, d.group, d.script.location());
        return new VrrpScript(d.name, s, d.interval, d.timeout == null ? d.interval : d.timeout, d.weight,
                d.reverse, d.rise, d.fall, d.initFail, d.location);
    }

    // ================================================================== vrrp_sync_group

    static final class GroupDraft {
        final List<String> members = new ArrayList<>();
        List<TrackedInterface> trackInterfaces = List.of();
        List<TrackedScript> trackScripts = List.of();
        final Notify notify = new Notify();
        boolean smtpAlert;
        boolean globalTracking;
        boolean trackingWeight;
    }

    static final BlockSpec<GroupDraft> GROUP = new BlockSpec<GroupDraft>("vrrp_sync_group")
            .on("group", (n, d, c) -> c.items(n).forEach(i -> d.members.addAll(i.words())))
            .on("track_interface", (n, d, c) -> d.trackInterfaces = trackInterfaces(n, c))
            .on("track_script", (n, d, c) -> d.trackScripts = trackScripts(n, c))
            .on(List.of("track_file", "track_process", "track_bfd"), (n, d, c) -> c.items(n))
            .on("smtp_alert", (n, d, c) -> GlobalDefsBinder.set(c.optionalBool(n, 0), v -> d.smtpAlert = v))
            .on("global_tracking", (n, d, c) -> d.globalTracking = c.flag(n))
            .on("sync_group_tracking_weight", (n, d, c) -> d.trackingWeight = c.flag(n));

    static {
        notifyKeywords(GROUP, d -> d.notify);
    }

    static VrrpSyncGroup syncGroup(ConfigNode n, BindContext c) {
        String name = n.arg(0);
        if (name == null) {
            c.error(n, "missing sync group name");
            return null;
        }
        if (!c.requireBlock(n)) {
            return null;
        }
        GroupDraft d = new GroupDraft();
        GROUP.bind(n.children(), d, c);
        return new VrrpSyncGroup(name, d.members, d.trackInterfaces, d.trackScripts, d.notify.freeze(),
                d.smtpAlert, d.globalTracking, d.trackingWeight, n.location());
    }

    // ================================================================== vrrp_instance

    static final class InstanceDraft {
        String name;
        SourceLocation location;
        VrrpInstance.InitialState state = VrrpInstance.InitialState.BACKUP;
        String iface;
        Integer vrid;
        int priority = 100;
        Duration advert = Duration.ofSeconds(1);
        SourceLocation advertAt;
        Integer version;
        Authentication auth;
        SourceLocation authAt;
        List<VirtualAddress> vips = new ArrayList<>();
        List<VirtualAddress> excluded = new ArrayList<>();
        List<RouteSpec> routes = new ArrayList<>();
        List<RuleSpec> rules = new ArrayList<>();
        List<TrackedInterface> trackIf = new ArrayList<>();
        List<TrackedScript> trackScripts = new ArrayList<>();
        InetAddress mcastSrc;
        InetAddress unicastSrc;
        List<UnicastPeer> peers = new ArrayList<>();
        boolean unicastKeyword;
        InetAddress mcastDst;
        boolean nopreempt;
        Duration preemptDelay = Duration.ZERO;
        boolean dontTrackPrimary;
        String useVmac;
        boolean vmacXmitBase;
        Duration garpMasterDelay;
        Integer garpMasterRepeat;
        Duration garpMasterRefresh;
        Integer garpMasterRefreshRepeat;
        Duration garpLowerPrioDelay;
        Integer garpLowerPrioRepeat;
        Integer downTimerAdverts;
        Boolean accept;
        Boolean strict;
        Boolean skipCheckAdvAddr;
        boolean checkUnicastSrc;
        boolean promoteSecondaries;
        boolean oldChecksum;
        Boolean lowerPrioNoAdvert;
        Boolean higherPrioSendAdvert;
        Boolean smtpAlert;
        boolean nativeIpv6;
        final Notify notify = new Notify();
        String lvsSyncIf;
    }

    private static final Duration MAX = GlobalDefsBinder.MAX_TIMER;

    static final BlockSpec<InstanceDraft> INSTANCE = new BlockSpec<InstanceDraft>("vrrp_instance")
            .on("state", (n, d, c) -> {
                String v = c.required(n, 0, "MASTER or BACKUP");
                if (v == null) {
                    return;
                }
                switch (v.toUpperCase(Locale.ROOT)) {
                    case "MASTER" -> d.state = VrrpInstance.InitialState.MASTER;
                    case "BACKUP" -> d.state = VrrpInstance.InitialState.BACKUP;
                    default -> c.error(n, "'" + v + "' is not MASTER or BACKUP");
                }
            })
            .on("interface", (n, d, c) -> d.iface = c.required(n, 0, "an interface name"))
            .on("virtual_router_id", (n, d, c) -> d.vrid = c.integer(n, 0, 1, 255))
            .on("priority", (n, d, c) -> GlobalDefsBinder.set(c.integer(n, 0, 1, 255), v -> d.priority = v))
            .on("advert_int", (n, d, c) -> {
                d.advertAt = n.location();
                GlobalDefsBinder.set(c.timer(n, 0, MIN_ADVERT_V3, MAX_ADVERT), v -> d.advert = v);
            })
            .on(List.of("version", "vrrp_version"), (n, d, c) -> d.version = c.integer(n, 0, 2, 3))
            .on("authentication", VrrpBinder::authentication)
            .on("virtual_ipaddress", (n, d, c) -> d.vips.addAll(AddressLines.addresses(n, c)))
            .on("virtual_ipaddress_excluded", (n, d, c) -> d.excluded.addAll(AddressLines.addresses(n, c)))
            .on("virtual_routes", (n, d, c) -> d.routes.addAll(AddressLines.routes(n, c)))
            .on("virtual_rules", (n, d, c) -> d.rules.addAll(AddressLines.rules(n, c)))
            .on("track_interface", (n, d, c) -> d.trackIf.addAll(trackInterfaces(n, c)))
            .on("track_script", (n, d, c) -> d.trackScripts.addAll(trackScripts(n, c)))
            .on(List.of("track_file", "track_process", "track_bfd"), (n, d, c) -> c.items(n))
            .on("mcast_src_ip", (n, d, c) -> d.mcastSrc = c.address(n, 0))
            .on("unicast_src_ip", (n, d, c) -> {
                d.unicastSrc = c.address(n, 0);
                d.unicastKeyword = true;
            })
            .on("mcast_dst_ip", (n, d, c) -> {
                InetAddress a = c.address(n, 0);
                if (a != null && !a.isMulticastAddress()) {
                    c.error(n, "'" + n.arg(0) + "' is not a multicast address");
                } else {
                    d.mcastDst = a;
                }
            })
            .on("unicast_peer", VrrpBinder::unicastPeers)
            .on(List.of("nopreempt", "no_preempt"), (n, d, c) -> d.nopreempt = c.flag(n))
            .on("preempt", (n, d, c) -> d.nopreempt = !c.flag(n))
            .on("preempt_delay", (n, d, c) -> GlobalDefsBinder.set(c.timer(n, 0, Duration.ZERO, Duration.ofSeconds(1000)),
                    v -> d.preemptDelay = v))
            .on("dont_track_primary", (n, d, c) -> d.dontTrackPrimary = c.flag(n))
            .on("use_vmac", (n, d, c) -> {
                if (c.rejectBlock(n)) {
                    d.useVmac = n.arg(0) == null ? "" : n.arg(0);
                }
            })
            .on("vmac_xmit_base", (n, d, c) -> d.vmacXmitBase = c.flag(n))
            .on("native_ipv6", (n, d, c) -> d.nativeIpv6 = c.flag(n))
            .on("garp_master_delay", (n, d, c) -> d.garpMasterDelay = c.timer(n, 0, Duration.ZERO, MAX))
            .on("garp_master_repeat", (n, d, c) -> d.garpMasterRepeat = c.integer(n, 0, 1, 255))
            .on("garp_master_refresh", (n, d, c) -> d.garpMasterRefresh = c.timer(n, 0, Duration.ZERO, MAX))
            .on("garp_master_refresh_repeat", (n, d, c) -> d.garpMasterRefreshRepeat = c.integer(n, 0, 1, 255))
            .on("garp_lower_prio_delay", (n, d, c) -> d.garpLowerPrioDelay = c.timer(n, 0, Duration.ZERO, MAX))
            .on("garp_lower_prio_repeat", (n, d, c) -> d.garpLowerPrioRepeat = c.integer(n, 0, 0, 255))
            .on("down_timer_adverts", (n, d, c) -> d.downTimerAdverts = c.integer(n, 0, 1, 100))
            .on("accept", (n, d, c) -> d.accept = c.flag(n) ? Boolean.TRUE : d.accept)
            .on("no_accept", (n, d, c) -> d.accept = c.flag(n) ? Boolean.FALSE : d.accept)
            .on("strict_mode", (n, d, c) -> d.strict = c.optionalBool(n, 0))
            .on("skip_check_adv_addr", (n, d, c) -> d.skipCheckAdvAddr = c.optionalBool(n, 0))
            .on("check_unicast_src", (n, d, c) -> d.checkUnicastSrc = c.flag(n))
            .on("promote_secondaries", (n, d, c) -> d.promoteSecondaries = c.flag(n))
            .on("lower_prio_no_advert", (n, d, c) -> d.lowerPrioNoAdvert = c.optionalBool(n, 0))
            .on("higher_prio_send_advert", (n, d, c) -> d.higherPrioSendAdvert = c.optionalBool(n, 0))
            .on("old_unicast_checksum", (n, d, c) -> d.oldChecksum = c.rejectBlock(n) && !"never".equals(n.arg(0)))
            .on("smtp_alert", (n, d, c) -> d.smtpAlert = c.optionalBool(n, 0))
            .on("lvs_sync_daemon_interface", (n, d, c) -> {
                d.lvsSyncIf = c.required(n, 0, "an interface name");
                c.warning(n, "lvs_sync_daemon_interface in a vrrp_instance is deprecated; use global_defs lvs_sync_daemon");
            })
            .accept(List.of("debug", "unicast_ttl", "unicast_fault_no_peer", "track_src_ip", "kernel_rx_buf_size", "linkbeat_use_polling", "use_vmac_addr",
                    "use_ipvlan", "vrf", "garp_extra_if", "garp_extra_if_vmac", "notify_priority_changes_fifo"),
                    (n, d, c) -> c.rejectBlock(n));

    static {
        notifyKeywords(INSTANCE, d -> d.notify);
    }

    private static void authentication(ConfigNode n, InstanceDraft d, BindContext c) {
        if (!c.requireBlock(n)) {
            return;
        }
        String type = null;
        String pass = null;
        for (ConfigNode item : n.children()) {
            switch (item.keyword()) {
                case "auth_type" -> type = c.required(item, 0, "PASS or AH");
                case "auth_pass" -> pass = c.required(item, 0, "a password");
                default -> c.warning(item, "unknown keyword in authentication (expected auth_type or auth_pass)");
            }
        }
        d.authAt = n.location();
        if (type == null) {
            c.error(n, "authentication needs auth_type PASS or AH");
            return;
        }
        Authentication.Type t;
        switch (type.toUpperCase(Locale.ROOT)) {
            case "PASS" -> t = Authentication.Type.PASS;
            case "AH" -> t = Authentication.Type.AH;
            default -> {
                c.error(n, "auth_type '" + type + "' is not PASS or AH");
                return;
            }
        }
        if (pass == null) {
            c.error(n, "authentication needs auth_pass");
            return;
        }
        if (pass.length() > 8) {
            c.warning(n, "auth_pass is longer than 8 characters; only the first 8 are used");
            pass = pass.substring(0, 8);
        }
        d.auth = new Authentication(t, pass);
    }

    private static void unicastPeers(ConfigNode n, InstanceDraft d, BindContext c) {
        d.unicastKeyword = true;
        for (ConfigNode item : c.items(n)) {
            InetAddress a = c.addressValue(item, item.keyword());
            if (a == null) {
                continue;
            }
            Integer min = null;
            Integer max = null;
            List<String> args = item.args();
            for (int i = 0; i < args.size(); i++) {
                String k = args.get(i);
                if ((k.equals("min_ttl") || k.equals("max_ttl")) && i + 1 < args.size()) {
                    Integer v = c.integerValue(item, args.get(++i), 0, 255);
                    if (k.equals("min_ttl")) {
                        min = v;
                    } else {
                        max = v;
                    }
                } else {
                    c.error(item, "unexpected '" + k + "' (expected min_ttl N or max_ttl N)");
                }
            }
            d.peers.add(new UnicastPeer(a, min, max, item.location()));
        }
    }

    /** @param scriptNames the vrrp_script blocks that exist: track_script may only name those */
    static VrrpInstance instance(ConfigNode n, GlobalDefs g, Set<String> scriptNames, BindContext c) {
        String name = n.arg(0);
        if (name == null) {
            c.error(n, "missing instance name");
            return null;
        }
        if (!c.requireBlock(n)) {
            return null;
        }
        InstanceDraft d = new InstanceDraft();
        d.name = name;
        d.location = n.location();
        int errorsBefore = c.diagnostics().errorCount();
        INSTANCE.bind(n.children(), d, c);
        dropUnknownScripts(d, scriptNames, c);
        return finish(d, g, c, errorsBefore);
    }

    /** keepalived ignores (with a warning) a track_script naming no vrrp_script. */
    private static void dropUnknownScripts(InstanceDraft d, Set<String> scriptNames, BindContext c) {
        d.trackScripts.removeIf(t -> {
            boolean unknown = !scriptNames.contains(t.name());
            if (unknown) {
                c.warning(t.location(), t.name(), "(" + d.name + ") track_script " + t.name()
                        + " names no vrrp_script: ignored");
            }
            return unknown;
        });
    }

    /** Applies defaults and the checks that need the whole block. */
    private static VrrpInstance finish(InstanceDraft d, GlobalDefs g, BindContext c, int errorsBefore) {
        String kw = "vrrp_instance";
        if (d.vrid == null && c.diagnostics().errorCount() == errorsBefore) {
            c.error(d.location, kw, "(" + d.name + ") virtual_router_id is required");
        }
        if (d.iface == null && d.peers.isEmpty() && c.diagnostics().errorCount() == errorsBefore) {
            c.error(d.location, kw, "(" + d.name + ") interface is required (it may be omitted only with unicast_peer)");
        }
        if (d.unicastKeyword && d.peers.isEmpty()) {
            c.warning(d.location, kw, "(" + d.name + ") unicast_src_ip without unicast_peer: using multicast");
        }
        // Address family comes from the virtual addresses; they must agree (mixes go in _excluded).
        boolean ipv6 = d.nativeIpv6;
        if (!d.vips.isEmpty()) {
            ipv6 = d.vips.get(0).isIpv6();
            for (VirtualAddress a : d.vips) {
                if (a.isIpv6() != ipv6) {
                    c.error(a.location(), a.address().getHostAddress(), "(" + d.name + ") virtual_ipaddress mixes IPv4 and"
                            + " IPv6; put the other family in virtual_ipaddress_excluded");
                }
            }
        } else if (!d.peers.isEmpty()) {
            ipv6 = BindContext.isV6(d.peers.get(0).address());
        }
        for (UnicastPeer p : d.peers) {
            if (BindContext.isV6(p.address()) != ipv6) {
                c.error(p.location(), p.address().getHostAddress(), "(" + d.name + ") unicast peer is of the other"
                        + " address family than the instance");
            }
        }
        int version = d.version != null ? d.version : g.vrrpVersion();
        if (ipv6 && version == 2) {
            if (d.version != null) {
                c.warning(d.location, kw, "(" + d.name + ") VRRPv2 cannot carry IPv6: using version 3");
            }
            version = 3;
        }
        if (version == 2 && d.advert.toNanos() % 1_000_000_000L != 0) {
            // VRRPv2 carries the interval in whole seconds.
            long rounded = Math.max(1, Math.round(d.advert.toNanos() / 1e9));
            c.warning(d.advertAt == null ? d.location : d.advertAt, "advert_int", "(" + d.name + ") VRRPv2 advert_int"
                    + " must be whole seconds: using " + rounded);
            d.advert = Duration.ofSeconds(rounded);
        }
        if (version == 3 && d.advert.compareTo(Duration.ofMillis(40950)) > 0) {
            c.error(d.advertAt == null ? d.location : d.advertAt, "advert_int", "(" + d.name + ") VRRPv3 advert_int"
                    + " must be at most 40.95 s");
        }
        if (d.auth != null && version == 3) {
            c.warning(d.authAt, "authentication", "(" + d.name + ") VRRPv3 has no authentication: ignored");
            d.auth = null;
        }
        if (d.auth != null && d.auth.type() == Authentication.Type.AH && d.state == VrrpInstance.InitialState.MASTER
                && d.priority != 255) {
            c.warning(d.authAt, "authentication", "(" + d.name + ") initial state MASTER is incompatible with AH"
                    + " authentication: starting as BACKUP");
            d.state = VrrpInstance.InitialState.BACKUP;
        }
        if (d.nopreempt && d.state == VrrpInstance.InitialState.MASTER) {
            c.warning(d.location, kw, "(" + d.name + ") nopreempt needs initial state BACKUP: starting as BACKUP");
            d.state = VrrpInstance.InitialState.BACKUP;
        }
        if (d.priority == 255 && d.state != VrrpInstance.InitialState.MASTER) {
            c.warning(d.location, kw, "(" + d.name + ") priority 255 (address owner) implies state MASTER");
            d.state = VrrpInstance.InitialState.MASTER;
        }
        if (d.vips.isEmpty()) {
            c.warning(d.location, kw, "(" + d.name + ") no virtual_ipaddress configured");
        }
        if (d.vrid == null || (d.iface == null && d.peers.isEmpty())) {
            return null;
        }
        return new VrrpInstance(d.name, d.state, d.iface, d.vrid, d.priority, d.advert, version, ipv6, d.auth,
                d.vips, d.excluded, d.routes, d.rules, d.trackIf, d.trackScripts, d.mcastSrc, d.unicastSrc, d.peers,
                d.mcastDst, d.nopreempt, d.preemptDelay, d.dontTrackPrimary, d.useVmac, d.vmacXmitBase,
                or(d.garpMasterDelay, g.vrrpGarpMasterDelay()), or(d.garpMasterRepeat, g.vrrpGarpMasterRepeat()),
                or(d.garpMasterRefresh, g.vrrpGarpMasterRefresh()),
                or(d.garpMasterRefreshRepeat, g.vrrpGarpMasterRefreshRepeat()),
                or(d.garpLowerPrioDelay, g.vrrpGarpLowerPrioDelay()),
                or(d.garpLowerPrioRepeat, g.vrrpGarpLowerPrioRepeat()),
                or(d.downTimerAdverts, g.vrrpDownTimerAdverts()), d.accept, d.strict,
                or(d.skipCheckAdvAddr, g.vrrpSkipCheckAdvAddr()), d.checkUnicastSrc || g.vrrpCheckUnicastSrc(),
                d.promoteSecondaries, d.oldChecksum,
                or(d.lowerPrioNoAdvert, or(g.vrrpLowerPrioNoAdvert(), d.strict != null ? d.strict : g.vrrpStrict())),
                or(d.higherPrioSendAdvert, or(g.vrrpHigherPrioSendAdvert(), Boolean.FALSE)),
                or(d.smtpAlert, or(g.smtpAlertVrrp(), or(g.smtpAlert(), Boolean.FALSE))),
                d.notify.freeze(), d.lvsSyncIf, d.location);
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
