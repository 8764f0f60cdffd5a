package org.keepalive4j.systemd;

import java.nio.charset.StandardCharsets;

/**
 * The datagrams of the notify protocol: newline-separated VARIABLE=value assignments (sd_notify(3)).
 * Status texts are cut at their first line break, since a newline would start another assignment.
 */
public final class NotifyMessages {

    /** Sent at every ping: one constant array, so a ping allocates no message. */
    static final byte[] WATCHDOG = bytes("WATCHDOG=1");

    private NotifyMessages() {
    }

    /** Start-up (or a reload) is complete. */
    public static String ready(String status) {
        return "READY=1\n" + status(status);
    }

    /**
     * A reload begins. {@code MONOTONIC_USEC} (CLOCK_MONOTONIC when the reload began) lets systemd ≥ 253
     * tell this reload from an earlier one; older versions ignore the variable.
     */
    public static String reloading(long monotonicMicros, String status) {
        return "RELOADING=1\nMONOTONIC_USEC=" + monotonicMicros + "\n" + status(status);
    }

    /** An orderly stop begins. */
    public static String stopping(String status) {
        return "STOPPING=1\n" + status(status);
    }

    /** STATUS=, shown by systemctl status. */
    public static String status(String text) {
        int end = text.indexOf('\n');
        return "STATUS=" + (end < 0 ? text : text.substring(0, end));
    }

    static byte[] bytes(String message) {
        return message.getBytes(StandardCharsets.UTF_8);
    }
}
