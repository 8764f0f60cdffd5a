package org.keepalive4j.config.model.check;

/** HTTP status codes {@code first..last} inclusive (first == last for a single code). */
public record StatusCodeRange(int first, int last) {

    /** The codes keepalived accepts in status_code. */
    public static final int MIN = 100;
    public static final int MAX = 599;

    public boolean contains(int status) {
        return status >= first && status <= last;
    }

    @Override
    public String toString() {
        return first == last ? Integer.toString(first) : first + "-" + last;
    }
}
