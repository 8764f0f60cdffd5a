package org.keepalive4j.agentx;

/**
 * A snapshot of the AgentX subsystem for the stats dump.
 *
 * @param reconnects sessions opened after the first one
 * @param lastError  why the last connection attempt or session ended ("" before any trouble)
 */
public record AgentXStats(MasterAddress master, SubagentState state, int registeredRegions, long connectAttempts,
        long reconnects, String lastError, long notificationsQueued, long notificationsSent,
        long notificationsDropped, long notificationsRejected, long notifyRetries, int notificationsPending) {

    /** One line per field, "name: value", in the style of keepalived's stats file. */
    public String toText() {
        return "AgentX master: " + master + "\n"
                + " State: " + state + "\n"
                + " Registered regions: " + registeredRegions + "\n"
                + " Connect attempts: " + connectAttempts + "\n"
                + " Reconnects: " + reconnects + "\n"
                + " Last error: " + lastError + "\n"
                + " Notifications queued: " + notificationsQueued + "\n"
                + " Notifications sent: " + notificationsSent + "\n"
                + " Notifications dropped: " + notificationsDropped + "\n"
                + " Notifications rejected: " + notificationsRejected + "\n"
                + " Notify retries: " + notifyRetries + "\n"
                + " Notifications pending: " + notificationsPending + "\n";
    }
}
