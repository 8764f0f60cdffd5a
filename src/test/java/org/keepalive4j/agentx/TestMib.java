package org.keepalive4j.agentx;

import org.keepalive4j.mib.SysOrEntry;
import org.snmp4j.agent.DefaultMOServer;
import org.snmp4j.agent.DuplicateRegistrationException;
import org.snmp4j.agent.mo.DefaultMOMutableTableModel;
import org.snmp4j.agent.mo.DefaultMOTable;
import org.snmp4j.agent.mo.DefaultMOTableRow;
import org.snmp4j.agent.mo.MOAccessImpl;
import org.snmp4j.agent.mo.MOColumn;
import org.snmp4j.agent.mo.MOScalar;
import org.snmp4j.agent.mo.MOTableIndex;
import org.snmp4j.agent.mo.MOTableSubIndex;
import org.snmp4j.smi.Counter64;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.SMIConstants;
import org.snmp4j.smi.Variable;

/**
 * A small stand-in for the KEEPALIVED-MIB model under .1.3.6.1.4.1.9586.100.5.1: two scalars (version,
 * routerId) and a table shaped like realServerTable (Integer32, Counter64 and OctetString columns),
 * so walks through snmpd can be counted and timed.
 */
final class TestMib {

    static final OID ROOT = new OID("1.3.6.1.4.1.9586.100.5.1");
    static final OID VERSION = new OID(ROOT).append(1).append(0);
    static final OID ROUTER_ID = new OID(ROOT).append(2).append(0);
    static final OID TABLE = new OID(ROOT).append(3);
    /** varbind OID of the test notifications */
    static final OID TRAP_TAG = new OID(ROOT).append(9).append(0);
    static final OID TRAP_OID = new OID(ROOT).append(0).append(1);
    static final SysOrEntry CAPS = new SysOrEntry(new OID("1.3.6.1.4.1.9586.100.5.99"), "keepalive4j test MIB");

    final DefaultMOServer server = new DefaultMOServer();
    final MOScalar<OctetString> version = new MOScalar<>(VERSION, MOAccessImpl.ACCESS_READ_ONLY,
            new OctetString("keepalive4j test"));
    final MOScalar<Integer32> routerId = new MOScalar<>(ROUTER_ID, MOAccessImpl.ACCESS_READ_ONLY, new Integer32(0));
    final int rows;
    final int columns;

    /** {@code columns} cycling through Integer32, Counter64, OctetString, for {@code rows} rows */
    TestMib(int rows, int columns) {
        this.rows = rows;
        this.columns = columns;
        MOColumn<?>[] cols = new MOColumn<?>[columns];
        for (int c = 0; c < columns; c++) {
            cols[c] = new MOColumn<>(c + 1, syntax(c), MOAccessImpl.ACCESS_READ_ONLY);
        }
        DefaultMOMutableTableModel<DefaultMOTableRow> model = new DefaultMOMutableTableModel<>();
        for (int r = 1; r <= rows; r++) {
            Variable[] values = new Variable[columns];
            for (int c = 0; c < columns; c++) {
                values[c] = value(c, r);
            }
            model.addRow(new DefaultMOTableRow(new OID(new int[] {r}), values));
        }
        MOTableIndex index = new MOTableIndex(new MOTableSubIndex[] {new MOTableSubIndex(SMIConstants.SYNTAX_INTEGER)});
        @SuppressWarnings({"unchecked", "rawtypes"})
        DefaultMOTable<DefaultMOTableRow, MOColumn, DefaultMOMutableTableModel<DefaultMOTableRow>> table =
                new DefaultMOTable(new OID(TABLE).append(1), index, cols, model);
        try {
            server.register(version, null);
            server.register(routerId, null);
            server.register(table, null);
        } catch (DuplicateRegistrationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Values a full walk of ROOT returns. */
    int valueCount() {
        return 2 + rows * columns;
    }

    private static int syntax(int column) {
        return switch (column % 3) {
            case 0 -> SMIConstants.SYNTAX_INTEGER32;
            case 1 -> SMIConstants.SYNTAX_COUNTER64;
            default -> SMIConstants.SYNTAX_OCTET_STRING;
        };
    }

    private static Variable value(int column, int row) {
        return switch (column % 3) {
            case 0 -> new Integer32(row * 100 + column);
            case 1 -> new Counter64(1_000_000_000_000L + row * 1000L + column);
            default -> new OctetString("rs" + row + "-c" + column);
        };
    }
}
