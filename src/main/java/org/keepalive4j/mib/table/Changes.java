package org.keepalive4j.mib.table;

import java.util.List;

/**
 * What a reload did to one kind of row. {@code removed} rows are already out of the table; their
 * views stay readable for the engine that tears the object down.
 */
public record Changes<V>(List<V> added, List<V> changed, List<V> removed) {

    public Changes {
        added = List.copyOf(added);
        changed = List.copyOf(changed);
        removed = List.copyOf(removed);
    }
}
