package org.keepalive4j.linux;

import com.sun.jna.LastErrorException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.List;
import org.keepalive4j.linux.ControlMessages.ControlMessage;

/**
 * A non-blocking raw IPv4 or IPv6 socket for one IP protocol on one interface, set up the way VRRP
 * (RFC 5798 §5.1.1.3, §5.1.2.3) needs it: bound to the interface, TTL / hop limit 255 for multicast and
 * unicast alike, multicast sent out of that interface and not looped back to ourselves, and every
 * received datagram reported with its arrival interface, destination address and TTL / hop limit.
 *
 * <p>Threading: not thread-safe; the event loop owns it. Register it with a {@link Poller} and call
 * {@link #receive()} until it returns null.
 */
public final class RawIpSocket implements Pollable, AutoCloseable {

    public static final int PROTOCOL_AH = 51;
    public static final int PROTOCOL_ICMPV6 = 58;
    public static final int PROTOCOL_VRRP = 112;
    /** The hop limit VRRP sends with and checks on receipt. */
    public static final int MAX_HOP_LIMIT = 255;
    /** The groups VRRP advertisements go to unless configured otherwise (RFC 5798 §5.1.1.2, §5.1.2.2). */
    public static final InetAddress VRRP_IPV4_GROUP = literal("224.0.0.18");
    public static final InetAddress VRRP_IPV6_GROUP = literal("ff02::12");

    static final int IPPROTO_IP = 0;
    static final int IP_TTL = 2;
    static final int IP_HDRINCL = 3;
    static final int IP_PKTINFO = 8;
    static final int IP_RECVTTL = 12;
    static final int IP_MULTICAST_IF = 32;
    static final int IP_MULTICAST_TTL = 33;
    static final int IP_MULTICAST_LOOP = 34;
    static final int IP_ADD_MEMBERSHIP = 35;
    static final int IP_DROP_MEMBERSHIP = 36;

    static final int IPPROTO_IPV6 = 41;
    static final int IPV6_UNICAST_HOPS = 16;
    static final int IPV6_MULTICAST_IF = 17;
    static final int IPV6_MULTICAST_HOPS = 18;
    static final int IPV6_MULTICAST_LOOP = 19;
    static final int IPV6_JOIN_GROUP = 20;
    static final int IPV6_LEAVE_GROUP = 21;
    static final int IPV6_RECVPKTINFO = 49;
    static final int IPV6_PKTINFO = 50;
    static final int IPV6_RECVHOPLIMIT = 51;
    static final int IPV6_HOPLIMIT = 52;

    /** Large enough for any IP datagram, so nothing is ever truncated. */
    private static final int BUFFER_SIZE = 65_536;

    private final FileDescriptor fd;
    private final IpFamily family;
    private final int ifindex;
    private InetAddress lastDestination;
    private byte[] lastSockaddr;
    private final MessageBuffers buffers = new MessageBuffers(BUFFER_SIZE);
    private boolean headerIncluded;

    private RawIpSocket(FileDescriptor fd, IpFamily family, int ifindex) {
        this.fd = fd;
        this.family = family;
        this.ifindex = ifindex;
    }

    /**
     * Opens {@code socket(family, SOCK_RAW|SOCK_NONBLOCK|SOCK_CLOEXEC, protocol)} bound to
     * {@code interfaceName} with the settings described on the class. Needs CAP_NET_RAW.
     */
    public static RawIpSocket open(IpFamily family, int protocol, String interfaceName) throws ErrnoException {
        int ifindex = Interfaces.index(interfaceName);
        String description = "raw " + family + " socket for protocol " + protocol + " on " + interfaceName;
        FileDescriptor fd = Sockets.open(family.addressFamily(), Sockets.SOCK_RAW | Sockets.SOCK_NONBLOCK,
                protocol, description);
        try {
            Sockets.bindToDevice(fd, interfaceName);
            if (family == IpFamily.IPV4) {
                Sockets.setInt(fd, IPPROTO_IP, IP_TTL, MAX_HOP_LIMIT, "IP_TTL");
                Sockets.setInt(fd, IPPROTO_IP, IP_MULTICAST_TTL, MAX_HOP_LIMIT, "IP_MULTICAST_TTL");
                Sockets.setInt(fd, IPPROTO_IP, IP_MULTICAST_LOOP, 0, "IP_MULTICAST_LOOP");
                Sockets.set(fd, IPPROTO_IP, IP_MULTICAST_IF, ipMreqn(null, ifindex), "IP_MULTICAST_IF");
                Sockets.setInt(fd, IPPROTO_IP, IP_PKTINFO, 1, "IP_PKTINFO");
                Sockets.setInt(fd, IPPROTO_IP, IP_RECVTTL, 1, "IP_RECVTTL");
            } else {
                Sockets.setInt(fd, IPPROTO_IPV6, IPV6_UNICAST_HOPS, MAX_HOP_LIMIT, "IPV6_UNICAST_HOPS");
                Sockets.setInt(fd, IPPROTO_IPV6, IPV6_MULTICAST_HOPS, MAX_HOP_LIMIT, "IPV6_MULTICAST_HOPS");
                Sockets.setInt(fd, IPPROTO_IPV6, IPV6_MULTICAST_LOOP, 0, "IPV6_MULTICAST_LOOP");
                Sockets.setInt(fd, IPPROTO_IPV6, IPV6_MULTICAST_IF, ifindex, "IPV6_MULTICAST_IF");
                Sockets.setInt(fd, IPPROTO_IPV6, IPV6_RECVPKTINFO, 1, "IPV6_RECVPKTINFO");
                Sockets.setInt(fd, IPPROTO_IPV6, IPV6_RECVHOPLIMIT, 1, "IPV6_RECVHOPLIMIT");
            }
            return new RawIpSocket(fd, family, ifindex);
        } catch (ErrnoException | RuntimeException e) {
            fd.close();
            throw e;
        }
    }

    public IpFamily family() {
        return family;
    }

    /**
     * The encoded destination, kept for the next send: every multicast instance on a socket sends to the
     * same group, so a one-entry cache spares an allocation per advert. Single-threaded like send().
     */
    private byte[] sockaddr(InetAddress destination) {
        if (!destination.equals(lastDestination)) {
            lastSockaddr = SocketAddresses.encode(destination, ifindex);
            lastDestination = destination;
        }
        return lastSockaddr;
    }

    /** The index of the interface the socket is bound to. */
    public int ifindex() {
        return ifindex;
    }

    /** Receives multicasts to {@code group} (e.g. 224.0.0.18 or ff02::12) arriving on our interface. */
    public void joinGroup(InetAddress group) throws ErrnoException {
        membership(group, true);
    }

    public void leaveGroup(InetAddress group) throws ErrnoException {
        membership(group, false);
    }

    /**
     * IPv4 only: with {@code true}, {@link #send} takes whole datagrams whose IP header the caller built
     * (needed to authenticate the header with AH); the kernel still fills in the checksum and total
     * length, and the source address and ID when they are zero (man 7 raw).
     */
    public void setHeaderIncluded(boolean included) throws ErrnoException {
        if (family != IpFamily.IPV4) {
            throw new IllegalStateException("IP_HDRINCL exists for IPv4 sockets only");
        }
        Sockets.setInt(fd, IPPROTO_IP, IP_HDRINCL, included ? 1 : 0, "IP_HDRINCL");
        headerIncluded = included;
    }

    /** {@link #send(InetAddress, byte[], int, int, InetAddress)} of the whole array, kernel-chosen source. */
    public void send(InetAddress destination, byte[] payload) throws ErrnoException {
        send(destination, payload, 0, payload.length, null);
    }

    /**
     * Sends one datagram to a multicast group or a unicast peer. {@code source}, when not null, is the
     * source address of the IP header (IP_PKTINFO / IPV6_PKTINFO); it must be an address of this host (for
     * VRRPv3 over IPv6 a link-local one). Fails with EAGAIN when the send buffer is full.
     */
    public void send(InetAddress destination, byte[] payload, int offset, int length, InetAddress source)
            throws ErrnoException {
        Sockets.requireFamily(family, destination);
        byte[] control = null;
        if (source != null) {
            Sockets.requireFamily(family, source);
            if (headerIncluded) {
                throw new IllegalArgumentException("with IP_HDRINCL the source is in the caller's header");
            }
            control = family == IpFamily.IPV4
                    ? ControlMessages.encode(IPPROTO_IP, IP_PKTINFO, inPktinfo(source))
                    : ControlMessages.encode(IPPROTO_IPV6, IPV6_PKTINFO, in6Pktinfo(source));
        }
        try {
            buffers.send(fd, payload, offset, length, sockaddr(destination), control);
        } catch (LastErrorException e) {
            throw Errno.check(e, fd.description() + ": sending " + length + " bytes to "
                    + destination.getHostAddress());
        }
    }

    /** The next pending datagram, or null when none is pending. */
    public ReceivedPacket receive() throws ErrnoException {
        long length = buffers.receivePending(fd);
        if (length < 0) {
            return null;
        }
        InetAddress source = SocketAddresses.decode(buffers.name(), buffers.nameLength());
        InetAddress destination = null;
        int arrivalIndex = 0;
        int ttl = -1;
        for (ControlMessage m : ControlMessages.decode(buffers.control(), buffers.controlLength())) {
            ByteBuffer data = NativeBytes.host(m.data());
            if (m.level() == IPPROTO_IP && m.type() == IP_PKTINFO) {
                arrivalIndex = data.getInt(0);
                destination = SocketAddresses.address(m.data(), 8, 4, 0);
            } else if (m.level() == IPPROTO_IP && m.type() == IP_TTL) {
                ttl = data.getInt(0);
            } else if (m.level() == IPPROTO_IPV6 && m.type() == IPV6_PKTINFO) {
                arrivalIndex = data.getInt(16);
                destination = SocketAddresses.address(m.data(), 0, 16, arrivalIndex);
            } else if (m.level() == IPPROTO_IPV6 && m.type() == IPV6_HOPLIMIT) {
                ttl = data.getInt(0);
            }
        }
        if (destination == null) {
            throw new IllegalStateException(fd.description() + ": the kernel gave no packet info");
        }
        return new ReceivedPacket(buffers.data((int) length), (int) length, source, destination, arrivalIndex, ttl);
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

    /** For the few socket options of one caller in this package (the ICMPv6 filter). */
    FileDescriptor fileDescriptor() {
        return fd;
    }

    private void membership(InetAddress group, boolean join) throws ErrnoException {
        Sockets.requireFamily(family, group);
        if (!group.isMulticastAddress()) {
            throw new IllegalArgumentException(group.getHostAddress() + " is not a multicast group");
        }
        String what = (join ? "joining " : "leaving ") + group.getHostAddress();
        if (family == IpFamily.IPV4) {
            Sockets.set(fd, IPPROTO_IP, join ? IP_ADD_MEMBERSHIP : IP_DROP_MEMBERSHIP, ipMreqn(group, ifindex), what);
        } else {
            byte[] mreq = NativeBytes.host(20).put(group.getAddress()).putInt(ifindex).array();
            Sockets.set(fd, IPPROTO_IPV6, join ? IPV6_JOIN_GROUP : IPV6_LEAVE_GROUP, mreq, what);
        }
    }


    private static InetAddress literal(String address) {
        try {
            return InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** struct ip_mreqn { in_addr multiaddr; in_addr address; int ifindex; } */
    private static byte[] ipMreqn(InetAddress group, int ifindex) {
        ByteBuffer b = NativeBytes.host(12);
        if (group != null) {
            b.put(group.getAddress());
        }
        return b.putInt(8, ifindex).array();
    }

    /** struct in_pktinfo { int ifindex; in_addr spec_dst; in_addr addr; }: spec_dst is the source. */
    private byte[] inPktinfo(InetAddress source) {
        return NativeBytes.host(12).putInt(ifindex).put(source.getAddress()).array();
    }

    /** struct in6_pktinfo { in6_addr addr; unsigned ifindex; } */
    private byte[] in6Pktinfo(InetAddress source) {
        return NativeBytes.host(20).put(source.getAddress()).putInt(ifindex).array();
    }
}
