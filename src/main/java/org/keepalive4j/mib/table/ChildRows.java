package org.keepalive4j.mib.table;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.snmp4j.smi.OID;

/**
 * The rows one parent owns in a dependent table (an instance's addresses, a group's members, ...),
 * indexed (parentIndex, childIndex) with a child index that is stable per identity {@code K}.
 * Confined to the build/reload thread.
 */
public final class ChildRows<K, C extends Enum<C> & ColumnSpec> {

    private final MibTable<C> table;
    private final OID parentIndex;
    private final RowIndexing<K> indexes;
    private final Map<K, CellRow> rows = new LinkedHashMap<>();

    /**
     * @param indexes how identities become child indexes: usually a private {@link IndexAllocator};
     *                {@link RowIndexing#fixed()} when the index is not ours to choose (a tracked
     *                interface is indexed by the kernel's ifIndex)
     */
    public ChildRows(MibTable<C> table, OID parentIndex, RowIndexing<K> indexes) {
        this.table = table;
        this.parentIndex = parentIndex;
        this.indexes = indexes;
    }

    public ChildRows(MibTable<C> table, OID parentIndex) {
        this(table, parentIndex, new IndexAllocator<>());
    }

    /**
     * Makes the rows match {@code items}: an item whose identity has a row keeps it (its cells are
     * refilled), a new identity gets a new row, a row whose identity is gone is removed. {@code fill}
     * writes the config cells; runtime cells it does not touch keep their values.
     */
    public <T> void sync(List<T> items, Function<T, K> identity, BiConsumer<CellRow, T> fill) {
        Map<K, T> wanted = new LinkedHashMap<>();
        for (T item : items) {
            wanted.putIfAbsent(identity.apply(item), item);
        }
        rows.entrySet().removeIf(e -> {
            if (!wanted.containsKey(e.getKey())) {
                table.removeRow(e.getValue().getIndex());
                indexes.release(e.getKey());
                return true;
            }
            return false;
        });
        for (Map.Entry<K, T> e : wanted.entrySet()) {
            CellRow row = rows.get(e.getKey());
            if (row == null) {
                OID index = new OID(parentIndex);
                index.append(indexes.indexOf(e.getKey()));
                row = table.addRow(index);
                rows.put(e.getKey(), row);
            }
            fill.accept(row, e.getValue());
        }
    }

    /** Rows by identity, in configuration order of their first appearance. */
    public Map<K, CellRow> rows() {
        return rows;
    }

    public MibTable<C> table() {
        return table;
    }

    public void removeAll() {
        sync(List.of(), x -> null, (r, x) -> { });
    }
}
