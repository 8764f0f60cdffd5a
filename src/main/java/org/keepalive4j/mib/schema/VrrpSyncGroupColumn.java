package org.keepalive4j.mib.schema;

import static org.keepalive4j.mib.schema.Syntax.INTEGER;
import static org.keepalive4j.mib.schema.Syntax.OCTET_STRING;

import org.keepalive4j.mib.table.ColumnSpec;
import org.snmp4j.smi.OID;

/**
 * The columns of KEEPALIVED-MIB vrrpSyncGroupTable (vrrp_sync_group blocks), as the reference module numbers and types them.
 * Index: vrrpSyncGroupIndex.
 */
public enum VrrpSyncGroupColumn implements ColumnSpec {
    /** vrrpSyncGroupName: DisplayString */
    NAME(2, OCTET_STRING),
    /** vrrpSyncGroupState: VrrpState */
    STATE(3, INTEGER),
    /** vrrpSyncGroupSmtpAlert: INTEGER { enabled(1), disabled(2) } */
    SMTP_ALERT(4, INTEGER),
    /** vrrpSyncGroupNotifyExec: INTEGER { enabled(1), disabled(2) } */
    NOTIFY_EXEC(5, INTEGER),
    /** vrrpSyncGroupScriptMaster: DisplayString */
    SCRIPT_MASTER(6, OCTET_STRING),
    /** vrrpSyncGroupScriptBackup: DisplayString */
    SCRIPT_BACKUP(7, OCTET_STRING),
    /** vrrpSyncGroupScriptFault: DisplayString */
    SCRIPT_FAULT(8, OCTET_STRING),
    /** vrrpSyncGroupScript: DisplayString */
    SCRIPT(9, OCTET_STRING),
    /** vrrpSyncGroupTrackingWeight: INTEGER { enabled(1), disabled(2) } */
    TRACKING_WEIGHT(10, INTEGER),
    /** vrrpSyncGroupScriptStop: DisplayString */
    SCRIPT_STOP(11, OCTET_STRING);

    /** vrrpSyncGroupEntry. */
    public static final OID ENTRY = new OID("1.3.6.1.4.1.9586.100.5.2.1.1");
    /** The number of sub-identifiers in a row index. */
    public static final int INDEX_LENGTH = 1;

    private final int id;
    private final int syntax;
    private final boolean writable;

    VrrpSyncGroupColumn(int id, int syntax) {
        this(id, syntax, false);
    }

    VrrpSyncGroupColumn(int id, int syntax, boolean writable) {
        this.id = id;
        this.syntax = syntax;
        this.writable = writable;
    }

    @Override
    public int id() {
        return id;
    }

    @Override
    public int syntax() {
        return syntax;
    }

    @Override
    public boolean writable() {
        return writable;
    }
}
