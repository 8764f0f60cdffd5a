package org.keepalive4j.vrrp.fsm;

/**
 * The states of one VRRP instance, as keepalived names them (RFC 3768 §6.4 / RFC 5798 §6.4 define
 * INIT, BACKUP and MASTER; FAULT and STOP are keepalived's own). keepalived also has DELETED, which
 * an instance reaches only when a reload removes it from the configuration: that is the engine's
 * business (it drops the machine), so it has no value here.
 */
public enum VrrpState {
    INIT, BACKUP, MASTER, FAULT, STOP
}
