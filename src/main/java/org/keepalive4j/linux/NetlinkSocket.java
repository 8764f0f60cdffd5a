package org.keepalive4j.linux;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import java.util.List;

/**
 * An AF_NETLINK socket (NETLINK_ROUTE unless told otherwise): datagrams of netlink messages to and from the kernel, optionally
 * subscribed to multicast groups. In the calling thread's network namespace, like every socket.
 */
final class NetlinkSocket implements AutoCloseable {

    static final int NETLINK_ROUTE = 0;
    static final int NETLINK_GENERIC = 16;
    static final int SOL_NETLINK = 270;
    static final int NETLINK_EXT_ACK = 11;

    /** Netlink dumps fill at most about 32 KiB per datagram; twice that leaves headroom. */
    private static final int BUFFER_SIZE = 65_536;
    /** struct sockaddr_nl { u16 family; u16 pad; u32 pid; u32 groups; } of the kernel: pid 0, no groups. */
    private static final byte[] KERNEL = sockaddrNl(0);

    private final FileDescriptor fd;
    private final MessageBuffers buffers = new MessageBuffers(BUFFER_SIZE);

    private NetlinkSocket(FileDescriptor fd) {
        this.fd = fd;
    }

    /**
     * A socket subscribed to the RTMGRP_* bit mask {@code groups} (0 for none). A non-blocking one
     * returns null from {@link #receive} when nothing is pending; a blocking one waits up to
     * {@code receiveTimeoutMillis} and then fails with EAGAIN.
     */
    static NetlinkSocket open(int groups, boolean nonBlocking, int receiveTimeoutMillis, String description)
            throws ErrnoException {
        return open(NETLINK_ROUTE, groups, nonBlocking, receiveTimeoutMillis, description);
    }

    /** As {@link #open(int, boolean, int, String)} for another netlink protocol (NETLINK_GENERIC...). */
    static NetlinkSocket open(int protocol, int groups, boolean nonBlocking, int receiveTimeoutMillis,
                              String description) throws ErrnoException {
        FileDescriptor fd = Sockets.open(Sockets.AF_NETLINK,
                Sockets.SOCK_RAW | (nonBlocking ? Sockets.SOCK_NONBLOCK : 0), protocol, description);
        try {
            if (!nonBlocking) {
                Sockets.set(fd, Sockets.SOL_SOCKET, Sockets.SO_RCVTIMEO, timeval(receiveTimeoutMillis), "SO_RCVTIMEO");
            }
            try {
                Sockets.setInt(fd, SOL_NETLINK, NETLINK_EXT_ACK, 1, "NETLINK_EXT_ACK");
            } catch (ErrnoException olderThan412) {
                // the kernel's error texts are a nicety; errno alone still says what failed
            }
            byte[] local = sockaddrNl(groups);
            try {
                LibC.bind(fd.get(), local, local.length);
            } catch (LastErrorException e) {
                throw Errno.check(e, description + ": bind to groups 0x" + Integer.toHexString(groups));
            }
            return new NetlinkSocket(fd);
        } catch (ErrnoException | RuntimeException e) {
            fd.close();
            throw e;
        }
    }

    FileDescriptor fileDescriptor() {
        return fd;
    }

    void send(byte[] message) throws ErrnoException {
        try {
            buffers.send(fd, message, 0, message.length, KERNEL, null);
        } catch (LastErrorException e) {
            throw Errno.check(e, fd.description() + ": sending");
        }
    }

    /** The messages of the next datagram; null when a non-blocking socket has none pending. */
    List<NetlinkMessage> receive() throws ErrnoException {
        long length = buffers.receivePending(fd);
        if (length < 0) {
            return null;
        }
        if (length > BUFFER_SIZE) {
            throw new ErrnoException(Errno.EMSGSIZE, fd.description() + ": a datagram of " + length + " bytes");
        }
        return NetlinkMessages.parse(buffers.data((int) length), (int) length);
    }

    @Override
    public void close() {
        fd.close();
    }

    private static byte[] sockaddrNl(int groups) {
        return NativeBytes.host(12).putShort((short) Sockets.AF_NETLINK).putShort((short) 0).putInt(0)
                .putInt(groups).array();
    }

    /** struct timeval { time_t sec; suseconds_t usec; }, two longs. */
    private static byte[] timeval(int millis) {
        int w = Native.LONG_SIZE;
        var b = NativeBytes.host(2 * w);
        if (w == 8) {
            b.putLong(millis / 1000).putLong((millis % 1000) * 1000L);
        } else {
            b.putInt(millis / 1000).putInt((millis % 1000) * 1000);
        }
        return b.array();
    }
}
