package org.keepalive4j.linux;

/** What {@link LinkEvents} reports: a change of a link or of an address, or the loss of some changes. */
public sealed interface NetlinkEvent {

    /**
     * A link was created or changed (RTM_NEWLINK: up/down, carrier, rename, ...), or deleted. The kernel
     * sends one for many changes that leave the state alone, so compare with the state you keep.
     */
    record LinkChanged(Link link, boolean deleted) implements NetlinkEvent {
    }

    /** An address appeared, or changed (an IPv6 address finishing duplicate address detection). */
    record AddressAdded(InterfaceAddress address) implements NetlinkEvent {
    }

    record AddressRemoved(InterfaceAddress address) implements NetlinkEvent {
    }

    /**
     * The kernel dropped events because the socket's buffer was full (ENOBUFS): the listener should
     * re-read the state it cares about with {@link RtNetlink#links()} and {@link RtNetlink#addresses}.
     */
    record EventsLost() implements NetlinkEvent {
    }
}
