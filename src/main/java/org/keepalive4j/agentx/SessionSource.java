package org.keepalive4j.agentx;

/** What the notification sender needs from the session owner. */
interface SessionSource {

    /**
     * Waits up to {@code timeoutMillis} for an open session other than {@code failed} (null: any) and
     * returns it; when the time is up, returns the current session, which may be {@code failed} itself
     * (the master still answers pings) or null (no session).
     */
    ActiveSession awaitSession(ActiveSession failed, long timeoutMillis) throws InterruptedException;

    /** A request on {@code session} went unanswered: check the master now rather than at the next ping. */
    void suspect(ActiveSession session);
}
