package org.keepalive4j.check.http;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * TLS for SSL_GET and genhash -S: like keepalived (without an SSL block naming a CA), the server's
 * certificate is not verified. A health check asks "does this server answer correctly", and real
 * servers behind a director often carry certificates for the service name, not their own address.
 */
final class TrustAllTls {

    private static final SSLContext CONTEXT = build();

    private TrustAllTls() {
    }

    /**
     * One context for every check: building one costs far more than a handshake (cipher suite and
     * constraint tables). Engines made from it with no peer host and port can never resume a session:
     * every check makes a full handshake, as keepalived does, which is what a health check should test,
     * and no resumed session carries the SNI name of another url.
     */
    static SSLContext context() {
        return CONTEXT;
    }

    private static SSLContext build() {
        // the extended kind, so the JDK does not wrap it with checks of its own
        X509ExtendedTrustManager trustAll = new X509ExtendedTrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
            }

            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
                // deliberately accepts any certificate: see the class comment
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[] {trustAll}, null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no TLS in this Java runtime", e);
        }
    }
}
