package org.keepalive4j.agentx;

import org.snmp4j.smi.OID;

/** One sysORTable row the subagent announces with AgentX AddAgentCaps (sysORID, sysORDescr). */
public record SysOREntry(OID id, String description) {
    public SysOREntry {
        id = new OID(id);
    }
}
