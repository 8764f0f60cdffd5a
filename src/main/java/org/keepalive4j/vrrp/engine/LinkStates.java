package org.keepalive4j.vrrp.engine;

import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.keepalive4j.linux.ErrnoException;
import org.keepalive4j.linux.Link;
import org.keepalive4j.linux.LinkEvents;
import org.keepalive4j.linux.NetlinkEvent;
import org.keepalive4j.linux.RtNetlink;

/**
 * Whether each tracked interface (track_interface, and the instances' own) is running: administratively
 * up with carrier. Learns the initial state from rtnetlink and changes from link events, and reports
 * each change once. Loop thread only.
 */
final class LinkStates implements AutoCloseable {

    private static final Logger LOG = LogManager.getLogger(LinkStates.class);

    private final RtNetlink rtnl;
    private final LinkEvents events;
    private final BiConsumer<String, Boolean> onChange;
    private final Map<String, Boolean> running = new HashMap<>();

    LinkStates(RtNetlink rtnl, LinkEvents events, BiConsumer<String, Boolean> onChange) {
        this.rtnl = rtnl;
        this.events = events;
        this.onChange = onChange;
    }

    LinkEvents events() {
        return events;
    }

    /** Starts tracking {@code name} (if not yet) and returns whether it is running now. */
    boolean track(String name) {
        Boolean known = running.get(name);
        if (known != null) {
            return known;
        }
        boolean up = readState(name);
        running.put(name, up);
        return up;
    }

    void onReadable() {
        try {
            for (NetlinkEvent e : events.read()) {
                if (e instanceof NetlinkEvent.LinkChanged changed) {
                    Link link = changed.link();
                    if (running.containsKey(link.name())) {
                        update(link.name(), !changed.deleted() && link.isRunning());
                    }
                } else if (e instanceof NetlinkEvent.EventsLost) {
                    LOG.warn("VRRP: link events were lost; re-reading the state of tracked interfaces");
                    for (String name : running.keySet().toArray(String[]::new)) {
                        update(name, readState(name));
                    }
                }
            }
        } catch (ErrnoException e) {
            LOG.warn("VRRP: reading link events: {}", e.getMessage());
        }
    }

    private void update(String name, boolean up) {
        Boolean before = running.put(name, up);
        if (before == null || before != up) {
            LOG.info("Netlink reports {} {}", name, up ? "up" : "down");
            onChange.accept(name, up);
        }
    }

    /** An interface that does not exist counts as down (keepalived: "interface not found"). */
    private boolean readState(String name) {
        try {
            return rtnl.link(name).isRunning();
        } catch (ErrnoException e) {
            LOG.warn("VRRP: interface {}: {}", name, e.getMessage());
            return false;
        }
    }

    @Override
    public void close() {
        events.close();
    }
}
