package org.keepalive4j.check.http;

import java.net.InetAddress;
import org.keepalive4j.config.model.check.HttpCheck.HttpProtocol;

/**
 * What genhash was asked to fetch.
 *
 * @param timeoutMs per step (connect, handshake, each read); genhash's default is UINT_MAX
 *                  microseconds, a little over 71 minutes
 */
public record GenhashOptions(
        InetAddress server,
        int port,
        String path,
        boolean ssl,
        boolean sni,
        String virtualhost,
        boolean verbose,
        HttpProtocol protocol,
        long timeoutMs) {

    /** keepalived's connection_to when -t is not given: UINT_MAX microseconds. */
    public static final long DEFAULT_TIMEOUT_MS = 4_294_967_295L / 1000;
}
