package org.keepalive4j.check.probe;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Iterator;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * One thread and one selector that wait for the replies of every UDP_CHECK and DNS_CHECK in flight:
 * the JDK has no asynchronous datagram channel, and a thread blocked per probe would not scale. Probes
 * hand over a connected, non-blocking channel and a callback; the callback runs on the loop's thread
 * each time the channel is readable (a datagram or an ICMP error is waiting) until the channel is closed.
 * Callbacks must be short and never block.
 *
 * <p>Threads: {@link #register} and {@link #closed} may be called from any thread; only the loop thread
 * touches the selector's keys.
 */
final class DatagramLoop {

    private static final Logger LOG = LogManager.getLogger(DatagramLoop.class);
    private static DatagramLoop shared;

    private final Selector selector;
    private final Queue<Runnable> requests = new ConcurrentLinkedQueue<>();

    private DatagramLoop() throws IOException {
        selector = Selector.open();
        Thread t = new Thread(this::run, "check-datagrams");
        t.setDaemon(true);
        t.start();
    }

    /** The process's loop, started on first use; it waits idle when no probe uses it. */
    static synchronized DatagramLoop shared() {
        if (shared == null) {
            try {
                shared = new DatagramLoop();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot open a selector for UDP and DNS checks", e);
            }
        }
        return shared;
    }

    void register(DatagramChannel channel, Consumer<DatagramChannel> onReadable) {
        requests.add(() -> {
            try {
                channel.register(selector, SelectionKey.OP_READ, onReadable);
            } catch (ClosedChannelException e) {
                // the attempt ended (timeout) before the loop got to it
            }
        });
        selector.wakeup();
    }

    /**
     * Closes {@code channel} and nudges the loop: a registered channel's socket is really closed only when
     * the selector next drops its key, which an idle selector would not do until the next select.
     */
    AutoCloseable closer(DatagramChannel channel) {
        return () -> {
            channel.close();
            selector.wakeup();
        };
    }

    @SuppressWarnings("unchecked")
    private void run() {
        while (true) {
            try {
                selector.select();
                Runnable r;
                while ((r = requests.poll()) != null) {
                    r.run();
                }
                Iterator<SelectionKey> it = selector.selectedKeys().iterator();
                while (it.hasNext()) {
                    SelectionKey k = it.next();
                    it.remove();
                    if (!k.isValid()) {
                        continue;
                    }
                    try {
                        ((Consumer<DatagramChannel>) k.attachment()).accept((DatagramChannel) k.channel());
                    } catch (RuntimeException e) {
                        LOG.error("UDP/DNS check reply handler failed", e);
                        k.cancel();
                    }
                }
            } catch (IOException | RuntimeException e) {
                LOG.error("UDP/DNS check loop: {}", e.toString());
            }
        }
    }
}
