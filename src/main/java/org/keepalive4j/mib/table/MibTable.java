package org.keepalive4j.mib.table;

import java.util.EnumMap;
import java.util.Map;
import org.snmp4j.agent.mo.DefaultMOTable;
import org.snmp4j.agent.mo.MOAccessImpl;
import org.snmp4j.agent.mo.MOChangeListener;
import org.snmp4j.agent.mo.MOColumn;
import org.snmp4j.agent.mo.MOMutableColumn;
import org.snmp4j.agent.mo.MOTableIndex;
import org.snmp4j.agent.mo.MOTableSubIndex;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.SMIConstants;
import org.snmp4j.smi.Variable;

/**
 * One KEEPALIVED-MIB table: a snmp4j-agent {@link DefaultMOTable} over a concurrent model of
 * {@link CellRow}s, with its columns declared by an enum of {@link ColumnSpec}. All cell writes go
 * through {@link #set}, which refuses a value whose syntax is not the column's, so a wrong Integer32
 * where the MIB says Unsigned32 is a programming error caught at once, not a value a manager misreads.
 *
 * <p>Adding and removing rows is done by the single thread that builds and reloads the MIB; cell
 * writes may come from any thread.
 */
public final class MibTable<C extends Enum<C> & ColumnSpec> {

    private final C[] columns;
    private final ConcurrentTableModel model;
    private final DefaultMOTable<CellRow, MOColumn, ConcurrentTableModel> table;
    private final Map<C, MOMutableColumn<?>> mutableColumns;
    /** Per column (ordinal): what to run before one of its values is read; null for most. */
    private final Runnable[] readHooks; // elements published by the volatile write of hooksPublished
    private volatile boolean hooksPublished;

    /**
     * @param entryOid    the OID of the xxxEntry
     * @param indexLength the number of integer sub-indexes (all of this MIB's indexes are integers)
     */
    public MibTable(OID entryOid, int indexLength, Class<C> columnType) {
        this.columns = columnType.getEnumConstants();
        this.mutableColumns = new EnumMap<>(columnType);
        this.readHooks = new Runnable[columns.length];
        MOColumn[] moColumns = new MOColumn[columns.length];
        for (C c : columns) {
            if (c.writable()) {
                MOMutableColumn<Variable> m = new MOMutableColumn<>(c.id(), c.syntax(), MOAccessImpl.ACCESS_READ_WRITE);
                mutableColumns.put(c, m);
                moColumns[c.ordinal()] = m;
            } else {
                moColumns[c.ordinal()] = new ObservedColumn(c.id(), c.syntax(), c.ordinal());
            }
        }
        MOTableSubIndex[] sub = new MOTableSubIndex[indexLength];
        for (int i = 0; i < indexLength; i++) {
            sub[i] = new MOTableSubIndex(SMIConstants.SYNTAX_INTEGER, 1, 1);
        }
        this.model = new ConcurrentTableModel(columns.length);
        this.table = new DefaultMOTable<>(entryOid, new MOTableIndex(sub, false), moColumns, model);
    }

    public CellRow addRow(OID index) {
        CellRow row = new CellRow(index, columns.length);
        model.addRow(row);
        return row;
    }

    public void removeRow(OID index) {
        model.removeRow(index);
    }

    public int rowCount() {
        return model.getRowCount();
    }

    public CellRow row(OID index) {
        return model.getRow(index);
    }

    /** Stores {@code value} (null: no value) after checking it has the column's syntax. */
    public void set(CellRow row, C column, Variable value) {
        if (value != null && value.getSyntax() != column.syntax()) {
            throw new IllegalArgumentException(column + " has syntax " + column.syntax() + ", got "
                    + value.getSyntaxString() + " " + value);
        }
        row.setValue(column.ordinal(), value);
    }

    public Variable get(CellRow row, C column) {
        return row.getValue(column.ordinal());
    }

    /** The snmp4j-agent column of a writable column, to attach value-validation listeners to. */
    public MOMutableColumn<?> mutableColumn(C column) {
        MOMutableColumn<?> m = mutableColumns.get(column);
        if (m == null) {
            throw new IllegalArgumentException(column + " is not writable");
        }
        return m;
    }

    /**
     * Runs {@code hook} on the reading thread (AgentX) before any value of {@code readOnly} is served,
     * by GET as by GETNEXT, so a column can be brought up to date just in time. The hook runs once per
     * cell read and must be cheap when there is nothing to do.
     */
    public void onRead(java.util.Set<C> readOnly, Runnable hook) {
        for (C c : readOnly) {
            if (c.writable()) {
                throw new IllegalArgumentException(c + " is writable; read hooks are for read-only columns");
            }
            readHooks[c.ordinal()] = hook;
        }
        hooksPublished = true;
    }

    /** A read-only column that runs its read hook, if any, before handing out a value. */
    private final class ObservedColumn extends MOColumn<Variable> {
        private final int ordinal;

        ObservedColumn(int id, int syntax, int ordinal) {
            super(id, syntax, MOAccessImpl.ACCESS_READ_ONLY);
            this.ordinal = ordinal;
        }

        @Override
        public Variable getValue(org.snmp4j.agent.mo.MOTableRow row, int column,
                                 org.snmp4j.agent.request.SubRequest<?> subRequest) {
            if (hooksPublished) {
                Runnable hook = readHooks[ordinal];
                if (hook != null) {
                    hook.run();
                }
            }
            return super.getValue(row, column, subRequest);
        }
    }

    public void addChangeListener(MOChangeListener listener) {
        table.addMOChangeListener(listener);
    }

    /** The column a cell OID (entry.column.index...) belongs to, or null. */
    public C columnOf(OID cellOid) {
        OID entry = table.getOID();
        if (cellOid.size() <= entry.size() || !cellOid.startsWith(entry)) {
            return null;
        }
        int id = cellOid.get(entry.size());
        for (C c : columns) {
            if (c.id() == id) {
                return c;
            }
        }
        return null;
    }

    /** The row index of a cell OID. */
    public OID indexOf(OID cellOid) {
        int start = table.getOID().size() + 1;
        return new OID(cellOid.getValue(), start, cellOid.size() - start);
    }

    public DefaultMOTable<CellRow, MOColumn, ConcurrentTableModel> managedObject() {
        return table;
    }
}
