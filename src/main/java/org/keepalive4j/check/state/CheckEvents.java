package org.keepalive4j.check.state;

/**
 * What the check state tells the outside world besides the dataplane: the MIB rows (and through
 * them the traps) and the notify scripts. Called on the owner thread; implementations must not block.
 */
public interface CheckEvents {

    /** Why a state changed: scripts run on shutdown only in omega mode, and removed servers have no row. */
    enum Why {
        /** a checker result (or an SNMP weight change that moved the quorum) */
        CHECK,
        /** the first state of a server or virtual server at start or after a reload */
        INIT,
        /** the server left the configuration on a reload; its row is already gone */
        REMOVED,
        /** the daemon is stopping */
        STOPPING
    }

    /**
     * The server was added to or removed from the pool, or (alpha, first failure) its initial down
     * state was confirmed: run notify_up / notify_down, update realServerStatus.
     */
    void realServerAlive(RealServerState rs, boolean alive, Why why);

    /** The weight the server has when alive changed (realServerWeight). */
    void realServerWeight(RealServerState rs, int weight);

    /** realServerFailedChecks. */
    void failedChecks(RealServerState rs, int failed);

    /** Quorum gained or lost: quorum_up / quorum_down, virtualServerQuorumStatus. */
    void quorum(VirtualServerState vs, boolean up, Why why);
}
