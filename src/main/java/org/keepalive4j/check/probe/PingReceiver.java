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
 * hands each received message to the probe that owns the socket. Probes register a socket after sending
 * and have it closed through {@link #release}, which unregisters it first on this thread, as the poller
 * requires.
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

    void register(IcmpSocket socket, Listener listener) {
        request(() -> {
            listeners.put(socket, listener);
            poller.register(socket);
        });
    }

    /** Unregisters (if registered) and closes the socket, on the loop's thread. */
    AutoCloseable release(IcmpSocket socket) {
        return () -> request(() -> {
            if (listeners.remove(socket) != null) {
                poller.unregister(socket);
            }
            socket.close();
        });
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
                    r.run();
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
