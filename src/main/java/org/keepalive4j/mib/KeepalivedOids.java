package org.keepalive4j.mib;

import org.snmp4j.smi.OID;

/** The KEEPALIVED-MIB object identifiers that are not table columns (those live in the schema enums). */
public final class KeepalivedOids {

    /** keepalived MODULE-IDENTITY: enterprises.debian(9586).project(100).5. */
    public static final OID KEEPALIVED = new OID("1.3.6.1.4.1.9586.100.5");
    public static final OID GLOBAL = sub(KEEPALIVED, 1);
    public static final OID VRRP = sub(KEEPALIVED, 2);
    public static final OID CHECK = sub(KEEPALIVED, 3);

    /** routerId.0, the scalar every keepalived trap ends with. */
    public static final OID ROUTER_ID = sub(GLOBAL, 2);

    /** vrrpTraps: vrrpSyncGroupStateChange(1), vrrpInstanceStateChange(2). */
    public static final OID VRRP_SYNC_GROUP_STATE_CHANGE = sub(VRRP, 10, 0, 1);
    public static final OID VRRP_INSTANCE_STATE_CHANGE = sub(VRRP, 10, 0, 2);
    /** checkTraps: realServerStateChange(1), virtualServerQuorumStateChange(2). */
    public static final OID REAL_SERVER_STATE_CHANGE = sub(CHECK, 5, 0, 1);
    public static final OID VIRTUAL_SERVER_QUORUM_STATE_CHANGE = sub(CHECK, 5, 0, 2);

    private KeepalivedOids() {
    }

    public static OID sub(OID base, int... ids) {
        OID o = new OID(base);
        for (int id : ids) {
            o.append(id);
        }
        return o;
    }
}
