package org.keepalive4j.daemon;

/** The command line cannot be understood; the message names the offending option. */
public final class UsageException extends Exception {
    public UsageException(String message) {
        super(message);
    }
}
