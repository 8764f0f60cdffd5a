package org.keepalive4j.mib.schema;

import static org.keepalive4j.mib.schema.Syntax.OCTET_STRING;

import org.keepalive4j.mib.table.ColumnSpec;
import org.snmp4j.smi.OID;

/**
 * The columns of KEEPALIVED-MIB emailTable (the mail recipients (notification_email)), as the reference module numbers and types them.
 * Index: emailIndex.
 */
public enum EmailColumn implements ColumnSpec {
    /** emailAddress: DisplayString */
    ADDRESS(2, OCTET_STRING);

    /** emailEntry. */
    public static final OID ENTRY = new OID("1.3.6.1.4.1.9586.100.5.1.3.5.1");
    /** The number of sub-identifiers in a row index. */
    public static final int INDEX_LENGTH = 1;

    private final int id;
    private final int syntax;
    private final boolean writable;

    EmailColumn(int id, int syntax) {
        this(id, syntax, false);
    }

    EmailColumn(int id, int syntax, boolean writable) {
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
