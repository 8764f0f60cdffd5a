package org.keepalive4j.vrrp.fsm;

/** Why an instance changed state; the first four follow VRRP-MIB v3's vrrpv3RouterMasterReason. */
public enum TransitionReason {
    /** Became master because the master's adverts stopped (master_down timer expired). */
    MASTER_NO_RESPONSE,
    /** Became master soon after the master announced it was leaving (priority 0 advert). */
    PRIORITY,
    /** Became master by preempting a lower priority master, or as address owner at startup. */
    PREEMPTED,
    /** Left master because an advert with a higher priority (or equal priority, higher address) came. */
    HIGHER_PRIORITY_ADVERT,
    /** Entered the state the daemon starts in. */
    STARTUP,
    /** A weight-0 tracker (or the instance's own interface) went down. */
    FAULT,
    /** All faults cleared. */
    FAULT_CLEARED,
    /** Moved by its vrrp_sync_group, following another member. */
    SYNC_GROUP,
    /** The daemon is shutting the instance down. */
    STOP_REQUESTED
}
