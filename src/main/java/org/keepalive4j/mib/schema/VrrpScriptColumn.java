package org.keepalive4j.mib.schema;

import static org.keepalive4j.mib.schema.Syntax.GAUGE32;
import static org.keepalive4j.mib.schema.Syntax.INTEGER;
import static org.keepalive4j.mib.schema.Syntax.OCTET_STRING;

import org.keepalive4j.mib.table.ColumnSpec;
import org.snmp4j.smi.OID;

/**
 * The columns of KEEPALIVED-MIB vrrpScriptTable (vrrp_script blocks), as the reference module numbers and types them.
 * Index: vrrpScriptIndex.
 */
public enum VrrpScriptColumn implements ColumnSpec {
    /** vrrpScriptName: DisplayString */
    NAME(2, OCTET_STRING),
    /** vrrpScriptCommand: DisplayString */
    COMMAND(3, OCTET_STRING),
    /** vrrpScriptInterval: Integer32 */
    INTERVAL(4, INTEGER),
    /** vrrpScriptWeight: Integer32 */
    WEIGHT(5, INTEGER),
    /** vrrpScriptResult: INTEGER { init(1), bad(2), good(3), initfailed(5) } */
    RESULT(6, INTEGER),
    /** vrrpScriptRise: Unsigned32 */
    RISE(7, GAUGE32),
    /** vrrpScriptFall: Unsigned32 */
    FALL(8, GAUGE32),
    /** vrrpScriptWgtRev: INTEGER { true(1), false(2) } */
    WGT_REV(9, INTEGER);

    /** vrrpScriptEntry. */
    public static final OID ENTRY = new OID("1.3.6.1.4.1.9586.100.5.2.9.1");
    /** The number of sub-identifiers in a row index. */
    public static final int INDEX_LENGTH = 1;

    private final int id;
    private final int syntax;
    private final boolean writable;

    VrrpScriptColumn(int id, int syntax) {
        this(id, syntax, false);
    }

    VrrpScriptColumn(int id, int syntax, boolean writable) {
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
