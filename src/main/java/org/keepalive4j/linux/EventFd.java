package org.keepalive4j.linux;

import com.sun.jna.LastErrorException;

/**
 * A Linux eventfd: any thread may {@link #signal()}; the event-loop thread sees it readable in its
 * {@link Poller} and {@link #drain()}s it. Signals coalesce: many signals before a drain wake the loop
 * once, which is what a "look at your queue" nudge needs.
 */
public final class EventFd implements Pollable, AutoCloseable {

    private static final int EFD_NONBLOCK = 0x800;
    private static final int EFD_CLOEXEC = 0x80000;
    private static final long COUNTER_SIZE = 8;

    private final FileDescriptor fd;

    private EventFd(FileDescriptor fd) {
        this.fd = fd;
    }

    public static EventFd open() throws ErrnoException {
        try {
            return new EventFd(new FileDescriptor(LibC.eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC), "eventfd"));
        } catch (LastErrorException e) {
            throw Errno.check(e, "creating an eventfd");
        }
    }

    /** Makes the eventfd readable. Safe from any thread; never blocks. */
    public void signal() throws ErrnoException {
        try {
            LibC.write(fd.get(), NativeBytes.host(8).putLong(1).array(), COUNTER_SIZE);
        } catch (LastErrorException e) {
            // EAGAIN means the counter is at its maximum: the eventfd is readable already
            if (e.getErrorCode() != Errno.EAGAIN) {
                throw Errno.check(e, "signalling " + fd.description());
            }
        }
    }

    /** Resets the eventfd; returns whether it had been signalled since the last drain. */
    public boolean drain() throws ErrnoException {
        try {
            LibC.read(fd.get(), new byte[8], COUNTER_SIZE);
            return true;
        } catch (LastErrorException e) {
            if (e.getErrorCode() == Errno.EAGAIN) {
                return false;
            }
            throw Errno.check(e, "draining " + fd.description());
        }
    }

    @Override
    public int fd() {
        return fd.get();
    }

    @Override
    public void close() {
        fd.close();
    }
}
