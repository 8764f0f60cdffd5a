package org.keepalive4j.config.model.check;

import java.net.InetAddress;
import java.time.Duration;

/**
 * The settings every checker shares, resolved checker → real_server → virtual_server → default.
 * MISC_CHECK opens no connection, so its connection fields are null.
 *
 * @param connectIp        the real server's address unless set
 * @param connectPort      the real server's port unless set; null when neither has one
 * @param bindto           null: the kernel chooses
 * @param bindPort         null: the kernel chooses
 * @param bindIf           null unless set (needed for an IPv6 link-local bindto)
 * @param fwmark           mark put on outgoing check packets; null when unset
 * @param retry            extra attempts after a failure before the server is marked down
 * @param warmup           the maximum random delay before the first check; zero disables it
 * @param logAllFailures   log every failure, not only state changes
 */
public record CheckerCommon(
        InetAddress connectIp,
        Integer connectPort,
        InetAddress bindto,
        Integer bindPort,
        String bindIf,
        Long fwmark,
        Duration connectTimeout,
        int retry,
        Duration delayBeforeRetry,
        Duration warmup,
        Duration delayLoop,
        boolean alpha,
        boolean logAllFailures) {
}
