package org.keepalive4j.mib.table;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import org.keepalive4j.config.SourceLocation;

/**
 * Compares configuration records while ignoring where they were written: a reload that only moved
 * a block to another line (or file) has not changed it, so its row keeps its runtime overrides.
 */
public final class ConfigEquality {

    private ConfigEquality() {
    }

    public static boolean sameIgnoringLocation(Object a, Object b) {
        if (a == b) {
            return true;
        }
        if (a == null || b == null || a.getClass() != b.getClass()) {
            return false;
        }
        if (a instanceof SourceLocation) {
            return true;
        }
        if (a instanceof Record) {
            for (RecordComponent c : a.getClass().getRecordComponents()) {
                if (!sameIgnoringLocation(read(c, a), read(c, b))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof java.util.List<?> la && b instanceof java.util.List<?> lb) {
            return sameElements(la, lb);
        }
        if (a instanceof Collection<?> || a instanceof Map<?, ?>) {
            // sets and maps of this model hold plain values (strings, flags), never located records
            return a.equals(b);
        }
        return Objects.equals(a, b);
    }

    private static boolean sameElements(Collection<?> a, Collection<?> b) {
        if (a.size() != b.size()) {
            return false;
        }
        Iterator<?> ia = a.iterator();
        Iterator<?> ib = b.iterator();
        while (ia.hasNext()) {
            if (!sameIgnoringLocation(ia.next(), ib.next())) {
                return false;
            }
        }
        return true;
    }

    private static Object read(RecordComponent c, Object record) {
        try {
            return c.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + c, e);
        }
    }
}
