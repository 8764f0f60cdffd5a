package org.keepalive4j.mib.schema;

import static org.keepalive4j.mib.schema.Syntax.GAUGE32;
import static org.keepalive4j.mib.schema.Syntax.INTEGER;
import static org.keepalive4j.mib.schema.Syntax.OCTET_STRING;

import org.keepalive4j.mib.table.ColumnSpec;
import org.snmp4j.smi.OID;

/**
 * The columns of KEEPALIVED-MIB vrrpAddressTable (virtual_ipaddress and virtual_ipaddress_excluded entries of each instance), as the reference module numbers and types them.
 * Index: vrrpInstanceIndex, vrrpAddressIndex.
 */
public enum VrrpAddressColumn implements ColumnSpec {
    /** vrrpAddressType: InetAddressType */
    TYPE(2, INTEGER),
    /** vrrpAddressValue: InetAddress */
    VALUE(3, OCTET_STRING),
    /** vrrpAddressBroadcast: InetAddress */
    BROADCAST(4, OCTET_STRING),
    /** vrrpAddressMask: InetAddressPrefixLength */
    MASK(5, GAUGE32),
    /** vrrpAddressScope: InetScopeType */
    SCOPE(6, INTEGER),
    /** vrrpAddressIfIndex: InterfaceIndex */
    IF_INDEX(7, INTEGER),
    /** vrrpAddressIfName: DisplayString */
    IF_NAME(8, OCTET_STRING),
    /** vrrpAddressIfAlias: DisplayString */
    IF_ALIAS(9, OCTET_STRING),
    /** vrrpAddressStatus: INTEGER { set(1), unset(2) } */
    STATUS(10, INTEGER),
    /** vrrpAddressAdvertising: INTEGER { advertised(1), notAdvertised(2) } */
    ADVERTISING(11, INTEGER),
    /** vrrpAddressPeer: InetAddress */
    PEER(12, OCTET_STRING);

    /** vrrpAddressEntry. */
    public static final OID ENTRY = new OID("1.3.6.1.4.1.9586.100.5.2.6.1");
    /** The number of sub-identifiers in a row index. */
    public static final int INDEX_LENGTH = 2;

    private final int id;
    private final int syntax;
    private final boolean writable;

    VrrpAddressColumn(int id, int syntax) {
        this(id, syntax, false);
    }

    VrrpAddressColumn(int id, int syntax, boolean writable) {
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
