package org.keepalive4j.check.http;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * One GET to make.
 *
 * @param target             where to connect
 * @param bind               local address/port to bind first; null lets the kernel choose
 * @param tls                SSL_GET / genhash -S
 * @param sniName            server name to send in the TLS hello; null sends none
 * @param request            the request bytes ({@link HttpGetRequest})
 * @param operationTimeoutMs the limit for each step (connect, handshake, each read), as keepalived's
 *                           connection timeout applies to each
 * @param deadlineNanos      {@link System#nanoTime()} by which the whole exchange must be over;
 *                           {@link Long#MAX_VALUE} for none
 * @param bodyLimit          how much of the body to keep for a regex
 */
public record FetchSpec(
        InetSocketAddress target,
        InetSocketAddress bind,
        boolean tls,
        String sniName,
        byte[] request,
        long operationTimeoutMs,
        long deadlineNanos,
        int bodyLimit) {

    public FetchSpec {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(request, "request");
    }
}
