package org.keepalive4j.mib;

import java.util.List;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.VariableBinding;

/**
 * An SNMPv2 notification ready to send: the snmpTrapOID value and the varbinds that follow
 * sysUpTime and snmpTrapOID (the AgentX layer adds those two).
 */
public record Notification(OID trapOid, List<VariableBinding> varbinds) {
    public Notification {
        trapOid = new OID(trapOid);
        varbinds = List.copyOf(varbinds);
    }
}
