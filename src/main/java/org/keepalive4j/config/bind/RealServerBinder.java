package org.keepalive4j.config.bind;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.keepalive4j.config.SourceLocation;
import org.keepalive4j.config.model.ForwardingMethod;
import org.keepalive4j.config.model.RealServer;
import org.keepalive4j.config.model.ScriptSpec;
import org.keepalive4j.config.model.check.Checker;
import org.keepalive4j.config.text.ConfigNode;

/** real_server blocks. Built after their virtual server is read, since they inherit its settings. */
final class RealServerBinder {

    private RealServerBinder() {
    }

    /** What a real server takes from its virtual server when it does not set it. */
    record Inherited(ForwardingMethod forwarding, boolean inhibitOnFailure, boolean alpha, int weight,
                     Duration delayLoop, Duration connectTimeout, Integer retry, Duration delayBeforeRetry,
                     Duration warmup, boolean smtpAlert, String virtualhost) {
    }

    static final class Draft {
        InetAddress address;
        Integer port;
        SourceLocation location;
        Integer weight;
        ForwardingMethod forwarding;
        Boolean inhibit;
        Boolean alpha;
        ScriptSpec notifyUp;
        ScriptSpec notifyDown;
        long uthreshold;
        long lthreshold;
        Duration delayLoop;
        Duration connectTimeout;
        Integer retry;
        Duration delayBeforeRetry;
        Duration warmup;
        Boolean smtpAlert;
        String virtualhost;
        String snmpName;
        final List<CheckerBinder.Draft> checkers = new ArrayList<>();
    }

    static final BlockSpec<Draft> SPEC = new BlockSpec<Draft>("real_server")
            .on("weight", (n, d, c) -> d.weight = c.integer(n, 0, 0, RealServer.MAX_WEIGHT))
            .on("lvs_method", (n, d, c) -> d.forwarding = LvsValues.forwarding(n, c))
            .on("uthreshold", (n, d, c) -> GlobalDefsBinder.set(LvsValues.unsigned(n, 0, 0, LvsValues.UINT32_MAX, c),
                    v -> d.uthreshold = v))
            .on("lthreshold", (n, d, c) -> GlobalDefsBinder.set(LvsValues.unsigned(n, 0, 0, LvsValues.UINT32_MAX, c),
                    v -> d.lthreshold = v))
            .on("inhibit_on_failure", (n, d, c) -> d.inhibit = c.optionalBool(n, 0))
            .on("alpha", (n, d, c) -> d.alpha = c.optionalBool(n, 0))
            .on("notify_up", (n, d, c) -> d.notifyUp = once(n, d.notifyUp, c))
            .on("notify_down", (n, d, c) -> d.notifyDown = once(n, d.notifyDown, c))
            .on("retry", (n, d, c) -> d.retry = c.integer(n, 0, 1, Integer.MAX_VALUE))
            .on("delay_before_retry", (n, d, c) -> d.delayBeforeRetry = LvsValues.timer(n, Duration.ZERO, c))
            .on("warmup", (n, d, c) -> d.warmup = LvsValues.timer(n, Duration.ZERO, c))
            .on("connect_timeout", (n, d, c) -> d.connectTimeout =
                    c.timer(n, 0, LvsValues.MICROSECOND, LvsValues.MAX_CONNECT_TIMEOUT))
            .on("delay_loop", (n, d, c) -> d.delayLoop = LvsValues.timer(n, LvsValues.MICROSECOND, c))
            .on("smtp_alert", (n, d, c) -> d.smtpAlert = c.optionalBool(n, 0))
            .on("virtualhost", (n, d, c) -> d.virtualhost = c.required(n, 0, "a host name"))
            .on("snmp_name", (n, d, c) -> d.snmpName = c.required(n, 0, "a name"))
            .on(List.copyOf(CheckerBinder.KEYWORDS), (n, d, c) -> {
                CheckerBinder.Draft checker = CheckerBinder.bind(n, c);
                if (checker != null) {
                    d.checkers.add(checker);
                }
            })
            .on(List.copyOf(CheckerBinder.NOT_IMPLEMENTED), (n, d, c) ->
                    c.warning(n, "valid keepalived checker, not implemented by keepalive4j: ignored"));

    /** keepalived keeps the first notify script of a kind and ignores later ones. */
    private static ScriptSpec once(ConfigNode n, ScriptSpec already, BindContext c) {
        if (already != null) {
            c.warning(n, n.keyword() + " script already specified - ignoring");
            return already;
        }
        return c.script(n, 0);
    }

    /** The address line and block of one real_server; null (after reporting) when unusable. */
    static Draft bind(ConfigNode n, BindContext c) {
        String addr = n.arg(0);
        if (addr == null) {
            c.error(n, "missing real server address");
            return null;
        }
        InetAddress a = c.addressValue(n, addr);
        Integer port = n.arg(1) == null ? Integer.valueOf(0) : LvsValues.port(n, n.arg(1), c);
        c.noExtraArgs(n, 2);
        Draft d = new Draft();
        d.address = a;
        d.port = port == null ? null : LvsValues.noZero(port);
        d.location = n.location();
        if (n.hasBlock()) {
            SPEC.bind(n.children(), d, c);
        }
        return a == null || port == null ? null : d;
    }

    /** Applies the virtual server's values, then builds the checkers against the result. */
    static RealServer finish(Draft d, Integer port, Inherited vs, BindContext c) {
        RealServer shell = new RealServer(d.address, port, or(d.weight, vs.weight()),
                or(d.forwarding, vs.forwarding()), or(d.inhibit, vs.inhibitOnFailure()), or(d.alpha, vs.alpha()),
                d.notifyUp, d.notifyDown, d.uthreshold, d.lthreshold, or(d.delayLoop, vs.delayLoop()),
                or(d.connectTimeout, vs.connectTimeout()), or(d.retry, vs.retry()),
                or(d.delayBeforeRetry, vs.delayBeforeRetry()), or(d.warmup, vs.warmup()),
                or(d.smtpAlert, vs.smtpAlert()), or(d.virtualhost, vs.virtualhost()), d.snmpName, List.of(), d.location);
        if (d.lthreshold > 0 && d.uthreshold > 0 && d.lthreshold > d.uthreshold) {
            c.warning(d.location, "real_server", "lthreshold " + d.lthreshold + " is above uthreshold " + d.uthreshold);
        }
        List<Checker> checkers = new ArrayList<>();
        for (CheckerBinder.Draft cd : d.checkers) {
            Checker built = cd.build(shell, vs.delayLoop(), c);
            if (built != null) {
                checkers.add(built);
            }
        }
        return new RealServer(shell.address(), shell.port(), shell.weight(), shell.forwarding(),
                shell.inhibitOnFailure(), shell.alpha(), shell.notifyUp(), shell.notifyDown(), shell.uthreshold(),
                shell.lthreshold(), shell.delayLoop(), shell.connectTimeout(), shell.retry(), shell.delayBeforeRetry(),
                shell.warmup(), shell.smtpAlert(), shell.virtualhost(), shell.snmpName(), checkers, shell.location());
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
