package org.keepalive4j.mib.schema;

import static org.keepalive4j.mib.schema.Syntax.INTEGER;
import static org.keepalive4j.mib.schema.Syntax.OCTET_STRING;

import org.keepalive4j.mib.table.ColumnSpec;
import org.snmp4j.smi.OID;

/**
 * The columns of KEEPALIVED-MIB vrrpTrackedInterfaceTable (track_interface entries of each instance), as the reference module numbers and types them.
 * Index: vrrpInstanceIndex, ifIndex.
 */
public enum VrrpTrackedInterfaceColumn implements ColumnSpec {
    /** vrrpTrackedInterfaceName: DisplayString */
    NAME(1, OCTET_STRING),
    /** vrrpTrackedInterfaceWeight: Integer32 */
    WEIGHT(2, INTEGER),
    /** vrrpTrackedInterfaceWgtRev: Integer32 */
    WGT_REV(3, INTEGER);

    /** vrrpTrackedInterfaceEntry. */
    public static final OID ENTRY = new OID("1.3.6.1.4.1.9586.100.5.2.4.1");
    /** The number of sub-identifiers in a row index. */
    public static final int INDEX_LENGTH = 2;

    private final int id;
    private final int syntax;
    private final boolean writable;

    VrrpTrackedInterfaceColumn(int id, int syntax) {
        this(id, syntax, false);
    }

    VrrpTrackedInterfaceColumn(int id, int syntax, boolean writable) {
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
