package org.keepalive4j.config.model;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.keepalive4j.config.SourceLocation;

/**
 * A virtual_server with keepalived's defaults applied.
 *
 * @param protocol            null for a fwmark service (IPVS ignores it there)
 * @param ipFamily            the family of the service; null for a group service, whose entries decide
 * @param persistenceTimeout  seconds; null when the service is not persistent
 * @param persistenceGranularity as written (an IPv4 netmask or an IPv6 prefix length); null when unset
 * @param scheduler           lb_algo, or keepalived's default (wlc) when none is written
 * @param schedulerDefaulted  true when lb_algo was not written (the nftables fallback of lvs_dataplane auto
 *                            schedules such a service wrr instead of refusing wlc)
 * @param schedulerFlags      flag-1, flag-2, flag-3, sh-port, sh-fallback, mh-port, mh-fallback as given
 * @param weight              the weight of real servers that set none
 * @param retry               the default for real servers; null: each checker's own default
 * @param delayBeforeRetry    the default for real servers; null: each checker's own default
 * @param warmup              the default for real servers; null: each checker's delay_loop
 */
public record VirtualServer(
        Target target,
        LvsProtocol protocol,
        IpFamily ipFamily,
        LvsScheduler scheduler,
        boolean schedulerDefaulted,
        Set<String> schedulerFlags,
        boolean onePacketScheduling,
        ForwardingMethod forwarding,
        Integer persistenceTimeout,
        String persistenceGranularity,
        String persistenceEngine,
        String virtualhost,
        SorryServer sorryServer,
        boolean alpha,
        boolean omega,
        long quorum,
        long hysteresis,
        ScriptSpec quorumUp,
        ScriptSpec quorumDown,
        boolean haSuspend,
        boolean inhibitOnFailure,
        int weight,
        Duration delayLoop,
        Duration connectTimeout,
        Integer retry,
        Duration delayBeforeRetry,
        Duration warmup,
        boolean smtpAlert,
        String snmpName,
        List<RealServer> realServers,
        SourceLocation location) {

    /** keepalived's default delay_loop. */
    public static final Duration DEFAULT_DELAY_LOOP = Duration.ofSeconds(60);
    /** keepalived's default connect_timeout. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** persistence_timeout without a value, and the timeout a port-less service gets. */
    public static final int DEFAULT_PERSISTENCE_TIMEOUT = 360;

    public VirtualServer {
        schedulerFlags = Set.copyOf(schedulerFlags);
        realServers = List.copyOf(realServers);
    }

    /** What the virtual server balances: one address and port, a firewall mark, or a group. */
    public sealed interface Target permits Address, Fwmark, Group {
    }

    /** {@code port} is null when omitted (only valid for a persistent service). */
    public record Address(InetAddress address, Integer port) implements Target {
    }

    public record Fwmark(long mark) implements Target {
    }

    public record Group(String name) implements Target {
    }

    public boolean isPersistent() {
        return persistenceTimeout != null;
    }

    /** e.g. "10.0.0.1:80/TCP", "fwmark 1", "group VSG_1/TCP", for messages. */
    public String describe() {
        String proto = protocol == null ? "" : "/" + protocol;
        if (target instanceof Address a) {
            String host = a.address().getHostAddress();
            host = a.address() instanceof java.net.Inet6Address ? "[" + host + "]" : host;
            return host + ":" + (a.port() == null ? 0 : a.port()) + proto;
        }
        if (target instanceof Fwmark f) {
            return "fwmark " + f.mark() + (ipFamily == null ? "" : "/" + ipFamily);
        }
        return "group " + ((Group) target).name() + proto;
    }
}
