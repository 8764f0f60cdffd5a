package org.keepalive4j.mib.schema;

import static org.keepalive4j.mib.schema.Syntax.GAUGE32;
import static org.keepalive4j.mib.schema.Syntax.INTEGER;
import static org.keepalive4j.mib.schema.Syntax.OCTET_STRING;

import org.keepalive4j.mib.table.ColumnSpec;
import org.snmp4j.smi.OID;

/**
 * The columns of KEEPALIVED-MIB vrrpInstanceTable (vrrp_instance blocks), as the reference module numbers and types them.
 * Index: vrrpInstanceIndex.
 */
public enum VrrpInstanceColumn implements ColumnSpec {
    /** vrrpInstanceName: DisplayString */
    NAME(2, OCTET_STRING),
    /** vrrpInstanceVirtualRouterId: Unsigned32 */
    VIRTUAL_ROUTER_ID(3, GAUGE32),
    /** vrrpInstanceState: VrrpState */
    STATE(4, INTEGER),
    /** vrrpInstanceInitialState: VrrpState */
    INITIAL_STATE(5, INTEGER),
    /** vrrpInstanceWantedState: VrrpState */
    WANTED_STATE(6, INTEGER),
    /** vrrpInstanceBasePriority: Integer32 (read-write) */
    BASE_PRIORITY(7, INTEGER, true),
    /** vrrpInstanceEffectivePriority: Integer32 */
    EFFECTIVE_PRIORITY(8, INTEGER),
    /** vrrpInstanceVipsStatus: INTEGER { allSet(1), notAllSet(2) } */
    VIPS_STATUS(9, INTEGER),
    /** vrrpInstancePrimaryInterface: DisplayString */
    PRIMARY_INTERFACE(10, OCTET_STRING),
    /** vrrpInstanceTrackPrimaryIf: INTEGER { tracked(1), notTracked(2) } */
    TRACK_PRIMARY_IF(11, INTEGER),
    /** vrrpInstanceAdvertisementsInt: Unsigned32 */
    ADVERTISEMENTS_INT(12, GAUGE32),
    /** vrrpInstancePreempt: INTEGER { preempt(1), noPreempt(2) } (read-write) */
    PREEMPT(13, INTEGER, true),
    /** vrrpInstancePreemptDelay: Unsigned32 */
    PREEMPT_DELAY(14, GAUGE32),
    /** vrrpInstanceAuthType: INTEGER { none(0), password(1), ah(2) } */
    AUTH_TYPE(15, INTEGER),
    /** vrrpInstanceLvsSyncDaemon: INTEGER { enabled(1), disabled(2) } */
    LVS_SYNC_DAEMON(16, INTEGER),
    /** vrrpInstanceLvsSyncInterface: DisplayString */
    LVS_SYNC_INTERFACE(17, OCTET_STRING),
    /** vrrpInstanceSyncGroup: DisplayString */
    SYNC_GROUP(18, OCTET_STRING),
    /** vrrpInstanceGarpDelay: Unsigned32 */
    GARP_DELAY(19, GAUGE32),
    /** vrrpInstanceSmtpAlert: INTEGER { enabled(1), disabled(2) } */
    SMTP_ALERT(20, INTEGER),
    /** vrrpInstanceNotifyExec: INTEGER { enabled(1), disabled(2) } */
    NOTIFY_EXEC(21, INTEGER),
    /** vrrpInstanceScriptMaster: DisplayString */
    SCRIPT_MASTER(22, OCTET_STRING),
    /** vrrpInstanceScriptBackup: DisplayString */
    SCRIPT_BACKUP(23, OCTET_STRING),
    /** vrrpInstanceScriptFault: DisplayString */
    SCRIPT_FAULT(24, OCTET_STRING),
    /** vrrpInstanceScriptStop: DisplayString */
    SCRIPT_STOP(25, OCTET_STRING),
    /** vrrpInstanceScript: DisplayString */
    SCRIPT(26, OCTET_STRING),
    /** vrrpInstanceAccept: INTEGER { true(1), false(2) } (read-write) */
    ACCEPT(27, INTEGER),
    /** vrrpInstancePromoteSecondaries: INTEGER { true(1), false(2) } (read-write) */
    PROMOTE_SECONDARIES(28, INTEGER),
    /** vrrpInstanceUseLinkbeat: INTEGER { true(1), false(2) } (read-write) */
    USE_LINKBEAT(29, INTEGER),
    /** vrrpInstanceVrrpVersion: INTEGER { vrrpv2(2), vrrpv3(3) } */
    VRRP_VERSION(30, INTEGER),
    /** vrrpInstanceScriptMstrRxLowerPri: DisplayString */
    SCRIPT_MSTR_RX_LOWER_PRI(31, OCTET_STRING),
    /** vrrpInstanceScriptDeleted: DisplayString */
    SCRIPT_DELETED(32, OCTET_STRING),
    /** vrrpInstanceNotifyDeleted: INTEGER { true(1), false(2) } (read-write) */
    NOTIFY_DELETED(33, INTEGER),
    /** vrrpInstanceMulticastAddressType: InetAddressType */
    MULTICAST_ADDRESS_TYPE(34, INTEGER),
    /** vrrpInstanceMulticastAddress: InetAddress */
    MULTICAST_ADDRESS(35, OCTET_STRING);

    /** vrrpInstanceEntry. */
    public static final OID ENTRY = new OID("1.3.6.1.4.1.9586.100.5.2.3.1");
    /** The number of sub-identifiers in a row index. */
    public static final int INDEX_LENGTH = 1;

    private final int id;
    private final int syntax;
    private final boolean writable;

    VrrpInstanceColumn(int id, int syntax) {
        this(id, syntax, false);
    }

    VrrpInstanceColumn(int id, int syntax, boolean writable) {
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
