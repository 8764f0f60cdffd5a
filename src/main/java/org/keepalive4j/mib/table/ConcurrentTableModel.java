package org.keepalive4j.mib.table;

import java.util.concurrent.ConcurrentSkipListMap;
import org.snmp4j.agent.mo.DefaultMOMutableTableModel;

/**
 * snmp4j-agent's mutable table model over a {@link ConcurrentSkipListMap} instead of a TreeMap: a
 * reload adds and removes rows while AgentX threads are in the middle of a walk, and the iterators
 * the table hands out outlive its lock. Skip-list iterators are weakly consistent (never throw) and
 * keep GETNEXT at O(log n) per step.
 */
final class ConcurrentTableModel extends DefaultMOMutableTableModel<CellRow> {

    ConcurrentTableModel(int columnCount) {
        rows = new ConcurrentSkipListMap<>();
        setColumnCount(columnCount);
    }
}
