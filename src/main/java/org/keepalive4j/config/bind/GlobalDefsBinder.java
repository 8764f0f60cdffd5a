package org.keepalive4j.config.bind;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.keepalive4j.config.SourceLocation;
import org.keepalive4j.config.model.GlobalDefs;
import org.keepalive4j.config.text.ConfigNode;

/** global_defs, plus the few global keywords keepalived accepts outside it (net_namespace, ...). */
public final class GlobalDefsBinder {

    static final Duration MAX_TIMER = Duration.ofDays(1);

    /**
     * Keywords of keepalived 2.2's global_defs that keepalive4j accepts and keeps but does not act on:
     * process naming and scheduling, D-Bus, iptables/nftables for no_accept, FIFOs, netlink buffer
     * sizes. Listed so they are not reported as unknown.
     */
    static final List<String> ACCEPTED_UNMODELED = List.of(
            "tmp_config_directory", "config_save_dir", "process_names", "process_name", "vrrp_process_name",
            "checker_process_name", "bfd_process_name", "startup_script", "startup_script_timeout",
            "shutdown_script", "shutdown_script_timeout", "checker_log_all_failures", "no_email_faults",
            "lvs_flush_on_stop", "vrrp_garp_extra_if",
            "vrrp_iptables", "vrrp_ipsets", "nftables", "nftables_priority", "nftables_ifindex", "nftables_counters",
            "nftables_ipvs", "nftables_ipvs_priority", "nftables_ipvs_start_fwmark", "vrrp_check_unicast_src",
            "vrrp_startup_delay", "vrrp_notify_priority_changes", "vrrp_rx_bufs_policy", "vrrp_rx_bufs_multiplier",
            "vrrp_priority", "checker_priority", "bfd_priority", "vrrp_no_swap", "checker_no_swap", "bfd_no_swap",
            "checker_rt_priority", "bfd_rt_priority",
            "checker_rlimit_rttime", "bfd_rlimit_rttime", "vrrp_cpu_affinity", "checker_cpu_affinity",
            "bfd_cpu_affinity", "enable_dbus", "dbus_service_name", "notify_fifo", "notify_fifo_script",
            "vrrp_notify_fifo", "vrrp_notify_fifo_script", "lvs_notify_fifo", "lvs_notify_fifo_script",
            "vrrp_netlink_cmd_rcv_bufs", "vrrp_netlink_cmd_rcv_bufs_force", "vrrp_netlink_monitor_rcv_bufs",
            "vrrp_netlink_monitor_rcv_bufs_force", "lvs_netlink_cmd_rcv_bufs", "lvs_netlink_cmd_rcv_bufs_force",
            "lvs_netlink_monitor_rcv_bufs", "lvs_netlink_monitor_rcv_bufs_force", "process_monitor_rcv_bufs",
            "process_monitor_rcv_bufs_force", "rs_init_notifies", "no_checker_emails", "umask", "random_seed",
            "reload_check_config", "reload_time_file", "reload_repeat", "reload_file", "data_use_instance",
            "vmac_prefix", "vmac_addr_prefix", "log_unknown_vrids", "fifo_write_vrrp_states_on_reload",
            "max_auto_priority", "min_auto_priority_delay", "disable_local_igmp", "include_check",
            "net_namespace_ipvs", "namespace_with_ipsets", "instance", "use_pid_dir", "linkbeat_use_polling",
            "child_wait_time", "vrrp_track_process", "enable_snmp_keepalived", "enable_snmp_rfc",
            "vrrp_strict_mode", "lvs_id", "vrrp_dont_send_gratuitous_arp");

    /** Mutable while binding; frozen into {@link GlobalDefs}. */
    static final class Draft {
        String routerId;
        final List<String> emails = new ArrayList<>();
        String emailFrom;
        String smtpServer;
        int smtpPort = 25;
        String smtpHelo;
        Duration smtpConnectTimeout = Duration.ofSeconds(30);
        Boolean smtpAlert;
        Boolean smtpAlertVrrp;
        Boolean smtpAlertChecker;
        String snmpSocket;
        boolean enableTraps;
        boolean trapIndexedVarbinds;
        boolean snmpVrrp;
        boolean snmpChecker;
        boolean snmpRfcV2;
        boolean snmpRfcV3;
        int vrrpVersion = 2;
        InetAddress mcast4 = BindContext.parseAddress("224.0.0.18");
        InetAddress mcast6 = BindContext.parseAddress("ff02::12");
        Duration garpMasterDelay = Duration.ofSeconds(5);
        int garpMasterRepeat = 5;
        Duration garpMasterRefresh = Duration.ZERO;
        int garpMasterRefreshRepeat = 1;
        Duration garpLowerPrioDelay;
        Integer garpLowerPrioRepeat;
        Duration garpInterval = Duration.ZERO;
        Duration gnaInterval = Duration.ZERO;
        int downTimerAdverts = 3;
        Integer vrrpRtPriority;
        String lvsDataplane = "auto";
        Boolean lowerPrioNoAdvert;
        Boolean higherPrioSendAdvert;
        Long vrrpRlimitRttime;
        boolean vrrpStrict;
        boolean skipCheckAdvAddr;
        boolean checkUnicastSrc;
        boolean minGarp;
        boolean lvsFlush;
        GlobalDefs.LvsSyncDaemon lvsSyncDaemon;
        GlobalDefs.LvsTimeouts lvsTimeouts;
        String netNamespace;
        String defaultInterface;
        String scriptUser;
        String scriptGroup;
        boolean scriptSecurity;
        boolean dynamicInterfaces;
        final Map<String, List<String>> other = new LinkedHashMap<>();
        SourceLocation location = SourceLocation.UNKNOWN;

        GlobalDefs freeze() {
            return new GlobalDefs(routerId, emails, emailFrom, smtpServer, smtpPort, smtpHelo, smtpConnectTimeout,
                    smtpAlert, smtpAlertVrrp, smtpAlertChecker, snmpSocket, enableTraps, trapIndexedVarbinds, snmpVrrp, snmpChecker,
                    snmpRfcV2, snmpRfcV3, vrrpVersion, mcast4, mcast6, garpMasterDelay, garpMasterRepeat,
                    garpMasterRefresh, garpMasterRefreshRepeat,
                    garpLowerPrioDelay == null ? garpMasterDelay : garpLowerPrioDelay,
                    garpLowerPrioRepeat == null ? garpMasterRepeat : garpLowerPrioRepeat,
                    garpInterval, gnaInterval, downTimerAdverts, vrrpStrict, skipCheckAdvAddr, checkUnicastSrc,
                    minGarp, lvsFlush, lvsSyncDaemon, lvsTimeouts, netNamespace, defaultInterface, scriptUser,
                    scriptGroup, scriptSecurity, dynamicInterfaces, lowerPrioNoAdvert, higherPrioSendAdvert, lvsDataplane, vrrpRtPriority, vrrpRlimitRttime, other, location);
        }
    }

    static final BlockSpec<Draft> SPEC = new BlockSpec<Draft>("global_defs")
            .on("router_id", (n, d, c) -> d.routerId = c.required(n, 0, "a router id"))
            .on("notification_email", (n, d, c) -> {
                for (ConfigNode item : c.items(n)) {
                    d.emails.addAll(item.words());
                }
            })
            .on("notification_email_from", (n, d, c) -> d.emailFrom = c.required(n, 0, "an email address"))
            .on("smtp_server", (n, d, c) -> {
                d.smtpServer = c.required(n, 0, "an SMTP server address or name");
                if (n.arg(1) != null) {
                    Integer port = c.integerValue(n, n.arg(1), 1, 65535);
                    if (port != null) {
                        d.smtpPort = port;
                    }
                }
            })
            .on("smtp_helo_name", (n, d, c) -> d.smtpHelo = c.required(n, 0, "a host name"))
            .on("smtp_connect_timeout", (n, d, c) -> set(c.timer(n, 0, Duration.ofSeconds(1), MAX_TIMER),
                    v -> d.smtpConnectTimeout = v))
            .on("smtp_alert", (n, d, c) -> d.smtpAlert = c.optionalBool(n, 0))
            .on("smtp_alert_vrrp", (n, d, c) -> d.smtpAlertVrrp = c.optionalBool(n, 0))
            .on("smtp_alert_checker", (n, d, c) -> d.smtpAlertChecker = c.optionalBool(n, 0))
            .on("snmp_socket", (n, d, c) -> d.snmpSocket = c.required(n, 0, "a socket such as unix:/var/agentx/master"))
            .on(List.of("enable_traps", "enable_snmp_traps"), (n, d, c) -> d.enableTraps = c.flag(n))
            // keepalive4j only: keepalived sends trap varbinds without the row index, which tools
            // that resolve varbinds against the MIB cannot match to a row
            .on("snmp_trap_indexed_varbinds", (n, d, c) -> d.trapIndexedVarbinds = c.flag(n))
            .on("enable_snmp_vrrp", (n, d, c) -> d.snmpVrrp = c.flag(n))
            .on("enable_snmp_checker", (n, d, c) -> d.snmpChecker = c.flag(n))
            .on("enable_snmp_rfcv2", (n, d, c) -> d.snmpRfcV2 = c.flag(n))
            .on("enable_snmp_rfcv3", (n, d, c) -> d.snmpRfcV3 = c.flag(n))
            .on("vrrp_version", (n, d, c) -> set(c.integer(n, 0, 2, 3), v -> d.vrrpVersion = v))
            .on("vrrp_mcast_group4", (n, d, c) -> {
                InetAddress a = c.address(n, 0);
                if (a != null && !(BindContext.isV4(a) && a.isMulticastAddress())) {
                    c.error(n, "'" + n.arg(0) + "' is not an IPv4 multicast address");
                } else if (a != null) {
                    d.mcast4 = a;
                }
            })
            .on("vrrp_mcast_group6", (n, d, c) -> {
                InetAddress a = c.address(n, 0);
                if (a != null && !(BindContext.isV6(a) && a.isMulticastAddress())) {
                    c.error(n, "'" + n.arg(0) + "' is not an IPv6 multicast address");
                } else if (a != null) {
                    d.mcast6 = a;
                }
            })
            .on("vrrp_garp_master_delay", (n, d, c) -> set(c.timer(n, 0, Duration.ZERO, MAX_TIMER),
                    v -> d.garpMasterDelay = v))
            .on("vrrp_garp_master_repeat", (n, d, c) -> set(c.integer(n, 0, 1, 255), v -> d.garpMasterRepeat = v))
            .on("vrrp_garp_master_refresh", (n, d, c) -> set(c.timer(n, 0, Duration.ZERO, MAX_TIMER),
                    v -> d.garpMasterRefresh = v))
            .on("vrrp_garp_master_refresh_repeat", (n, d, c) -> set(c.integer(n, 0, 1, 255),
                    v -> d.garpMasterRefreshRepeat = v))
            .on("vrrp_garp_lower_prio_delay", (n, d, c) -> d.garpLowerPrioDelay = c.timer(n, 0, Duration.ZERO, MAX_TIMER))
            .on("vrrp_garp_lower_prio_repeat", (n, d, c) -> d.garpLowerPrioRepeat = c.integer(n, 0, 0, 255))
            .on("vrrp_garp_interval", (n, d, c) -> set(c.timer(n, 0, Duration.ZERO, Duration.ofSeconds(1)),
                    v -> d.garpInterval = v))
            .on("vrrp_gna_interval", (n, d, c) -> set(c.timer(n, 0, Duration.ZERO, Duration.ofSeconds(1)),
                    v -> d.gnaInterval = v))
            .on("vrrp_down_timer_adverts", (n, d, c) -> set(c.integer(n, 0, 1, 100), v -> d.downTimerAdverts = v))
            .on("lvs_dataplane", (n, d, c) -> {
                String v = c.required(n, 0, "auto, ipvs, nftables or logging");
                if (v == null) {
                    return;
                }
                if (v.equals("auto") || v.equals("ipvs") || v.equals("nftables") || v.equals("logging")) {
                    d.lvsDataplane = v;
                } else {
                    c.error(n, "lvs_dataplane must be auto, ipvs, nftables or logging, not '" + v + "'");
                }
            })
            .on("vrrp_rt_priority", (n, d, c) -> set(c.integer(n, 0, 1, 99), v -> d.vrrpRtPriority = v))
            .on("vrrp_rlimit_rttime", (n, d, c) -> set(c.integer(n, 0, 2, Integer.MAX_VALUE),
                    v -> d.vrrpRlimitRttime = v.longValue()))
            .on("vrrp_strict", (n, d, c) -> d.vrrpStrict = c.flag(n))
            .on("vrrp_lower_prio_no_advert", (n, d, c) -> d.lowerPrioNoAdvert = c.optionalBool(n, 0))
            .on("vrrp_higher_prio_send_advert", (n, d, c) -> d.higherPrioSendAdvert = c.optionalBool(n, 0))
            .on("vrrp_skip_check_adv_addr", (n, d, c) -> set(c.optionalBool(n, 0), v -> d.skipCheckAdvAddr = v))
            .on("vrrp_min_garp", (n, d, c) -> set(c.optionalBool(n, 0), v -> d.minGarp = v))
            .on("lvs_flush", (n, d, c) -> d.lvsFlush = c.flag(n))
            .on(List.of("lvs_sync_daemon", "lvs_sync_daemon_interface"), GlobalDefsBinder::lvsSyncDaemon)
            .on("lvs_timeouts", GlobalDefsBinder::lvsTimeouts)
            .on("net_namespace", (n, d, c) -> d.netNamespace = c.required(n, 0, "a network namespace name"))
            .on("default_interface", (n, d, c) -> d.defaultInterface = c.required(n, 0, "an interface name"))
            .on("script_user", (n, d, c) -> {
                d.scriptUser = c.required(n, 0, "a user name");
                d.scriptGroup = n.arg(1);
            })
            .on("enable_script_security", (n, d, c) -> d.scriptSecurity = c.flag(n))
            .on("dynamic_interfaces", (n, d, c) -> d.dynamicInterfaces = c.rejectBlock(n))
            .accept(ACCEPTED_UNMODELED, (n, d, c) -> d.other.put(n.keyword(), n.args()));

    interface Setter<T> {
        void set(T value);
    }

    /** Applies a value only when it was valid (readers return null after reporting the error). */
    static <T> void set(T value, Setter<T> setter) {
        if (value != null) {
            setter.set(value);
        }
    }

    private static void lvsSyncDaemon(ConfigNode n, Draft d, BindContext c) {
        String ifname = c.required(n, 0, "an interface name");
        if (ifname == null) {
            return;
        }
        String inst = null;
        Integer id = null;
        Integer maxLen = null;
        Integer port = null;
        Integer ttl = null;
        InetAddress group = null;
        List<String> a = n.args();
        for (int i = 1; i < a.size(); i++) {
            String k = a.get(i);
            String v = i + 1 < a.size() ? a.get(i + 1) : null;
            switch (k) {
                case "inst" -> { inst = v; i++; }
                case "id" -> { id = v == null ? null : c.integerValue(n, v, 0, 255); i++; }
                case "maxlen" -> { maxLen = v == null ? null : c.integerValue(n, v, 1, 65507); i++; }
                case "port" -> { port = v == null ? null : c.integerValue(n, v, 1, 65535); i++; }
                case "ttl" -> { ttl = v == null ? null : c.integerValue(n, v, 1, 255); i++; }
                case "group" -> { group = v == null ? null : c.addressValue(n, v); i++; }
                default -> {
                    if (i == 1) {
                        inst = k;
                    } else {
                        c.error(n, "unexpected '" + k + "' (expected inst, id, maxlen, port, ttl or group)");
                    }
                }
            }
        }
        d.lvsSyncDaemon = new GlobalDefs.LvsSyncDaemon(ifname, inst, id, maxLen, port, ttl, group);
    }

    private static void lvsTimeouts(ConfigNode n, Draft d, BindContext c) {
        Duration tcp = null;
        Duration fin = null;
        Duration udp = null;
        List<String> a = n.args();
        if (a.isEmpty()) {
            c.error(n, "expects at least one of tcp SECS, tcpfin SECS, udp SECS");
            return;
        }
        for (int i = 0; i < a.size(); i += 2) {
            String v = i + 1 < a.size() ? a.get(i + 1) : null;
            if (v == null) {
                c.error(n, "missing seconds after '" + a.get(i) + "'");
                return;
            }
            Duration t = c.timerValue(n, v, Duration.ZERO, Duration.ofDays(365));
            switch (a.get(i)) {
                case "tcp" -> tcp = t;
                case "tcpfin" -> fin = t;
                case "udp" -> udp = t;
                default -> c.error(n, "unexpected '" + a.get(i) + "' (expected tcp, tcpfin or udp)");
            }
        }
        d.lvsTimeouts = new GlobalDefs.LvsTimeouts(tcp, fin, udp);
    }
}
