package org.keepalive4j.check.probe;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.keepalive4j.linux.ErrnoException;
import org.keepalive4j.linux.IcmpSocket;
import org.keepalive4j.linux.Pollable;
import org.keepalive4j.linux.Poller;

/**
 * One thread that waits, with one {@link Poller}, for the echo replies of every PING_CHECK in flight and
 * hands each received message to the probe that owns the socket. Probes register a socket before sending
 * and close it through what {@link #register} returns, which unregisters it first on this thread, as the
 * poller requires.
 */
final class PingReceiver {

    private static final Logger LOG = LogManager.getLogger(PingReceiver.class);
    private static PingReceiver shared;

    /** What the owner of a socket wants to hear: a message, or an error the kernel queued on it. */
    interface Listener {
        void message(IcmpSocket.Message m);

        void error(ErrnoException e);
    }

    private final Poller poller;
    private final Queue<Runnable> requests = new ConcurrentLinkedQueue<>();
    /** Only the loop thread touches this. */
    private final Map<Pollable, Listener> listeners = new HashMap<>();

    private PingReceiver() throws ErrnoException {
        poller = new Poller();
        Thread t = new Thread(this::run, "check-ping");
        t.setDaemon(true);
        t.start();
    }

    /** The process's receiver, started on first use. */
    static synchronized PingReceiver shared() throws ErrnoException {
        if (shared == null) {
            shared = new PingReceiver();
        }
        return shared;
    }

    /**
     * Starts delivering {@code socket}'s messages to {@code listener}; returns what closes the socket.
     * Both run on the loop's thread in the order they were asked for, so a socket released before its
     * registration ran (an attempt that timed out at once) is never handed to the poller.
     */
    AutoCloseable register(IcmpSocket socket, Listener listener) {
        Registration reg = new Registration(socket, listener);
        request(() -> {
            if (!reg.released) {
                listeners.put(socket, listener);
                poller.register(socket);
            }
        });
        return () -> request(() -> {
            reg.released = true;
            if (listeners.remove(socket) != null) {
                poller.unregister(socket);
            }
            socket.close();
        });
    }

    /** Loop-thread state of one socket. */
    private static final class Registration {
        final IcmpSocket socket;
        final Listener listener;
        boolean released;

        Registration(IcmpSocket socket, Listener listener) {
            this.socket = socket;
            this.listener = listener;
        }
    }

    private void request(Runnable r) {
        requests.add(r);
        try {
            poller.wakeup();
        } catch (ErrnoException e) {
            LOG.error("PING_CHECK receiver: cannot wake up: {}", e.getMessage());
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
                        LOG.error("PING_CHECK receiver: {}", e.toString());
                    }
                }
                for (Pollable p : ready) {
                    Listener l = listeners.get(p);
                    if (l != null) {
                        drain((IcmpSocket) p, l);
                    }
                }
            } catch (ErrnoException | RuntimeException e) {
                LOG.error("PING_CHECK receiver: {}", e.toString());
            }
        }
    }

    private static void drain(IcmpSocket socket, Listener l) {
        while (true) {
            IcmpSocket.Message m;
            try {
                m = socket.receive();
            } catch (ErrnoException e) {
                l.error(e);
                return;
            }
            if (m == null) {
                return;
            }
            l.message(m);
        }
    }
}
