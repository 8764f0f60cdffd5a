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

    private TrustAllTls() {
    }

    /**
     * A new context each time, so no session is ever resumed: keepalived makes a full handshake on
     * every check (which is what a health check should test), and a resumed TLS 1.3 session would
     * carry the SNI name of the connection that got its ticket, not this one's.
     */
    static SSLContext context() {
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
