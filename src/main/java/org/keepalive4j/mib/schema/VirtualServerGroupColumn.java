package org.keepalive4j.mib.schema;

import static org.keepalive4j.mib.schema.Syntax.OCTET_STRING;

import org.keepalive4j.mib.table.ColumnSpec;
import org.snmp4j.smi.OID;

/**
 * The columns of KEEPALIVED-MIB virtualServerGroupTable (virtual_server_group blocks), as the reference module numbers and types them.
 * Index: virtualServerGroupIndex.
 */
public enum VirtualServerGroupColumn implements ColumnSpec {
    /** virtualServerGroupName: DisplayString */
    NAME(2, OCTET_STRING);

    /** virtualServerGroupEntry. */
    public static final OID ENTRY = new OID("1.3.6.1.4.1.9586.100.5.3.1.1");
    /** The number of sub-identifiers in a row index. */
    public static final int INDEX_LENGTH = 1;

    private final int id;
    private final int syntax;
    private final boolean writable;

    VirtualServerGroupColumn(int id, int syntax) {
        this(id, syntax, false);
    }

    VirtualServerGroupColumn(int id, int syntax, boolean writable) {
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
