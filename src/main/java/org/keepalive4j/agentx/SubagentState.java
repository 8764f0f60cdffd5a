package org.keepalive4j.agentx;

/** Where the subagent's session to the master stands. */
public enum SubagentState {
    /** no connection; waiting out the backoff before the next attempt */
    DISCONNECTED,
    /** socket connected; opening the session, registering regions and agent capabilities */
    CONNECTING,
    /** session open, everything registered, pings answered */
    CONNECTED,
    /** stopped by {@link AgentXSubsystem#stop()} */
    STOPPED
}
