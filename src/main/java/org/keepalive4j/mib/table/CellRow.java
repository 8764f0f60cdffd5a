package org.keepalive4j.mib.table;

import java.util.concurrent.atomic.AtomicReferenceArray;
import org.snmp4j.agent.mo.MOMutableTableRow;
import org.snmp4j.agent.mo.MOTableRow;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.Variable;

/**
 * A table row whose cells can be read and replaced from any thread without locks: engines replace
 * cells from their own threads while AgentX threads read them. Each stored {@link Variable} is
 * treated as immutable (it is replaced, never modified), because snmp4j-agent hands stored values to
 * the response PDU without copying them on GETNEXT. A missing value (null) is a column this row has
 * no value for; snmp4j-agent skips it on GETNEXT and answers noSuchInstance on GET, as keepalived does.
 */
public final class CellRow implements MOMutableTableRow {

    private final OID index;
    private final AtomicReferenceArray<Variable> cells;

    CellRow(OID index, int columnCount) {
        this.index = index;
        this.cells = new AtomicReferenceArray<>(columnCount);
    }

    @Override
    public OID getIndex() {
        return index;
    }

    @Override
    public Variable getValue(int column) {
        return cells.get(column);
    }

    /** Called by snmp4j-agent on commit/undo of a SET; the committed value is already a private clone. */
    @Override
    public void setValue(int column, Variable value) {
        cells.set(column, value);
    }

    @Override
    public int size() {
        return cells.length();
    }

    /** Rows of this model are never built on a base row. */
    @Override
    public MOTableRow getBaseRow() {
        return null;
    }

    @Override
    public void setBaseRow(MOTableRow baseRow) {
        throw new UnsupportedOperationException("keepalive4j rows have no base row");
    }

    @Override
    public String toString() {
        return "CellRow" + index + cells;
    }
}
