package org.keepalive4j.linux;

import java.util.ArrayList;
import java.util.List;

/**
 * A non-blocking subscription to the kernel's link and address notifications (RTMGRP_LINK,
 * RTMGRP_IPV4_IFADDR, RTMGRP_IPV6_IFADDR). Register it with a {@link Poller}; when it is readable,
 * {@link #read()} returns everything pending as typed events.
 *
 * <p>Threading: the event loop owns it. Sees the network namespace of the thread that opened it.
 */
public final class LinkEvents implements Pollable, AutoCloseable {

    static final int RTMGRP_LINK = 0x1;
    static final int RTMGRP_IPV4_IFADDR = 0x10;
    static final int RTMGRP_IPV6_IFADDR = 0x100;

    /** Room for bursts (an interface going down withdraws all its addresses at once). */
    private static final int RECEIVE_BUFFER_BYTES = 1 << 20;

    private final NetlinkSocket socket;

    private LinkEvents(NetlinkSocket socket) {
        this.socket = socket;
    }

    public static LinkEvents open() throws ErrnoException {
        NetlinkSocket socket = NetlinkSocket.open(RTMGRP_LINK | RTMGRP_IPV4_IFADDR | RTMGRP_IPV6_IFADDR, true, 0,
                "rtnetlink event socket");
        try {
            Sockets.setInt(socket.fileDescriptor(), Sockets.SOL_SOCKET, Sockets.SO_RCVBUF, RECEIVE_BUFFER_BYTES,
                    "SO_RCVBUF");
        } catch (ErrnoException e) {
            socket.close();
            throw e;
        }
        return new LinkEvents(socket);
    }

    /** Every event pending now, oldest first; empty when there is none. Never blocks. */
    public List<NetlinkEvent> read() throws ErrnoException {
        List<NetlinkEvent> events = new ArrayList<>();
        while (true) {
            List<NetlinkMessage> messages;
            try {
                messages = socket.receive();
            } catch (ErrnoException e) {
                if (e.errno() != Errno.ENOBUFS) {
                    throw e;
                }
                events.add(new NetlinkEvent.EventsLost());
                continue;
            }
            if (messages == null) {
                return events;
            }
            for (NetlinkMessage m : messages) {
                NetlinkEvent event = toEvent(m);
                if (event != null) {
                    events.add(event);
                }
            }
        }
    }

    @Override
    public int fd() {
        return socket.fileDescriptor().get();
    }

    @Override
    public void close() {
        socket.close();
    }

    /** The event a notification stands for; null for messages of other kinds or families. */
    static NetlinkEvent toEvent(NetlinkMessage m) {
        return switch (m.type()) {
            case NetlinkMessages.RTM_NEWLINK -> new NetlinkEvent.LinkChanged(Link.decode(m), false);
            case NetlinkMessages.RTM_DELLINK -> new NetlinkEvent.LinkChanged(Link.decode(m), true);
            case NetlinkMessages.RTM_NEWADDR, NetlinkMessages.RTM_DELADDR -> addressEvent(m);
            default -> null;
        };
    }

    private static NetlinkEvent addressEvent(NetlinkMessage m) {
        if (!InterfaceAddress.isIpFamily(m)) {
            return null;
        }
        InterfaceAddress address = InterfaceAddress.decode(m);
        return m.type() == NetlinkMessages.RTM_NEWADDR
                ? new NetlinkEvent.AddressAdded(address)
                : new NetlinkEvent.AddressRemoved(address);
    }
}
