package org.keepalive4j.mib.schema;

import static org.keepalive4j.mib.schema.Syntax.GAUGE32;
import static org.keepalive4j.mib.schema.Syntax.INTEGER;
import static org.keepalive4j.mib.schema.Syntax.OCTET_STRING;

import org.keepalive4j.mib.table.ColumnSpec;
import org.snmp4j.smi.OID;

/**
 * The columns of KEEPALIVED-MIB virtualServerGroupMemberTable (the entries of each virtual_server_group), as the reference module numbers and types them.
 * Index: virtualServerGroupIndex, virtualServerGroupMemberIndex.
 */
public enum VirtualServerGroupMemberColumn implements ColumnSpec {
    /** virtualServerGroupMemberType: INTEGER { fwmark(1), ip(2), iprange(3) } */
    TYPE(2, INTEGER),
    /** virtualServerGroupMemberFwMark: Unsigned32 */
    FW_MARK(3, GAUGE32),
    /** virtualServerGroupMemberAddrType: InetAddressType */
    ADDR_TYPE(4, INTEGER),
    /** virtualServerGroupMemberAddress: InetAddress */
    ADDRESS(5, OCTET_STRING),
    /** virtualServerGroupMemberAddr1: InetAddress */
    ADDR1(6, OCTET_STRING),
    /** virtualServerGroupMemberAddr2: InetAddress */
    ADDR2(7, OCTET_STRING),
    /** virtualServerGroupMemberPort: InetPortNumber */
    PORT(8, GAUGE32);

    /** virtualServerGroupMemberEntry. */
    public static final OID ENTRY = new OID("1.3.6.1.4.1.9586.100.5.3.2.1");
    /** The number of sub-identifiers in a row index. */
    public static final int INDEX_LENGTH = 2;

    private final int id;
    private final int syntax;
    private final boolean writable;

    VirtualServerGroupMemberColumn(int id, int syntax) {
        this(id, syntax, false);
    }

    VirtualServerGroupMemberColumn(int id, int syntax, boolean writable) {
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
