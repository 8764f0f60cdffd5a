package org.keepalive4j.mib.table;

import java.util.HashMap;
import java.util.Map;

/**
 * Gives each object identity a row index that stays its own for the life of the process: the same
 * identity gets the same index after a reload, a new identity gets the next number, and a number is
 * never handed out twice, even after its object was removed. keepalived numbers rows by list position,
 * so an insertion renumbers every row after it; a manager's cached index would then point at a
 * different object.
 *
 * <p>Confined to the thread that builds and reloads the MIB.
 */
public final class IndexAllocator<K> implements RowIndexing<K> {

    private final Map<K, Integer> assigned = new HashMap<>();
    private int last;

    /** The identity's index, assigning the next unused number on first sight. */
    @Override
    public int indexOf(K identity) {
        return assigned.computeIfAbsent(identity, k -> {
            if (last == Integer.MAX_VALUE) {
                throw new IllegalStateException("row indexes exhausted");
            }
            return ++last;
        });
    }

    /** Forgets the identity; its number stays retired. */
    @Override
    public void release(K identity) {
        assigned.remove(identity);
    }
}
