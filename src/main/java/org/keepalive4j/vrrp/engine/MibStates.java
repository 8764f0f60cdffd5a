package org.keepalive4j.vrrp.engine;

import org.keepalive4j.vrrp.fsm.VrrpState;

/** The state machine's states as KEEPALIVED-MIB's VrrpState. */
final class MibStates {

    private MibStates() {
    }

    /** keepalived's vrrp_snmp_state: INIT..FAULT as they are, STOP (98 inside keepalived) as unknown(4). */
    static org.keepalive4j.mib.vrrp.VrrpState of(VrrpState state) {
        return switch (state) {
            case INIT -> org.keepalive4j.mib.vrrp.VrrpState.INIT;
            case BACKUP -> org.keepalive4j.mib.vrrp.VrrpState.BACKUP;
            case MASTER -> org.keepalive4j.mib.vrrp.VrrpState.MASTER;
            case FAULT -> org.keepalive4j.mib.vrrp.VrrpState.FAULT;
            case STOP -> org.keepalive4j.mib.vrrp.VrrpState.UNKNOWN;
        };
    }
}
