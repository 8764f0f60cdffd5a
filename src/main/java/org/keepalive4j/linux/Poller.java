package org.keepalive4j.linux;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * poll(2) over a set of {@link Pollable}s for readability, plus a built-in wake-up eventfd; the wait is
 * ppoll(2), so that a timeout can be finer than a millisecond.
 *
 * <p>Threading: one thread (the event loop) registers, unregisters and polls; {@link #wakeup()} is the
 * only method other threads may call. A wake-up makes the current or next {@link #poll} return, possibly
 * with an empty list, so the loop can look at its request queue.
 *
 * <p>Unregister an object before closing it: a closed descriptor makes {@link #poll} fail, and a number
 * the kernel has meanwhile given to another file would be watched in its place.
 */
public final class Poller implements AutoCloseable {

    /** Timeout for {@link #poll} that waits until something is readable or {@link #wakeup()} is called. */
    public static final long FOREVER = -1;

    static final short POLLIN = 0x1;
    static final short POLLOUT = 0x4;
    static final short POLLERR = 0x8;
    static final short POLLHUP = 0x10;
    static final short POLLNVAL = 0x20;

    /** struct pollfd { int fd; short events; short revents; } */
    private static final int POLLFD_SIZE = 8;
    /** struct timespec { time_t tv_sec; long tv_nsec; }: two 64-bit fields on the 64-bit Linux ABIs. */
    private static final int TIMESPEC_SIZE = 16;

    private final EventFd wakeup;
    /** Each registered object with what it is watched for: POLLIN, or POLLOUT for {@link #registerWritable}. */
    private final Map<Pollable, Short> registered = new LinkedHashMap<>();
    private List<Pollable> order = List.of();
    private Memory pollfds;
    private final Memory timespec = new Memory(TIMESPEC_SIZE);

    public Poller() throws ErrnoException {
        wakeup = EventFd.open();
        rebuild();
    }

    public void register(Pollable p) {
        watch(p, POLLIN);
    }

    /**
     * Watches {@code p} for writability instead of readability (a non-blocking connect completing, for one);
     * errors are reported either way. Registering an object again switches what it is watched for.
     */
    public void registerWritable(Pollable p) {
        watch(p, POLLOUT);
    }

    public void unregister(Pollable p) {
        if (registered.remove(p) != null) {
            rebuild();
        }
    }

    private void watch(Pollable p, short events) {
        Short before = registered.put(p, events);
        if (before == null || before != events) {
            rebuild();
        }
    }

    /** Makes a blocked or the next {@link #poll} return. Safe from any thread. */
    public void wakeup() throws ErrnoException {
        wakeup.signal();
    }

    /**
     * Waits up to {@code timeoutMillis} ({@link #FOREVER} for no limit, 0 to only look) and returns the
     * registered objects that are readable (writable, for those registered so) or in error (so that their
     * next read reports the error), in registration order. Returns early, maybe with nothing ready, after a {@link #wakeup()} or when a
     * signal interrupts the wait.
     */
    public List<Pollable> poll(long timeoutMillis) throws ErrnoException {
        long millis = Math.min(timeoutMillis, Long.MAX_VALUE / 1_000_000L);
        return pollNanos(millis < 0 ? FOREVER : millis * 1_000_000L);
    }

    /**
     * {@link #poll} with the timeout in nanoseconds ({@link #FOREVER} for no limit): poll(2) counts whole
     * milliseconds, so a timer loop that rounds up to them wakes up to 1 ms late every time.
     */
    public List<Pollable> pollNanos(long timeoutNanos) throws ErrnoException {
        Pointer timeout = null;
        if (timeoutNanos >= 0) {
            timeout = timespec;
            timespec.setLong(0, timeoutNanos / 1_000_000_000L);
            timespec.setLong(8, timeoutNanos % 1_000_000_000L);
        }
        int n;
        try {
            n = LibC.ppoll(pollfds, order.size() + 1L, timeout, null);
        } catch (LastErrorException e) {
            if (e.getErrorCode() == Errno.EINTR) {
                return List.of();
            }
            throw Errno.check(e, "ppoll");
        }
        if (n == 0) {
            return List.of();
        }
        if (revents(0) != 0) {
            wakeup.drain();
        }
        List<Pollable> ready = new ArrayList<>(n);
        for (int i = 0; i < order.size(); i++) {
            short revents = revents(i + 1);
            if ((revents & POLLNVAL) != 0) {
                throw new IllegalStateException(order.get(i) + " was closed while registered with the poller");
            }
            if ((revents & (POLLIN | POLLOUT | POLLERR | POLLHUP)) != 0) {
                ready.add(order.get(i));
            }
        }
        return ready;
    }

    @Override
    public void close() {
        wakeup.close();
    }

    private short revents(int slot) {
        return pollfds.getShort((long) slot * POLLFD_SIZE + 6);
    }

    /** Slot 0 is the wake-up eventfd; registered objects follow in registration order. */
    private void rebuild() {
        order = List.copyOf(registered.keySet());
        pollfds = new Memory((long) (order.size() + 1) * POLLFD_SIZE);
        pollfds.clear();
        setSlot(0, wakeup.fd(), POLLIN);
        for (int i = 0; i < order.size(); i++) {
            setSlot(i + 1, order.get(i).fd(), registered.get(order.get(i)));
        }
    }

    private void setSlot(int slot, int fd, short events) {
        long base = (long) slot * POLLFD_SIZE;
        pollfds.setInt(base, fd);
        pollfds.setShort(base + 4, events);
    }
}
