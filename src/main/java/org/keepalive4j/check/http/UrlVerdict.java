package org.keepalive4j.check.http;

import org.keepalive4j.config.model.check.HttpUrl;

/**
 * Judges one url's exchange as keepalived does, in its order: a response at all, then the status code,
 * then the digest, then the regex. Pure: the strings it returns are the probe's failure details.
 */
public final class UrlVerdict {

    private UrlVerdict() {
    }

    /**
     * @param timeoutMs the url's time limit, for the timeout message
     * @return null when the url passes, else what went wrong, naming the url
     */
    public static String judge(HttpUrl url, RegexCheck regex, FetchOutcome o, long timeoutMs) {
        String path = url.path();
        if (!o.ok()) {
            if (o.failure().isTimeout()) {
                return "timeout after " + timeoutMs + " ms for " + path + " (" + o.failure().operatorText + ")";
            }
            String cause = o.cause() == null ? "" : ": " + o.cause();
            if (o.failure() == FetchFailure.CONNECT_FAILED && o.cause() != null
                    && o.cause().toLowerCase().contains("refused")) {
                return "connection refused for " + path;
            }
            return o.failure().operatorText + " for " + path + cause;
        }
        ResponseScanner r = o.response();
        if (!r.headerSeen()) {
            return "no HTTP response for " + path;
        }
        int status = r.statusCode();
        if (status == 0) {
            return "malformed status line for " + path;
        }
        if (!url.accepts(status)) {
            return "status " + status + " for " + path;
        }
        if (url.digest() != null) {
            String got = r.digestHex();
            if (!got.equalsIgnoreCase(url.digest())) {
                return "digest mismatch for " + path + ": got " + got + ", want " + url.digest();
            }
        }
        if (regex != null) {
            return regex.judge(r.body(), path);
        }
        return null;
    }
}
