package org.keepalive4j.config.bind;

import java.net.InetAddress;
import java.time.Duration;
import java.util.function.Function;
import org.keepalive4j.config.model.RealServer;
import org.keepalive4j.config.model.check.CheckerCommon;

/**
 * The keywords every checker block shares, and how unset ones are resolved: checker, then real_server
 * (which already carries the virtual_server's values), then the checker type's default.
 */
final class CheckerCommonBinder {

    private CheckerCommonBinder() {
    }

    /** The values as written in one checker (or SMTP host) block; null when not set. */
    static final class Draft {
        InetAddress connectIp;
        Integer connectPort;
        InetAddress bindto;
        Integer bindPort;
        String bindIf;
        Long fwmark;
        Duration connectTimeout;
        Integer retry;
        Duration delayBeforeRetry;
        Duration warmup;
        Duration delayLoop;
        Boolean alpha;
        boolean logAllFailures;
    }

    /** Per checker type: what keepalived uses when neither the checker nor its servers set a value. */
    record TypeDefaults(int retry, Duration delayBeforeRetry) {
        /** delayBeforeRetry null: the checker's delay_loop (DNS_CHECK). */
        static final TypeDefaults STANDARD = new TypeDefaults(1, Duration.ofSeconds(1));
    }

    /**
     * Installs the shared keywords; {@code connection} false leaves out the connection options, which
     * MISC_CHECK does not have.
     */
    static <D> void keywords(BlockSpec<D> spec, Function<D, Draft> draft, boolean connection) {
        if (connection) {
            spec.on("connect_ip", (n, d, c) -> draft.apply(d).connectIp = c.address(n, 0))
                .on("connect_port", (n, d, c) -> draft.apply(d).connectPort = c.integer(n, 0, 1, 65535))
                .on("bindto", (n, d, c) -> draft.apply(d).bindto = c.address(n, 0))
                .on("bind_port", (n, d, c) -> draft.apply(d).bindPort = c.integer(n, 0, 1, 65535))
                .on("bind_if", (n, d, c) -> draft.apply(d).bindIf = c.required(n, 0, "an interface name"))
                .on("connect_timeout", (n, d, c) -> draft.apply(d).connectTimeout =
                        c.timer(n, 0, LvsValues.MICROSECOND, LvsValues.MAX_CONNECT_TIMEOUT))
                .on("fwmark", (n, d, c) -> draft.apply(d).fwmark = LvsValues.unsigned(n, 0, 0, LvsValues.UINT32_MAX, c));
        }
        spec.on("retry", (n, d, c) -> draft.apply(d).retry = c.integer(n, 0, 0, Integer.MAX_VALUE))
            .on("delay_before_retry", (n, d, c) -> draft.apply(d).delayBeforeRetry = LvsValues.timer(n, Duration.ZERO, c))
            .on("warmup", (n, d, c) -> draft.apply(d).warmup = LvsValues.timer(n, Duration.ZERO, c))
            .on("delay_loop", (n, d, c) -> draft.apply(d).delayLoop = LvsValues.timer(n, LvsValues.MICROSECOND, c))
            .on("alpha", (n, d, c) -> draft.apply(d).alpha = c.optionalBool(n, 0))
            .on("log_all_failures", (n, d, c) -> GlobalDefsBinder.set(c.optionalBool(n, 0),
                    v -> draft.apply(d).logAllFailures = v));
    }

    static CheckerCommon resolve(Draft d, RealServer rs, TypeDefaults type, boolean connection) {
        Duration delayLoop = or(d.delayLoop, rs.delayLoop());
        Duration typeDelayBeforeRetry = type.delayBeforeRetry() == null ? delayLoop : type.delayBeforeRetry();
        return new CheckerCommon(
                connection ? or(d.connectIp, rs.address()) : null,
                connection ? or(d.connectPort, rs.port()) : null,
                d.bindto, d.bindPort, d.bindIf, d.fwmark,
                connection ? or(d.connectTimeout, rs.connectTimeout()) : null,
                or(d.retry, or(rs.retry(), type.retry())),
                or(d.delayBeforeRetry, or(rs.delayBeforeRetry(), typeDelayBeforeRetry)),
                or(d.warmup, or(rs.warmup(), delayLoop)),
                delayLoop,
                or(d.alpha, rs.alpha()),
                d.logAllFailures);
    }

    /** An SMTP host block: its unset values come from the enclosing checker's resolved ones. */
    static CheckerCommon resolveHost(Draft d, CheckerCommon parent) {
        return new CheckerCommon(or(d.connectIp, parent.connectIp()), or(d.connectPort, parent.connectPort()),
                or(d.bindto, parent.bindto()), or(d.bindPort, parent.bindPort()), or(d.bindIf, parent.bindIf()),
                or(d.fwmark, parent.fwmark()), or(d.connectTimeout, parent.connectTimeout()),
                or(d.retry, parent.retry()), or(d.delayBeforeRetry, parent.delayBeforeRetry()),
                or(d.warmup, parent.warmup()), or(d.delayLoop, parent.delayLoop()), or(d.alpha, parent.alpha()),
                d.logAllFailures || parent.logAllFailures());
    }

    static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
