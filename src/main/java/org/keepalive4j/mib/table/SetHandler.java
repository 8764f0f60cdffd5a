package org.keepalive4j.mib.table;

import java.util.function.BiConsumer;
import java.util.function.IntPredicate;
import java.util.function.Predicate;
import org.snmp4j.agent.mo.MOChangeEvent;
import org.snmp4j.agent.mo.MOChangeListener;
import org.snmp4j.PDU;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.Variable;

/**
 * Wires one writable Integer32 column the snmp4j-agent way: a value-validation listener rejects a
 * value outside {@code valid} with wrongValue during the prepare phase (a non-INTEGER value is
 * already answered wrongType by the column), so a failed SET leaves the row untouched; a change
 * listener hands each committed value to {@code committed} with the row index, once per SET.
 */
public final class SetHandler {

    private SetHandler() {
    }

    public static <C extends Enum<C> & ColumnSpec> void integerColumn(MibTable<C> table, C column, IntPredicate valid,
                                                                     BiConsumer<OID, Integer> committed) {
        integerColumn(table, column, index -> true, valid, committed);
    }

    /**
     * @param writableRow whether the row at an index accepts SETs of this column at all (a sorry
     *                    server has no weight); other rows answer notWritable
     */
    public static <C extends Enum<C> & ColumnSpec> void integerColumn(MibTable<C> table, C column,
                                                                     Predicate<OID> writableRow, IntPredicate valid,
                                                                     BiConsumer<OID, Integer> committed) {
        table.mutableColumn(column).addMOValueValidationListener(event -> {
            Variable v = event.getNewValue();
            if (!(v instanceof Integer32)) {
                event.setValidationStatus(PDU.wrongType);
            } else if (!valid.test(v.toInt())) {
                event.setValidationStatus(PDU.wrongValue);
            }
        });
        table.addChangeListener(new MOChangeListener() {
            @Override
            public void beforePrepareMOChange(MOChangeEvent e) {
                if (e.getOID() != null && table.columnOf(e.getOID()) == column
                        && !writableRow.test(table.indexOf(e.getOID()))) {
                    e.setDenyReason(PDU.notWritable);
                }
            }

            @Override
            public void afterPrepareMOChange(MOChangeEvent e) {
            }

            @Override
            public void beforeMOChange(MOChangeEvent e) {
            }

            @Override
            public void afterMOChange(MOChangeEvent e) {
                if (e.getOID() != null && table.columnOf(e.getOID()) == column && e.getNewValue() != null) {
                    committed.accept(table.indexOf(e.getOID()), e.getNewValue().toInt());
                }
            }
        });
    }
}
