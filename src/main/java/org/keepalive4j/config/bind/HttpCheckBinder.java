package org.keepalive4j.config.bind;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.keepalive4j.config.model.RealServer;
import org.keepalive4j.config.model.check.Checker;
import org.keepalive4j.config.model.check.CheckerCommon;
import org.keepalive4j.config.model.check.HttpCheck;
import org.keepalive4j.config.model.check.HttpUrl;
import org.keepalive4j.config.model.check.StatusCodeRange;
import org.keepalive4j.config.text.ConfigNode;

/** HTTP_GET and SSL_GET, with their url sub-blocks. */
final class HttpCheckBinder {

    /** keepalived waits 3 s before retrying an HTTP check (1 s for the other checkers). */
    private static final CheckerCommonBinder.TypeDefaults HTTP_DEFAULTS =
            new CheckerCommonBinder.TypeDefaults(1, Duration.ofSeconds(3));

    private HttpCheckBinder() {
    }

    static final class Draft extends CheckerBinder.Draft {
        boolean tls;
        final List<HttpUrl> urls = new ArrayList<>();
        String virtualhost;
        HttpCheck.HttpProtocol protocol = HttpCheck.HttpProtocol.HTTP_1_0;
        boolean enableSni;
        String sniName;
        boolean fastRecovery;
        Boolean tlsCompliant;

        @Override
        Checker build(RealServer rs, Duration vsDelayLoop, BindContext c) {
            String kw = tls ? "SSL_GET" : "HTTP_GET";
            if (urls.isEmpty()) {
                c.warning(location, kw, "HTTP/SSL_GET checker has no urls specified - ignoring");
                return null;
            }
            if (!tls && (enableSni || sniName != null)) {
                c.warning(location, kw, "enable_sni and sni_name only apply to SSL_GET - ignored");
            }
            CheckerCommon cc = CheckerCommonBinder.resolve(common, rs, HTTP_DEFAULTS, true);
            return new HttpCheck(tls, cc, urls, virtualhost != null ? virtualhost : rs.virtualhost(), protocol,
                    tls && enableSni, tls ? sniName : null, fastRecovery, tlsCompliant, location);
        }
    }

    static final class UrlDraft {
        String path;
        String digest;
        final List<StatusCodeRange> statusCodes = new ArrayList<>();
        String virtualhost;
        String regex;
        boolean regexNoMatch;
        List<String> regexOptions = List.of();
        Integer regexMinOffset;
        Integer regexMaxOffset;
    }

    private static final BlockSpec<UrlDraft> URL = new BlockSpec<UrlDraft>("url")
            .on("path", (n, d, c) -> d.path = c.required(n, 0, "a path"))
            .on("digest", HttpCheckBinder::digest)
            .on("status_code", HttpCheckBinder::statusCodes)
            .on("virtualhost", (n, d, c) -> d.virtualhost = c.required(n, 0, "a host name"))
            .on("regex", (n, d, c) -> {
                d.regex = c.required(n, 0, "a regular expression");
                c.noExtraArgs(n, 1);
            })
            .on("regex_no_match", (n, d, c) -> d.regexNoMatch = c.flag(n))
            .on("regex_options", (n, d, c) -> {
                if (c.required(n, 0, "regex options") != null) {
                    d.regexOptions = n.args();
                }
            })
            .on("regex_min_offset", (n, d, c) -> d.regexMinOffset = c.integer(n, 0, 0, Integer.MAX_VALUE))
            .on("regex_max_offset", (n, d, c) -> d.regexMaxOffset = c.integer(n, 0, 0, Integer.MAX_VALUE))
            .on("regex_stack", (n, d, c) -> {
                c.integer(n, 0, 0, Integer.MAX_VALUE);
                c.integer(n, 1, 0, Integer.MAX_VALUE);
            })
            .on("tls_compliant", (n, d, c) -> c.optionalBool(n, 0));

    private static final BlockSpec<Draft> SPEC = new BlockSpec<Draft>("HTTP_GET/SSL_GET")
            .on("nb_get_retry", (n, d, c) -> {
                c.warning(n, "nb_get_retry is deprecated - please use 'retry'");
                d.common.retry = c.integer(n, 0, 0, Integer.MAX_VALUE);
            })
            .on("virtualhost", (n, d, c) -> d.virtualhost = c.required(n, 0, "a host name"))
            .on("http_protocol", (n, d, c) -> {
                String v = c.required(n, 0, "1.0, 1.0C or 1.1");
                HttpCheck.HttpProtocol p = v == null ? null : HttpCheck.HttpProtocol.of(v);
                if (v != null && p == null) {
                    c.error(n, "'" + v + "' is not an http_protocol (1.0, 1.0C or 1.1)");
                } else if (p != null) {
                    d.protocol = p;
                }
            })
            .on("enable_sni", (n, d, c) -> GlobalDefsBinder.set(c.optionalBool(n, 0), v -> d.enableSni = v))
            .on("sni_name", (n, d, c) -> d.sniName = c.required(n, 0, "a server name"))
            .on("fast_recovery", (n, d, c) -> GlobalDefsBinder.set(c.optionalBool(n, 0), v -> d.fastRecovery = v))
            .on("tls_compliant", (n, d, c) -> d.tlsCompliant = c.optionalBool(n, 0))
            .on("url", HttpCheckBinder::url);

    static {
        CheckerCommonBinder.keywords(SPEC, d -> d.common, true);
    }

    static Draft bind(ConfigNode n, BindContext c) {
        Draft d = new Draft();
        d.tls = n.keyword().equals("SSL_GET");
        SPEC.bind(n.children(), d, c);
        return d;
    }

    private static void url(ConfigNode n, Draft d, BindContext c) {
        if (!c.requireBlock(n)) {
            return;
        }
        UrlDraft u = new UrlDraft();
        URL.bind(n.children(), u, c);
        if (u.path == null) {
            c.warning(n, "HTTP/SSL_GET checker url has no path - ignoring");
            return;
        }
        d.urls.add(new HttpUrl(u.path, u.digest,
                u.statusCodes.isEmpty() ? HttpUrl.DEFAULT_STATUS_CODES : u.statusCodes, u.virtualhost, u.regex,
                u.regexNoMatch, u.regexOptions, u.regexMinOffset, u.regexMaxOffset, n.location()));
    }

    /** An MD5 digest as genhash prints it: 32 hex digits. */
    private static void digest(ConfigNode n, UrlDraft d, BindContext c) {
        String v = c.required(n, 0, "an MD5 digest");
        if (v == null) {
            return;
        }
        if (!v.matches("[0-9A-Fa-f]{32}")) {
            c.error(n, "'" + v + "' is not an MD5 digest (32 hex digits)");
            return;
        }
        if (d.digest != null) {
            c.warning(n, "digest already specified - replacing");
        }
        d.digest = v.toLowerCase(Locale.ROOT);
    }

    /** {@code status_code 200 | 200-299 ...}: codes and ranges within 100..599. */
    private static void statusCodes(ConfigNode n, UrlDraft d, BindContext c) {
        if (c.required(n, 0, "status codes or ranges") == null) {
            return;
        }
        for (String word : n.args()) {
            StatusCodeRange r = statusRange(word);
            if (r == null) {
                c.error(n, "'" + word + "' is not a status code or range within " + StatusCodeRange.MIN + ".."
                        + StatusCodeRange.MAX);
            } else {
                d.statusCodes.add(r);
            }
        }
    }

    private static StatusCodeRange statusRange(String word) {
        if (!word.matches("\\d{3}(-\\d{3})?")) {
            return null;
        }
        int dash = word.indexOf('-');
        int first = Integer.parseInt(dash < 0 ? word : word.substring(0, dash));
        int last = dash < 0 ? first : Integer.parseInt(word.substring(dash + 1));
        boolean inRange = first >= StatusCodeRange.MIN && last <= StatusCodeRange.MAX && first <= last;
        return inRange ? new StatusCodeRange(first, last) : null;
    }
}
