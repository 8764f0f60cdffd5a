package org.keepalive4j.mib.table;

/**
 * One column of a KEEPALIVED-MIB table as the reference module defines it: its sub-identifier under
 * the entry, its SNMP syntax tag (an {@code SMIConstants.SYNTAX_*}), and whether keepalive4j accepts
 * SETs on it. Implemented by one enum per table, whose declaration order is the column order.
 */
public interface ColumnSpec {

    /** The column's sub-identifier in the entry (xxxEntry.id). */
    int id();

    /** The BER tag of the column's SYNTAX; every value stored in the column must have exactly this tag. */
    int syntax();

    /** True only for the columns keepalive4j accepts SETs on; everything else answers notWritable. */
    default boolean writable() {
        return false;
    }

    /** The position of the column in its table (enum ordinal). */
    int ordinal();

    String name();
}
