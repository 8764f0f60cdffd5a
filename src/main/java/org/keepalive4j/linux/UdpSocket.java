package org.keepalive4j.linux;

import com.sun.jna.LastErrorException;
import java.net.InetAddress;

/**
 * A non-blocking, connected UDP socket with what the JDK's channels cannot set: SO_MARK, SO_BINDTODEVICE
 * and IP_RECVERR / IPV6_RECVERR, without which the kernel keeps quiet about most ICMP errors (a host
 * unreachable, for one) on UDP sockets. A queued error is thrown by the next {@link #receive}.
 *
 * <p>Threading: not thread-safe; register it with one {@link Poller} and call {@link #receive} until it
 * returns -1.
 */
public final class UdpSocket implements Pollable, AutoCloseable {

    static final int IPPROTO_UDP = 17;
    static final int IP_RECVERR = 11;
    static final int IPV6_RECVERR = 25;

    private final FileDescriptor fd;
    private final IpFamily family;
    private int scopeId;

    private UdpSocket(FileDescriptor fd, IpFamily family) {
        this.fd = fd;
        this.family = family;
    }

    /** Opens a UDP socket that reports ICMP errors. */
    public static UdpSocket open(IpFamily family) throws ErrnoException {
        FileDescriptor fd = Sockets.open(family.addressFamily(), Sockets.SOCK_DGRAM | Sockets.SOCK_NONBLOCK,
                IPPROTO_UDP, family == IpFamily.IPV4 ? "UDP socket" : "UDPv6 socket");
        try {
            if (family == IpFamily.IPV4) {
                Sockets.setInt(fd, RawIpSocket.IPPROTO_IP, IP_RECVERR, 1, "IP_RECVERR");
            } else {
                Sockets.setInt(fd, RawIpSocket.IPPROTO_IPV6, IPV6_RECVERR, 1, "IPV6_RECVERR");
            }
            return new UdpSocket(fd, family);
        } catch (ErrnoException | RuntimeException e) {
            fd.close();
            throw e;
        }
    }

    /** Sends and receives only through {@code interfaceName}; link-local destinations use its index. */
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

    /** Sets the only peer: datagrams go there, and only its datagrams and ICMP errors come back. */
    public void connect(InetAddress peer, int port) throws ErrnoException {
        Sockets.connect(fd, family, peer, port, scopeId);
    }

    /** Sends one datagram to the peer; returns the bytes sent. */
    public int send(byte[] datagram) throws ErrnoException {
        try {
            return (int) LibC.write(fd.get(), datagram, datagram.length);
        } catch (LastErrorException e) {
            throw Errno.check(e, fd.description() + ": sending " + datagram.length + " bytes");
        }
    }

    /**
     * Receives one datagram into {@code buffer} (a longer one is cut to its size); returns its length, or
     * -1 when nothing is pending. An ICMP error about what we sent is thrown (ECONNREFUSED for a closed
     * port, EHOSTUNREACH, ...).
     */
    public int receive(byte[] buffer) throws ErrnoException {
        try {
            return (int) LibC.read(fd.get(), buffer, buffer.length);
        } catch (LastErrorException e) {
            if (e.getErrorCode() == Errno.EAGAIN) {
                return -1;
            }
            throw Errno.check(e, fd.description() + ": receiving");
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
