package org.keepalive4j.mib.table;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Matches the objects of a new configuration to the row views of the current one by identity, the
 * step every reload of every top-level table shares.
 */
public final class Reconciler {

    private Reconciler() {
    }

    /**
     * @param current  views by identity; updated in place (keeps configuration order)
     * @param update   applies a config to an existing view; returns true when anything changed
     * @param remove   takes a view's rows out of the MIB
     */
    public static <K, T, V> Changes<V> reconcile(Map<K, V> current, List<T> configs, Function<T, K> identity,
                                                 Function<T, V> create, BiPredicate<V, T> update,
                                                 Consumer<V> remove) {
        Map<K, T> wanted = new LinkedHashMap<>();
        for (T c : configs) {
            wanted.putIfAbsent(identity.apply(c), c);
        }
        List<V> removed = new ArrayList<>();
        current.entrySet().removeIf(e -> {
            if (!wanted.containsKey(e.getKey())) {
                remove.accept(e.getValue());
                removed.add(e.getValue());
                return true;
            }
            return false;
        });
        List<V> added = new ArrayList<>();
        List<V> changed = new ArrayList<>();
        Map<K, V> ordered = new LinkedHashMap<>();
        for (Map.Entry<K, T> e : wanted.entrySet()) {
            V view = current.get(e.getKey());
            if (view == null) {
                view = create.apply(e.getValue());
                added.add(view);
            } else if (update.test(view, e.getValue())) {
                changed.add(view);
            }
            ordered.put(e.getKey(), view);
        }
        current.clear();
        current.putAll(ordered);
        return new Changes<>(added, changed, removed);
    }
}
