package org.keepalive4j.config.model;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.keepalive4j.config.SourceLocation;

/**
 * global_defs, with keepalived's defaults applied. Keywords keepalived knows but keepalive4j does
 * not act on (process names, scheduling priorities, ...) are kept verbatim in {@code otherOptions} so
 * they are accepted, shown by --dump-conf, and not reported as unknown.
 *
 * @param routerId       null: the host name (resolved at run time)
 * @param smtpServer     null: no email alerts
 * @param smtpAlert      null: not set (VRRP alerts default off, checker alerts on, as in keepalived)
 * @param snmpSocket     null: the default master socket (unix:/var/agentx/master)
 * @param lvsSyncDaemon  null when not configured
 * @param vrrpLowerPrioNoAdvert    null: not set (instances then follow strict mode)
 * @param vrrpHigherPrioSendAdvert null: not set (off)
 * @param lvsDataplane   which backend programs the load balancer: "auto" (the default: IPVS when the
 *                       kernel has it, else nftables), "ipvs", "nftables" or "logging" (programs nothing)
 * @param vrrpRtPriority SCHED_FIFO priority of the VRRP event-loop thread (vrrp_rt_priority); null: the
 *                       engine's default
 * @param vrrpRlimitRttime microseconds of CPU an RT thread may use without blocking; null: the default
 * @param lvsTimeouts    null when not configured
 * @param snmpTrapIndexedVarbinds keepalive4j's snmp_trap_indexed_varbinds: traps carry the varbinds
 *                       with their row index (standard SNMP) instead of keepalived's bare column OIDs
 */
public record GlobalDefs(
        String routerId,
        List<String> notificationEmails,
        String notificationEmailFrom,
        String smtpServer,
        int smtpPort,
        String smtpHeloName,
        Duration smtpConnectTimeout,
        Boolean smtpAlert,
        Boolean smtpAlertVrrp,
        Boolean smtpAlertChecker,
        String snmpSocket,
        boolean enableTraps,
        boolean snmpTrapIndexedVarbinds,
        boolean enableSnmpVrrp,
        boolean enableSnmpChecker,
        boolean enableSnmpRfcV2,
        boolean enableSnmpRfcV3,
        int vrrpVersion,
        InetAddress vrrpMcastGroup4,
        InetAddress vrrpMcastGroup6,
        Duration vrrpGarpMasterDelay,
        int vrrpGarpMasterRepeat,
        Duration vrrpGarpMasterRefresh,
        int vrrpGarpMasterRefreshRepeat,
        Duration vrrpGarpLowerPrioDelay,
        int vrrpGarpLowerPrioRepeat,
        Duration vrrpGarpInterval,
        Duration vrrpGnaInterval,
        int vrrpDownTimerAdverts,
        boolean vrrpStrict,
        boolean vrrpSkipCheckAdvAddr,
        boolean vrrpCheckUnicastSrc,
        boolean vrrpMinGarp,
        boolean lvsFlush,
        LvsSyncDaemon lvsSyncDaemon,
        LvsTimeouts lvsTimeouts,
        String netNamespace,
        String defaultInterface,
        String scriptUser,
        String scriptGroup,
        boolean enableScriptSecurity,
        boolean dynamicInterfaces,
        Boolean vrrpLowerPrioNoAdvert,
        Boolean vrrpHigherPrioSendAdvert,
        String lvsDataplane,
        Integer vrrpRtPriority,
        Long vrrpRlimitRttime,
        Map<String, List<String>> otherOptions,
        SourceLocation location) {

    public GlobalDefs {
        notificationEmails = List.copyOf(notificationEmails);
        otherOptions = Map.copyOf(otherOptions);
    }

    public record LvsSyncDaemon(String interfaceName, String vrrpInstance, Integer syncId, Integer maxLen,
                                Integer port, Integer ttl, InetAddress group) {
    }

    /** Each timeout is null when left unchanged. */
    public record LvsTimeouts(Duration tcp, Duration tcpFin, Duration udp) {
    }
}
