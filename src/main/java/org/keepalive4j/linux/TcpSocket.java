package org.keepalive4j.linux;

import com.sun.jna.LastErrorException;
import java.net.InetAddress;

/**
 * A non-blocking TCP client socket with what the JDK's channels cannot set: SO_MARK and SO_BINDTODEVICE.
 * {@link #connect} starts the connection; a {@link Poller} reports it writable when the handshake has
 * ended, and {@link #pendingError()} then tells how.
 *
 * <p>Threading: not thread-safe; one owner at a time.
 */
public final class TcpSocket implements Pollable, AutoCloseable {

    static final int IPPROTO_TCP = 6;

    private final FileDescriptor fd;
    private final IpFamily family;
    private int scopeId;

    private TcpSocket(FileDescriptor fd, IpFamily family) {
        this.fd = fd;
        this.family = family;
    }

    public static TcpSocket open(IpFamily family) throws ErrnoException {
        return new TcpSocket(Sockets.open(family.addressFamily(), Sockets.SOCK_STREAM | Sockets.SOCK_NONBLOCK,
                IPPROTO_TCP, family == IpFamily.IPV4 ? "TCP socket" : "TCPv6 socket"), family);
    }

    /** Connects only through {@code interfaceName}; link-local destinations use its index. */
    public void bindToDevice(String interfaceName) throws ErrnoException {
        scopeId = Interfaces.index(interfaceName);
        Sockets.bindToDevice(fd, interfaceName);
    }

    /** Marks outgoing packets (SO_MARK, needs CAP_NET_ADMIN). */
    public void setMark(long mark) throws ErrnoException {
        Sockets.setMark(fd, mark);
    }

    /** Binds to {@code local} (null: any address of the family) and {@code port} (0: any). */
    public void bind(InetAddress local, int port) throws ErrnoException {
        Sockets.bind(fd, family, local, port);
    }

    /**
     * Starts connecting to {@code peer}; returns true when the connection was established at once, false
     * when it is in progress (wait until writable, then ask {@link #pendingError()}).
     */
    public boolean connect(InetAddress peer, int port) throws ErrnoException {
        return Sockets.connect(fd, family, peer, port, scopeId);
    }

    /** SO_ERROR: 0 once a connect succeeded, else its errno (ECONNREFUSED, ETIMEDOUT, ...); reading clears it. */
    public int pendingError() throws ErrnoException {
        byte[] value = new byte[4];
        try {
            LibC.getsockopt(fd.get(), Sockets.SOL_SOCKET, Sockets.SO_ERROR, value, new int[] {4});
        } catch (LastErrorException e) {
            throw Errno.check(e, fd.description() + ": SO_ERROR");
        }
        return NativeBytes.host(value).getInt(0);
    }

    /** Reads what is there: the byte count, 0 at the end of the stream, -1 when nothing is pending. */
    public int read(byte[] buffer) throws ErrnoException {
        try {
            return (int) LibC.read(fd.get(), buffer, buffer.length);
        } catch (LastErrorException e) {
            if (e.getErrorCode() == Errno.EAGAIN) {
                return -1;
            }
            throw Errno.check(e, fd.description() + ": reading");
        }
    }

    /** Writes what the send buffer takes: the byte count, 0 when it is full. */
    public int write(byte[] data) throws ErrnoException {
        try {
            return (int) LibC.write(fd.get(), data, data.length);
        } catch (LastErrorException e) {
            if (e.getErrorCode() == Errno.EAGAIN) {
                return 0;
            }
            throw Errno.check(e, fd.description() + ": writing");
        }
    }

    @Override
    public int fd() {
        return fd.get();
    }

    @Override
    public void close() {
        fd.close();
    }

    @Override
    public String toString() {
        return fd.toString();
    }

}
