package org.keepalive4j.config.bind;

import java.util.ArrayList;
import java.util.List;
import org.keepalive4j.config.model.ForwardingMethod;
import org.keepalive4j.config.model.GlobalDefs;
import org.keepalive4j.config.model.IpFamily;
import org.keepalive4j.config.model.LvsProtocol;
import org.keepalive4j.config.model.LvsScheduler;
import org.keepalive4j.config.model.RealServer;
import org.keepalive4j.config.model.SorryServer;
import org.keepalive4j.config.model.VirtualServer;

/**
 * The whole-block step of a virtual_server: keepalived's defaults and its lenient corrections (each a
 * warning, as keepalived logs them), then the immutable record with its real servers.
 */
final class VirtualServerFinisher {

    private static final String KW = "virtual_server";

    private VirtualServerFinisher() {
    }

    static VirtualServer finish(VirtualServerBinder.Draft d, GlobalDefs g, BindContext c) {
        boolean fwmark = d.target instanceof VirtualServer.Fwmark;
        String name = describe(d);
        if (d.realServers.isEmpty()) {
            c.warning(d.location, KW, name + " has no real servers - ignoring");
            return null;
        }
        if (fwmark && d.protocol != null) {
            c.warning(d.location, KW, name + ": protocol specified for fwmark - protocol will be ignored");
            d.protocol = null;
        } else if (!fwmark && d.protocol == null) {
            // IPVS itself would use UDP for protocol 0; keepalived makes that explicit.
            c.warning(d.location, KW, name + ": no protocol set - defaulting to UDP");
            d.protocol = LvsProtocol.UDP;
        }
        if (d.ops && !fwmark && d.protocol != LvsProtocol.UDP) {
            c.warning(d.location, KW, name + ": one packet scheduling requires UDP - resetting");
            d.ops = false;
        }
        if (d.target instanceof VirtualServer.Address a && a.port() == null && d.persistenceTimeout == null) {
            c.warning(d.location, KW, name + ": zero port only valid for persistent services - setting persistence");
            d.persistenceTimeout = VirtualServer.DEFAULT_PERSISTENCE_TIMEOUT;
        }
        boolean schedulerDefaulted = d.scheduler == null;
        if (schedulerDefaulted) {
            c.warning(d.location, KW, name + ": no scheduler set, using " + LvsScheduler.DEFAULT.kernelName());
            d.scheduler = LvsScheduler.DEFAULT;
        }
        if ("nftables".equals(g.lvsDataplane()) && !LvsScheduler.NFTABLES_CAPABLE.contains(d.scheduler)) {
            // refused here, not when the engine programs it: -t and a reload must say so before anything runs
            c.error(schedulerDefaulted ? d.location : d.schedulerAt, "lb_algo", name + ": scheduler "
                    + d.scheduler.kernelName() + (schedulerDefaulted ? " (the default when lb_algo is not set)" : "")
                    + " needs per-destination connection counts, which lvs_dataplane nftables does not keep;"
                    + " use lb_algo rr, wrr, sh or dh, or lvs_dataplane ipvs or auto");
        }
        if (d.hysteresis >= d.quorum) {
            c.warning(d.location, KW, name + ": hysteresis " + d.hysteresis + " >= quorum " + d.quorum
                    + "; setting hysteresis to " + (d.quorum - 1));
            d.hysteresis = d.quorum - 1;
        }
        ForwardingMethod forwarding = forwarding(d, c, name);
        // keepalived: smtp_alert_checker, else smtp_alert, else off for virtual servers but on for real
        // servers (keepalived itself notes the inconsistency; we keep it for compatibility).
        Boolean globalChecker = g.smtpAlertChecker() != null ? g.smtpAlertChecker() : g.smtpAlert();
        boolean smtpAlert = d.smtpAlert != null ? d.smtpAlert : globalChecker != null && globalChecker;
        boolean rsSmtpAlert = globalChecker == null || globalChecker;
        RealServerBinder.Inherited inherited = new RealServerBinder.Inherited(forwarding, d.inhibit, d.alpha, d.weight,
                d.delayLoop, d.connectTimeout, d.retry, d.delayBeforeRetry, d.warmup, rsSmtpAlert, d.virtualhost);
        List<RealServer> realServers = new ArrayList<>();
        for (RealServerBinder.Draft rd : d.realServers) {
            RealServer rs = realServer(d, rd, inherited, c, name);
            if (rs != null) {
                realServers.add(rs);
            }
        }
        if (realServers.isEmpty()) {
            c.warning(d.location, KW, name + " has no usable real servers - ignoring");
            return null;
        }
        return new VirtualServer(d.target, d.protocol, d.family, d.scheduler, schedulerDefaulted, d.schedulerFlags, d.ops, forwarding,
                d.persistenceTimeout, d.persistenceGranularity, d.persistenceEngine, d.virtualhost, sorry(d, forwarding, c, name),
                d.alpha, d.omega, d.quorum, d.hysteresis, d.quorumUp, d.quorumDown, d.haSuspend, d.inhibit, d.weight,
                d.delayLoop, d.connectTimeout, d.retry, d.delayBeforeRetry, d.warmup, smtpAlert, d.snmpName,
                realServers, d.location);
    }

    /** keepalived falls back to NAT, with a warning, when a server needs a method and none is set. */
    private static ForwardingMethod forwarding(VirtualServerBinder.Draft d, BindContext c, String name) {
        if (d.forwarding != null) {
            return d.forwarding;
        }
        boolean needed = d.realServers.stream().anyMatch(r -> r.forwarding == null)
                || (d.sorryAt != null && d.sorryForwarding == null);
        if (needed) {
            c.warning(d.location, KW, name + ": no forwarding method set, using NAT");
        }
        return ForwardingMethod.NAT;
    }

    /**
     * Checks the real server's family and port against the service, as keepalived does: a non-tunnelled
     * server of the other family is dropped, and the port follows the service's.
     */
    private static RealServer realServer(VirtualServerBinder.Draft d, RealServerBinder.Draft rd,
                                         RealServerBinder.Inherited vs, BindContext c, String name) {
        ForwardingMethod f = rd.forwarding != null ? rd.forwarding : vs.forwarding();
        IpFamily family = BindContext.isV4(rd.address) ? IpFamily.INET : IpFamily.INET6;
        if (!f.isTunnel() && !(d.target instanceof VirtualServer.Group)) {
            if (d.family == null) {
                d.family = family;
            } else if (d.family != family) {
                c.warning(rd.location, "real_server", name + ": address family of real server "
                        + rd.address.getHostAddress() + " does not match - skipping real server");
                return null;
            }
        }
        Integer port = rd.port;
        if (d.target instanceof VirtualServer.Fwmark) {
            if (port != null && f.kind() != ForwardingMethod.Kind.NAT) {
                c.warning(rd.location, "real_server", name + ": fwmark service, real server port is ignored");
                port = null;
            }
        } else if (d.target instanceof VirtualServer.Address a) {
            if (port == null) {
                port = a.port();
            } else if (f.kind() != ForwardingMethod.Kind.NAT && !port.equals(a.port())) {
                c.warning(rd.location, "real_server", name + ": real server port " + port
                        + " does not match the virtual server's - resetting");
                port = a.port();
            }
        }
        return RealServerBinder.finish(rd, port, vs, c);
    }

    private static SorryServer sorry(VirtualServerBinder.Draft d, ForwardingMethod vsForwarding, BindContext c,
                                     String name) {
        if (d.sorryAt == null) {
            return null;
        }
        ForwardingMethod f = d.sorryForwarding != null ? d.sorryForwarding : vsForwarding;
        IpFamily family = BindContext.isV4(d.sorryAddress) ? IpFamily.INET : IpFamily.INET6;
        if (!f.isTunnel() && d.family != null && d.family != family) {
            c.warning(d.sorryAt, "sorry_server", name + ": address family of sorry server does not match"
                    + " - skipping sorry server");
            return null;
        }
        Integer port = d.sorryPort;
        if (d.target instanceof VirtualServer.Fwmark && port != null) {
            c.warning(d.sorryAt, "sorry_server", name + ": fwmark service, sorry server port is ignored");
            port = null;
        } else if (d.target instanceof VirtualServer.Address a && (port == null || !port.equals(a.port()))) {
            if (port != null) {
                c.warning(d.sorryAt, "sorry_server", name + ": sorry server port does not match - resetting");
            }
            port = a.port();
        }
        return new SorryServer(d.sorryAddress, port, f, d.sorryInhibit, d.sorryAt);
    }

    private static String describe(VirtualServerBinder.Draft d) {
        if (d.target instanceof VirtualServer.Address a) {
            return "virtual server " + a.address().getHostAddress() + (a.port() == null ? "" : " " + a.port());
        }
        if (d.target instanceof VirtualServer.Fwmark f) {
            return "virtual server fwmark " + f.mark();
        }
        return "virtual server group " + ((VirtualServer.Group) d.target).name();
    }
}
