package org.keepalive4j.linux;

import com.sun.jna.LastErrorException;
import com.sun.jna.NativeLong;
import java.net.InetAddress;
import java.util.Arrays;

/**
 * A non-blocking socket that sends ICMP or ICMPv6 messages and receives echo replies, of one of two
 * kinds (man 7 icmp, "ping sockets"):
 * <ul>
 * <li>{@link Kind#PING}: {@code SOCK_DGRAM} with protocol ICMP/ICMPv6, allowed to groups in
 *   {@code net.ipv4.ping_group_range} (which covers IPv6 too). The kernel sets the echo identifier (our
 *   local "port"), fills in the checksum and delivers only the replies that carry our identifier.</li>
 * <li>{@link Kind#RAW}: {@code SOCK_RAW}, needs CAP_NET_RAW. The caller chooses the identifier and must
 *   compute the IPv4 checksum (the kernel computes ICMPv6's); every echo reply the host receives is
 *   delivered, filtered down to echo replies, and the caller picks its own by identifier.</li>
 * </ul>
 * {@link #receive()} always returns the ICMP message itself (a raw IPv4 socket's IP header removed).
 *
 * <p>Threading: not thread-safe; register it with one {@link Poller} and call {@link #receive()} until it
 * returns null.
 */
public final class IcmpSocket implements Pollable, AutoCloseable {

    public enum Kind { PING, RAW }

    static final int IPPROTO_ICMP = 1;
    static final int IPPROTO_ICMPV6 = 58;
    static final int SOL_RAW = 255;
    /** IPv4 raw sockets: a 32-bit mask, a set bit blocks an ICMP type (linux/icmp.h). */
    static final int ICMP_FILTER = 1;
    /** IPv6 raw sockets: struct icmp6_filter, 256 bits, a set bit blocks an ICMPv6 type. */
    static final int ICMPV6_FILTER = 1;
    static final int ICMP_ECHO_REPLY = 0;
    static final int ICMPV6_ECHO_REPLY = 129;

    private static final int BUFFER_SIZE = 65_536;

    private final FileDescriptor fd;
    private final IpFamily family;
    private final Kind kind;
    private final MessageBuffers buffers = new MessageBuffers(BUFFER_SIZE);
    private int scopeId;

    private IcmpSocket(FileDescriptor fd, IpFamily family, Kind kind) {
        this.fd = fd;
        this.family = family;
        this.kind = kind;
    }

    /**
     * A ping socket when our group may open one, else a raw socket (as root without a suitable
     * ping_group_range, which is what a new network namespace has); the error of the raw attempt is
     * thrown when neither is allowed.
     */
    public static IcmpSocket open(IpFamily family) throws ErrnoException {
        try {
            return open(family, Kind.PING);
        } catch (ErrnoException e) {
            if (e.errno() != Errno.EACCES && e.errno() != Errno.EPERM) {
                throw e;
            }
            return open(family, Kind.RAW);
        }
    }

    public static IcmpSocket open(IpFamily family, Kind kind) throws ErrnoException {
        int protocol = family == IpFamily.IPV4 ? IPPROTO_ICMP : IPPROTO_ICMPV6;
        int type = (kind == Kind.PING ? Sockets.SOCK_DGRAM : Sockets.SOCK_RAW) | Sockets.SOCK_NONBLOCK;
        String description = (kind == Kind.PING ? "ping " : "raw ") + (family == IpFamily.IPV4 ? "ICMP" : "ICMPv6")
                + " socket";
        FileDescriptor fd = Sockets.open(family.addressFamily(), type, protocol, description);
        try {
            if (kind == Kind.RAW) {
                onlyEchoReplies(fd, family);
            }
            return new IcmpSocket(fd, family, kind);
        } catch (ErrnoException | RuntimeException e) {
            fd.close();
            throw e;
        }
    }

    public Kind kind() {
        return kind;
    }

    public IpFamily family() {
        return family;
    }

    /** Sends from {@code local}, which must be an address of this host (bindto). */
    public void bind(InetAddress local) throws ErrnoException {
        Sockets.bind(fd, family, local, 0);
    }

    /** Sends and receives only through {@code interfaceName} (bind_if); link-local targets use its index. */
    public void bindToDevice(String interfaceName) throws ErrnoException {
        scopeId = Interfaces.index(interfaceName);
        Sockets.bindToDevice(fd, interfaceName);
    }

    /** Marks outgoing packets (SO_MARK, needs CAP_NET_ADMIN), for policy routing and firewall rules. */
    public void setMark(long mark) throws ErrnoException {
        Sockets.setMark(fd, mark);
    }

    /** Sends one ICMP message (header included) to {@code destination}. */
    public void send(InetAddress destination, byte[] message) throws ErrnoException {
        Sockets.requireFamily(family, destination);
        byte[] sockaddr = SocketAddresses.encode(destination, Sockets.scopeFor(destination, scopeId));
        try {
            LibC.sendto(fd.get(), message, new NativeLong(message.length), 0, sockaddr, sockaddr.length);
        } catch (LastErrorException e) {
            throw Errno.check(e, fd.description() + ": sending to " + destination.getHostAddress());
        }
    }

    /** One received ICMP message. */
    public record Message(InetAddress source, byte[] bytes) {
    }

    /**
     * The next pending message, or null when none is pending. An error the kernel queued on the socket (an
     * ICMP error about what we sent) is thrown.
     */
    public Message receive() throws ErrnoException {
        long length = buffers.receivePending(fd);
        if (length < 0) {
            return null;
        }
        byte[] data = buffers.data((int) length);
        InetAddress source = SocketAddresses.decode(buffers.name(), buffers.nameLength());
        if (kind == Kind.RAW && family == IpFamily.IPV4 && data.length > 0) {
            int headerLength = (data[0] & 0x0f) * 4;
            data = Arrays.copyOfRange(data, Math.min(headerLength, data.length), data.length);
        }
        return new Message(source, data);
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


    /** A raw socket would otherwise queue every ICMP message the host receives. */
    private static void onlyEchoReplies(FileDescriptor fd, IpFamily family) throws ErrnoException {
        if (family == IpFamily.IPV4) {
            Sockets.setInt(fd, SOL_RAW, ICMP_FILTER, ~(1 << ICMP_ECHO_REPLY), "ICMP_FILTER");
        } else {
            byte[] filter = new byte[32];
            Arrays.fill(filter, (byte) -1);
            int word = ICMPV6_ECHO_REPLY >> 5;
            int bits = ~(1 << (ICMPV6_ECHO_REPLY & 31));
            byte[] w = NativeBytes.int32(bits);
            System.arraycopy(w, 0, filter, word * 4, 4);
            Sockets.set(fd, IPPROTO_ICMPV6, ICMPV6_FILTER, filter, "ICMPV6_FILTER");
        }
    }
}
