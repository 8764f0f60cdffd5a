package org.keepalive4j.mib.global;

import org.snmp4j.agent.MOScope;
import org.snmp4j.agent.mo.MOAccessImpl;
import org.snmp4j.agent.mo.MOScalar;
import org.snmp4j.agent.request.SubRequest;
import org.snmp4j.smi.Null;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.Variable;

/**
 * A read-only scalar whose value comes from the configuration and may be absent (no smtp_server, no
 * lvs_sync_daemon): an absent scalar answers noSuchInstance and is skipped by a walk, as keepalived
 * does. The value is replaced, never modified, by the reload thread and read by AgentX threads.
 */
final class ConfigScalar extends MOScalar<Variable> {

    private volatile Variable current;

    /** @param instanceOid the scalar's instance OID (object.0) */
    ConfigScalar(OID instanceOid) {
        super(instanceOid, MOAccessImpl.ACCESS_READ_ONLY, null);
    }

    void update(Variable value) {
        current = value;
    }

    @Override
    public Variable getValue() {
        return current;
    }

    @Override
    public OID find(MOScope range) {
        return current == null ? null : super.find(range);
    }

    @Override
    public void get(SubRequest<?> request) {
        if (current == null) {
            request.getVariableBinding().setVariable(Null.noSuchInstance);
            request.completed();
        } else {
            super.get(request);
        }
    }

    @Override
    public boolean next(SubRequest<?> request) {
        return current != null && super.next(request);
    }
}
