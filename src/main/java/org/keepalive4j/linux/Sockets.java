package org.keepalive4j.linux;

import com.sun.jna.LastErrorException;
import java.nio.charset.StandardCharsets;

/** socket(2) and setsockopt(2) with the constants of {@code <sys/socket.h>} this package uses. */
final class Sockets {

    static final int AF_UNSPEC = 0;
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

    /** Opens a socket with close-on-exec, so notify scripts never inherit it. */
    static FileDescriptor open(int domain, int type, int protocol, String description) throws ErrnoException {
        try {
            return new FileDescriptor(LibC.socket(domain, type | SOCK_CLOEXEC, protocol), description);
        } catch (LastErrorException e) {
            throw Errno.check(e, "opening " + description);
        }
    }
}
