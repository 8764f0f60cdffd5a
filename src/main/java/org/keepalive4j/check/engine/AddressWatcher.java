package org.keepalive4j.check.engine;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.keepalive4j.linux.ErrnoException;
import org.keepalive4j.linux.LinkEvents;
import org.keepalive4j.linux.NetlinkEvent;
import org.keepalive4j.linux.Poller;

/**
 * For ha_suspend: a thread that waits for the kernel's address notifications (rtnetlink) and calls
 * {@code onChange} for each batch that adds or removes an address (or lost some), so a VIP that a VRRP
 * instance adds resumes the checks at once instead of at the next periodic look. What changed is not
 * interpreted here: the engine re-reads the addresses it cares about.
 */
final class AddressWatcher implements AutoCloseable {

    private static final Logger LOG = LogManager.getLogger(AddressWatcher.class);

    private final LinkEvents events;
    private final Poller poller;
    private final Thread thread;
    private volatile boolean running = true;

    private AddressWatcher(LinkEvents events, Poller poller, Runnable onChange) {
        this.events = events;
        this.poller = poller;
        this.thread = new Thread(() -> loop(onChange), "check-addresses");
        this.thread.setDaemon(true);
    }

    /** @return the running watcher, or null when netlink is not available (the periodic look remains) */
    static AddressWatcher start(Runnable onChange) {
        LinkEvents events = null;
        try {
            events = LinkEvents.open();
            Poller poller = new Poller();
            poller.register(events);
            AddressWatcher w = new AddressWatcher(events, poller, onChange);
            w.thread.start();
            return w;
        } catch (ErrnoException | RuntimeException | LinkageError e) {
            if (events != null) {
                events.close();
            }
            LOG.warn("ha_suspend: no address notifications ({}); looking once a second instead", e.toString());
            return null;
        }
    }

    private void loop(Runnable onChange) {
        while (running) {
            try {
                if (poller.poll(Poller.FOREVER).isEmpty()) {
                    continue;
                }
                boolean relevant = false;
                for (NetlinkEvent e : events.read()) {
                    if (!(e instanceof NetlinkEvent.LinkChanged)) {
                        relevant = true;
                    }
                }
                if (relevant && running) {
                    onChange.run();
                }
            } catch (ErrnoException | RuntimeException e) {
                if (running) {
                    LOG.error("ha_suspend: address notifications failed ({}); looking once a second instead",
                            e.toString());
                }
                return;
            }
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            poller.wakeup();
            thread.join(2000);
        } catch (ErrnoException e) {
            LOG.warn("ha_suspend: cannot wake the address watcher: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!thread.isAlive()) {
            events.close();
            poller.close();
        }
    }
}
