package org.keepalive4j.linux;

import com.sun.jna.LastErrorException;

/**
 * Ownership of one open file descriptor: closed once, and a use after close fails in Java instead of
 * reaching the kernel with a number that may meanwhile belong to someone else.
 */
final class FileDescriptor implements AutoCloseable {

    private final int fd;
    private final String description;
    private volatile boolean closed;

    FileDescriptor(int fd, String description) {
        this.fd = fd;
        this.description = description;
    }

    int get() {
        if (closed) {
            throw new IllegalStateException(description + " is closed");
        }
        return fd;
    }

    String description() {
        return description;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            LibC.close(fd);
        } catch (LastErrorException e) {
            // close(2) releases the descriptor even when it reports an error; nothing to retry
        }
    }

    @Override
    public String toString() {
        return description + " (fd " + fd + (closed ? ", closed)" : ")");
    }
}
