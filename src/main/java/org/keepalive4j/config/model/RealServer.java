package org.keepalive4j.config.model;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import org.keepalive4j.config.SourceLocation;
import org.keepalive4j.config.model.check.Checker;

/**
 * A real_server with the defaults of its virtual server applied. Its checkers all must pass for it
 * to be up.
 *
 * @param port              null only for a fwmark service; otherwise the virtual server's port when
 *                          not given
 * @param uthreshold        maximum connections; 0: no limit
 * @param lthreshold        connection count below which the server takes new ones again; 0: unset
 * @param retry             null: each checker's own default
 * @param delayBeforeRetry  null: each checker's own default
 * @param warmup            null: each checker's delay_loop
 * @param virtualhost       the Host header HTTP checkers use unless they set their own; may be null
 */
public record RealServer(
        InetAddress address,
        Integer port,
        int weight,
        ForwardingMethod forwarding,
        boolean inhibitOnFailure,
        boolean alpha,
        ScriptSpec notifyUp,
        ScriptSpec notifyDown,
        long uthreshold,
        long lthreshold,
        Duration delayLoop,
        Duration connectTimeout,
        Integer retry,
        Duration delayBeforeRetry,
        Duration warmup,
        boolean smtpAlert,
        String virtualhost,
        String snmpName,
        List<Checker> checkers,
        SourceLocation location) {

    /** IPVS accepts weights up to INT32_MAX; 0 keeps the server in the table without traffic. */
    public static final int MAX_WEIGHT = Integer.MAX_VALUE;

    public RealServer {
        checkers = List.copyOf(checkers);
    }
}
