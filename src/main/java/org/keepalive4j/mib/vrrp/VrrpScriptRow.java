package org.keepalive4j.mib.vrrp;

import org.keepalive4j.config.model.VrrpScript;
import org.keepalive4j.mib.schema.VrrpScriptColumn;
import org.keepalive4j.mib.table.CellRow;
import org.keepalive4j.mib.table.Cells;
import org.keepalive4j.mib.table.ConfigEquality;
import org.keepalive4j.mib.table.MibTable;
import org.snmp4j.smi.OID;

/**
 * The typed view of one vrrpScriptTable row. Identity: the script name. The script tracker writes
 * {@link #setResult} from its own thread.
 */
public final class VrrpScriptRow {

    /** vrrpScriptResult. */
    public enum Result {
        INIT(1), BAD(2), GOOD(3), INIT_FAILED(5);

        final int value;

        Result(int value) {
            this.value = value;
        }
    }

    private final MibTable<VrrpScriptColumn> table;
    private final CellRow row;
    private volatile VrrpScript config;

    VrrpScriptRow(MibTable<VrrpScriptColumn> table, CellRow row) {
        this.table = table;
        this.row = row;
    }

    public String name() {
        return config.name();
    }

    public OID index() {
        return row.getIndex();
    }

    public VrrpScript config() {
        return config;
    }

    public void setResult(Result result) {
        table.set(row, VrrpScriptColumn.RESULT, Cells.integer(result.value));
    }

    boolean apply(VrrpScript s) {
        boolean changed = config != null && !ConfigEquality.sameIgnoringLocation(config, s);
        boolean fresh = config == null;
        config = s;
        table.set(row, VrrpScriptColumn.NAME, Cells.string(s.name()));
        table.set(row, VrrpScriptColumn.COMMAND, VrrpInstanceRow.command(s.script()));
        table.set(row, VrrpScriptColumn.INTERVAL, Cells.integer(s.interval().toSeconds()));
        table.set(row, VrrpScriptColumn.WEIGHT, Cells.integer(s.weight()));
        if (fresh || changed) {
            // not run yet: keepalived starts a script as init, or initfailed with init_fail
            setResult(s.initFail() ? Result.INIT_FAILED : Result.INIT);
        }
        table.set(row, VrrpScriptColumn.RISE, Cells.unsigned(s.rise()));
        table.set(row, VrrpScriptColumn.FALL, Cells.unsigned(s.fall()));
        table.set(row, VrrpScriptColumn.WGT_REV, Cells.truth(s.weightReverse()));
        return changed;
    }

    void removeRow() {
        table.removeRow(row.getIndex());
    }
}
