package org.keepalive4j.linux;

import java.io.IOException;

/**
 * A system call failed. The message names the operation and the errno symbolically
 * ("adding 10.0.0.1/24 to ifindex 3: EEXIST (File exists)") so logs are readable without a header file;
 * {@link #errno()} lets a caller treat particular failures as expected outcomes.
 */
public final class ErrnoException extends IOException {

    private final int errno;

    public ErrnoException(int errno, String what) {
        super(what + ": " + Errno.name(errno) + " (" + Errno.description(errno) + ")");
        this.errno = errno;
    }

    public int errno() {
        return errno;
    }
}
