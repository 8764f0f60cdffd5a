package org.keepalive4j.linux;

import com.sun.jna.LastErrorException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;

/** socket(2) and setsockopt(2) with the constants of {@code <sys/socket.h>} this package uses. */
final class Sockets {

    static final int AF_UNSPEC = 0;
    static final int AF_UNIX = 1;
    static final int AF_INET = 2;
    static final int AF_INET6 = 10;
    static final int AF_NETLINK = 16;
    static final int AF_PACKET = 17;

    static final int SOCK_STREAM = 1;
    static final int SOCK_DGRAM = 2;
    static final int SOCK_RAW = 3;
    static final int SOCK_NONBLOCK = 0x800;
    static final int SOCK_CLOEXEC = 0x80000;

    static final int MSG_TRUNC = 0x20;
    static final int MSG_DONTWAIT = 0x40;

    static final int SOL_SOCKET = 1;
    static final int SO_ERROR = 4;
    static final int SO_RCVBUF = 8;
    static final int SO_RCVTIMEO = 20;
    static final int SO_BINDTODEVICE = 25;
    static final int SO_MARK = 36;

    private Sockets() {
    }

    static void setInt(FileDescriptor fd, int level, int name, int value, String what) throws ErrnoException {
        set(fd, level, name, NativeBytes.int32(value), what);
    }

    static void set(FileDescriptor fd, int level, int name, byte[] value, String what) throws ErrnoException {
        try {
            LibC.setsockopt(fd.get(), level, name, value, value.length);
        } catch (LastErrorException e) {
            throw Errno.check(e, fd.description() + ": " + what);
        }
    }

    /** Receive and send only through this interface, whatever the routing table says. */
    static void bindToDevice(FileDescriptor fd, String interfaceName) throws ErrnoException {
        set(fd, SOL_SOCKET, SO_BINDTODEVICE, (interfaceName + "\0").getBytes(StandardCharsets.US_ASCII),
                "SO_BINDTODEVICE " + interfaceName);
    }

    /** Marks outgoing packets (SO_MARK, needs CAP_NET_ADMIN), for policy routing and firewall rules. */
    static void setMark(FileDescriptor fd, long mark) throws ErrnoException {
        setInt(fd, SOL_SOCKET, SO_MARK, (int) mark, "SO_MARK " + mark);
    }

    /** A socket of one family takes only that family's addresses: anything else is the caller's bug. */
    static void requireFamily(IpFamily family, InetAddress address) {
        if (IpFamily.of(address) != family) {
            throw new IllegalArgumentException(address.getHostAddress() + " is not an " + family + " address");
        }
    }

    /**
     * The scope id for a link-local IPv6 peer: its own when it has one, else the index of the interface
     * the socket is bound to ({@code boundScope}, 0 when none); the kernel ignores it for other addresses.
     */
    static int scopeFor(InetAddress peer, int boundScope) {
        return peer instanceof Inet6Address v6 && v6.getScopeId() != 0 ? v6.getScopeId() : boundScope;
    }

    /** bind(2) to {@code local} (null: the family's any address) and {@code port} (0: the kernel chooses). */
    static void bind(FileDescriptor fd, IpFamily family, InetAddress local, int port) throws ErrnoException {
        InetAddress a = local;
        if (a == null) {
            a = SocketAddresses.address(new byte[family.addressLength()], 0, family.addressLength(), 0);
        }
        requireFamily(family, a);
        byte[] sockaddr = SocketAddresses.encode(a, port, a instanceof Inet6Address v6 ? v6.getScopeId() : 0);
        try {
            LibC.bind(fd.get(), sockaddr, sockaddr.length);
        } catch (LastErrorException e) {
            throw Errno.check(e, fd.description() + ": binding to " + a.getHostAddress()
                    + (port == 0 ? "" : " port " + port));
        }
    }

    /**
     * connect(2) to {@code peer} and {@code port}; true when done at once, false when a non-blocking stream
     * socket is still connecting (EINPROGRESS: wait until writable, then read SO_ERROR).
     */
    static boolean connect(FileDescriptor fd, IpFamily family, InetAddress peer, int port, int boundScope)
            throws ErrnoException {
        requireFamily(family, peer);
        byte[] sockaddr = SocketAddresses.encode(peer, port, scopeFor(peer, boundScope));
        try {
            LibC.connect(fd.get(), sockaddr, sockaddr.length);
            return true;
        } catch (LastErrorException e) {
            if (e.getErrorCode() == Errno.EINPROGRESS) {
                return false;
            }
            throw Errno.check(e, fd.description() + ": connecting to " + peer.getHostAddress() + " port " + port);
        }
    }

    /** Opens a socket with close-on-exec, so notify scripts never inherit it. */
    static FileDescriptor open(int domain, int type, int protocol, String description) throws ErrnoException {
        try {
            return new FileDescriptor(LibC.socket(domain, type | SOCK_CLOEXEC, protocol), description);
        } catch (LastErrorException e) {
            throw Errno.check(e, "opening " + description);
        }
    }
}
