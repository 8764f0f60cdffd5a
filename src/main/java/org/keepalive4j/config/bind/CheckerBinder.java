package org.keepalive4j.config.bind;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.keepalive4j.config.SourceLocation;
import org.keepalive4j.config.model.RealServer;
import org.keepalive4j.config.model.ScriptSpec;
import org.keepalive4j.config.model.check.Checker;
import org.keepalive4j.config.model.check.CheckerCommon;
import org.keepalive4j.config.model.check.DnsCheck;
import org.keepalive4j.config.model.check.MiscCheck;
import org.keepalive4j.config.model.check.PingCheck;
import org.keepalive4j.config.model.check.SmtpCheck;
import org.keepalive4j.config.model.check.TcpCheck;
import org.keepalive4j.config.model.check.UdpCheck;
import org.keepalive4j.config.text.ConfigNode;

/**
 * The checker blocks of a real_server. A checker is bound into a draft while its real server is read,
 * and built once the real server's own values are known, because it inherits them.
 */
final class CheckerBinder {

    static final Set<String> KEYWORDS = Set.of("TCP_CHECK", "HTTP_GET", "SSL_GET", "MISC_CHECK", "SMTP_CHECK",
            "DNS_CHECK", "UDP_CHECK", "PING_CHECK");
    /** Valid keepalived checkers that keepalive4j does not implement. */
    static final Set<String> NOT_IMPLEMENTED = Set.of("BFD_CHECK", "FILE_CHECK");

    private CheckerBinder() {
    }

    /** A checker as written; {@link #build} resolves it against its real server. */
    abstract static class Draft {
        final CheckerCommonBinder.Draft common = new CheckerCommonBinder.Draft();
        SourceLocation location;

        /** Null (after a warning) when keepalived would drop the checker. */
        abstract Checker build(RealServer rs, Duration vsDelayLoop, BindContext c);
    }

    static Draft bind(ConfigNode n, BindContext c) {
        if (!c.requireBlock(n)) {
            return null;
        }
        c.noExtraArgs(n, 0);
        Draft d = switch (n.keyword()) {
            case "TCP_CHECK" -> bindWith(TCP, new SimpleDraft(TcpCheck::new), n, c);
            case "PING_CHECK" -> bindWith(PING, new SimpleDraft(PingCheck::new), n, c);
            case "HTTP_GET", "SSL_GET" -> HttpCheckBinder.bind(n, c);
            case "MISC_CHECK" -> bindWith(MISC, new MiscDraft(), n, c);
            case "SMTP_CHECK" -> bindWith(SMTP, new SmtpDraft(), n, c);
            case "DNS_CHECK" -> bindWith(DNS, new DnsDraft(), n, c);
            case "UDP_CHECK" -> bindWith(UDP, new UdpDraft(), n, c);
            default -> throw new IllegalArgumentException("not a checker: " + n.keyword());
        };
        d.location = n.location();
        return d;
    }

    private static <D extends Draft> D bindWith(BlockSpec<D> spec, D draft, ConfigNode n, BindContext c) {
        spec.bind(n.children(), draft, c);
        return draft;
    }

    // ------------------------------------------------------------------ TCP_CHECK, PING_CHECK

    interface SimpleFactory {
        Checker create(CheckerCommon common, SourceLocation location);
    }

    /** Checkers with only the shared keywords. */
    static final class SimpleDraft extends Draft {
        private final SimpleFactory factory;

        SimpleDraft(SimpleFactory factory) {
            this.factory = factory;
        }

        @Override
        Checker build(RealServer rs, Duration vsDelayLoop, BindContext c) {
            return factory.create(CheckerCommonBinder.resolve(common, rs, CheckerCommonBinder.TypeDefaults.STANDARD,
                    true), location);
        }
    }

    private static <D extends Draft> BlockSpec<D> withCommon(String name, boolean connection) {
        BlockSpec<D> spec = new BlockSpec<>(name);
        CheckerCommonBinder.keywords(spec, d -> d.common, connection);
        return spec;
    }

    private static final BlockSpec<SimpleDraft> TCP = withCommon("TCP_CHECK", true);
    private static final BlockSpec<SimpleDraft> PING = withCommon("PING_CHECK", true);

    // ------------------------------------------------------------------ MISC_CHECK

    static final class MiscDraft extends Draft {
        ScriptSpec script;
        Duration timeout;
        boolean dynamic;
        String user;
        String group;

        @Override
        Checker build(RealServer rs, Duration vsDelayLoop, BindContext c) {
            if (script == null) {
                c.warning(location, "MISC_CHECK", "no misc_path has been specified - skipping");
                return null;
            }
            ScriptSpec s = user == null ? script : new ScriptSpec(script.command(), user, group, script.location());
            // keepalived's default retry for MISC_CHECK is 0; an unset (or zero) timeout is the VS delay_loop.
            CheckerCommon cc = CheckerCommonBinder.resolve(common, rs,
                    new CheckerCommonBinder.TypeDefaults(0, Duration.ofSeconds(1)), false);
            return new MiscCheck(cc, s, timeout == null ? vsDelayLoop : timeout, dynamic, location);
        }
    }

    private static final BlockSpec<MiscDraft> MISC = CheckerBinder.<MiscDraft>withCommon("MISC_CHECK", false)
            .on("misc_path", (n, d, c) -> d.script = c.script(n, 0))
            .on("misc_timeout", (n, d, c) -> GlobalDefsBinder.set(
                    LvsValues.unsigned(n, 0, 0, LvsValues.UINT32_MAX / 1_000_000, c),
                    v -> d.timeout = v == 0 ? null : Duration.ofSeconds(v)))
            .on("misc_dynamic", (n, d, c) -> d.dynamic = c.flag(n))
            .on("user", (n, d, c) -> {
                d.user = c.required(n, 0, "a user name");
                d.group = n.arg(1);
                c.noExtraArgs(n, 2);
            });

    // ------------------------------------------------------------------ SMTP_CHECK

    static final class SmtpDraft extends Draft {
        String helo;
        final List<CheckerCommonBinder.Draft> hosts = new ArrayList<>();

        @Override
        Checker build(RealServer rs, Duration vsDelayLoop, BindContext c) {
            CheckerCommon cc = CheckerCommonBinder.resolve(common, rs, CheckerCommonBinder.TypeDefaults.STANDARD, true);
            List<CheckerCommon> resolvedHosts = hosts.stream().map(h -> CheckerCommonBinder.resolveHost(h, cc)).toList();
            return new SmtpCheck(cc, helo == null ? SmtpCheck.DEFAULT_HELO : helo, resolvedHosts, location);
        }
    }

    private static final BlockSpec<CheckerCommonBinder.Draft> SMTP_HOST = new BlockSpec<>("SMTP_CHECK host");

    static {
        CheckerCommonBinder.keywords(SMTP_HOST, d -> d, true);
    }

    private static final BlockSpec<SmtpDraft> SMTP = CheckerBinder.<SmtpDraft>withCommon("SMTP_CHECK", true)
            .on("helo_name", (n, d, c) -> {
                String v = c.required(n, 0, "a HELO name");
                if (v != null && d.helo != null) {
                    c.warning(n, "helo_name already specified - ignoring");
                } else {
                    d.helo = v;
                }
            })
            .on("host", (n, d, c) -> {
                if (c.requireBlock(n)) {
                    CheckerCommonBinder.Draft h = new CheckerCommonBinder.Draft();
                    SMTP_HOST.bind(n.children(), h, c);
                    d.hosts.add(h);
                }
            });

    // ------------------------------------------------------------------ DNS_CHECK

    static final class DnsDraft extends Draft {
        String type;
        String name;

        @Override
        Checker build(RealServer rs, Duration vsDelayLoop, BindContext c) {
            // keepalived: DNS retries 3 times by default and waits delay_loop before each retry.
            CheckerCommon cc = CheckerCommonBinder.resolve(common, rs, new CheckerCommonBinder.TypeDefaults(3, null), true);
            return new DnsCheck(cc, type == null ? DnsCheck.DEFAULT_TYPE : type, name == null ? DnsCheck.DEFAULT_NAME : name,
                    location);
        }
    }

    private static final BlockSpec<DnsDraft> DNS = CheckerBinder.<DnsDraft>withCommon("DNS_CHECK", true)
            .on("type", (n, d, c) -> {
                String v = c.required(n, 0, "a query type");
                if (v != null && !DnsCheck.TYPES.contains(v.toUpperCase(Locale.ROOT))) {
                    c.error(n, "'" + v + "' is not a DNS query type (one of " + String.join(" ", DnsCheck.TYPES) + ")");
                } else if (v != null) {
                    d.type = v.toUpperCase(Locale.ROOT);
                }
            })
            .on("name", (n, d, c) -> {
                String v = c.required(n, 0, "a domain name");
                if (v != null && (v.contains("..") || (v.startsWith(".") && v.length() > 1))) {
                    c.error(n, "DNS name '" + v + "' has an empty label");
                } else if (v != null) {
                    d.name = v;
                }
            });

    // ------------------------------------------------------------------ UDP_CHECK

    static final class UdpDraft extends Draft {
        String payload;
        boolean requireReply;
        String reply;
        int minLength;
        int maxLength = UdpCheck.DEFAULT_MAX_REPLY_LENGTH;

        @Override
        Checker build(RealServer rs, Duration vsDelayLoop, BindContext c) {
            if (minLength > maxLength) {
                c.warning(location, "UDP_CHECK", "min_reply_length " + minLength + " > max_reply_length " + maxLength
                        + " - the check will always fail");
            }
            CheckerCommon cc = CheckerCommonBinder.resolve(common, rs, CheckerCommonBinder.TypeDefaults.STANDARD, true);
            return new UdpCheck(cc, payload, requireReply, reply, minLength, maxLength, location);
        }
    }

    private static final BlockSpec<UdpDraft> UDP = CheckerBinder.<UdpDraft>withCommon("UDP_CHECK", true)
            .on("payload", (n, d, c) -> {
                if (c.required(n, 0, "a hex string") != null) {
                    d.payload = HexString.parse(n, n.args(), false, c);
                }
            })
            .on("require_reply", (n, d, c) -> {
                if (c.rejectBlock(n)) {
                    d.requireReply = true;
                    d.reply = n.args().isEmpty() ? null : HexString.parse(n, n.args(), true, c);
                }
            })
            .on("min_reply_length", (n, d, c) -> GlobalDefsBinder.set(c.integer(n, 0, 0, 65535), v -> d.minLength = v))
            .on("max_reply_length", (n, d, c) -> GlobalDefsBinder.set(c.integer(n, 0, 0, 65535), v -> d.maxLength = v));
}
