package org.keepalive4j.check.http;

/**
 * Sees the response as it is scanned, read by read; genhash -v prints from here. Every callback runs
 * on the thread reading the response, and the arrays are only valid during the call.
 */
public interface ResponseObserver {

    ResponseObserver NONE = new ResponseObserver() {
    };

    /** A read arrived while the header was still incomplete. */
    default void headerRead() {
    }

    /** The header, status line to the blank line included. */
    default void header(byte[] buffer, int length) {
    }

    /**
     * Body bytes that went into the digest; {@code first} for those that arrived in the same read as
     * the end of the header.
     */
    default void bodyDigested(byte[] buffer, int offset, int length, boolean first) {
    }
}
