package org.keepalive4j.config.model.check;

import java.util.List;
import org.keepalive4j.config.SourceLocation;

/**
 * HTTP_GET ({@code tls} false) and SSL_GET ({@code tls} true): every url must answer as expected.
 *
 * @param virtualhost  the Host header: the checker's, else the real server's, else the virtual
 *                     server's; null for none. A url's own virtualhost overrides it.
 * @param sniName      null: the virtualhost when SNI is enabled
 * @param tlsCompliant null when not set
 */
public record HttpCheck(
        boolean tls,
        CheckerCommon common,
        List<HttpUrl> urls,
        String virtualhost,
        HttpProtocol httpProtocol,
        boolean enableSni,
        String sniName,
        boolean fastRecovery,
        Boolean tlsCompliant,
        SourceLocation location) implements Checker {

    public HttpCheck {
        urls = List.copyOf(urls);
    }

    /** The versions keepalived can speak; 1.0C is 1.0 with "Connection: close". */
    public enum HttpProtocol {
        HTTP_1_0("1.0"), HTTP_1_0C("1.0C"), HTTP_1_1("1.1");

        private final String spelling;

        HttpProtocol(String spelling) {
            this.spelling = spelling;
        }

        /** keepalived also takes "1.0c"; null for anything else. */
        public static HttpProtocol of(String v) {
            for (HttpProtocol p : values()) {
                if (p.spelling.equals(v) || (p == HTTP_1_0C && v.equals("1.0c"))) {
                    return p;
                }
            }
            return null;
        }
    }
}
