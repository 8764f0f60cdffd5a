package org.keepalive4j.mib;

import org.snmp4j.smi.OID;

/** A sysORTable entry the subagent registers with the master (sysORID, sysORDescr). */
public record SysOrEntry(OID id, String description) {
    public SysOrEntry {
        id = new OID(id);
    }
}
