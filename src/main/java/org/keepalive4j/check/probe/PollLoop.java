package org.keepalive4j.check.probe;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.keepalive4j.linux.ErrnoException;
import org.keepalive4j.linux.Pollable;
import org.keepalive4j.linux.Poller;

/**
 * One thread that waits, with one {@link Poller}, on the sockets of every probe in flight but MISC_CHECK
 * (they are the JNA sockets of the linux package, which set what JDK channels cannot: SO_MARK,
 * SO_BINDTODEVICE, IP_RECVERR), and tells the owner of a socket when it is ready or has an error. A thread per probe would not scale to thousands of checkers.
 *
 * <p>Threads: {@link #register} and the closer it returns may be used from any thread; the poller and
 * the map of listeners belong to the loop thread, where callbacks run (they must be short and never block).
 */
final class PollLoop {

    private static final Logger LOG = LogManager.getLogger(PollLoop.class);
    private static PollLoop shared;

    /** Called on the loop's thread while the socket is ready (readable, or writable if asked) or in error. */
    interface Listener {
        void readable();
    }

    private final Poller poller;
    private final Queue<Runnable> requests = new ConcurrentLinkedQueue<>();
    private final Map<Pollable, Listener> listeners = new HashMap<>();

    private PollLoop() throws ErrnoException {
        poller = new Poller();
        Thread t = new Thread(this::run, "check-poll");
        t.setDaemon(true);
        t.start();
    }

    /** The process's loop, started on first use; it waits idle when no probe uses it. */
    static synchronized PollLoop shared() throws ErrnoException {
        if (shared == null) {
            shared = new PollLoop();
        }
        return shared;
    }

    /**
     * Starts watching {@code socket}; returns what unregisters and closes it (through the loop, as the
     * poller requires: never close a registered descriptor). Both run on the loop's thread in the order
     * they were asked for, so a socket released before its registration ran is never handed to the poller.
     */
    AutoCloseable register(Pollable socket, AutoCloseable close, Listener listener) {
        return register(socket, close, listener, false);
    }

    /** {@link #register} for writability (a connect in progress) until {@link #watchReadable} switches. */
    AutoCloseable registerWritable(Pollable socket, AutoCloseable close, Listener listener) {
        return register(socket, close, listener, true);
    }

    /** From a listener (the loop's thread): from now on, tell when {@code socket} is readable. */
    void watchReadable(Pollable socket) {
        if (listeners.containsKey(socket)) {
            poller.register(socket);
        }
    }

    private AutoCloseable register(Pollable socket, AutoCloseable close, Listener listener, boolean writable) {
        boolean[] released = new boolean[1];
        request(() -> {
            if (!released[0]) {
                listeners.put(socket, listener);
                if (writable) {
                    poller.registerWritable(socket);
                } else {
                    poller.register(socket);
                }
            }
        });
        return () -> request(() -> {
            released[0] = true;
            if (listeners.remove(socket) != null) {
                poller.unregister(socket);
            }
            try {
                close.close();
            } catch (Exception e) {
                LOG.debug("closing {}: {}", socket, e.toString());
            }
        });
    }

    private void request(Runnable r) {
        requests.add(r);
        try {
            poller.wakeup();
        } catch (ErrnoException e) {
            LOG.error("check poll loop: cannot wake up: {}", e.getMessage());
        }
    }

    private void run() {
        while (true) {
            try {
                List<Pollable> ready = poller.poll(Poller.FOREVER);
                Runnable r;
                while ((r = requests.poll()) != null) {
                    try {
                        r.run();
                    } catch (RuntimeException e) {
                        LOG.error("check poll loop: {}", e.toString());
                    }
                }
                for (Pollable p : ready) {
                    Listener l = listeners.get(p);
                    if (l != null) {
                        try {
                            l.readable();
                        } catch (RuntimeException e) {
                            LOG.error("check poll loop: reply handler failed", e);
                        }
                    }
                }
            } catch (ErrnoException | RuntimeException e) {
                LOG.error("check poll loop: {}", e.toString());
            }
        }
    }
}
