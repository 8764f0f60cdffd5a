package org.keepalive4j.mib.table;

/** How an object identity becomes a row (sub-)index. */
public interface RowIndexing<K> {

    int indexOf(K identity);

    void release(K identity);

    /** The identity is the index itself (a kernel ifIndex). */
    static RowIndexing<Integer> fixed() {
        return new RowIndexing<>() {
            @Override
            public int indexOf(Integer identity) {
                return identity;
            }

            @Override
            public void release(Integer identity) {
            }
        };
    }
}
