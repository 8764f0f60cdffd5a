package org.keepalive4j.agentx;

import org.snmp4j.agent.agentx.AgentXSession;

/**
 * An open, fully registered session, as the supervisor publishes it. {@code epoch} grows with every new
 * session, so a holder can tell a reconnection from the session it already failed on.
 */
record ActiveSession(Snmp4jSubagent subagent, AgentXSession<MasterPeerAddress> session, long epoch) {
}
