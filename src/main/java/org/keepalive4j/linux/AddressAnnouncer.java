package org.keepalive4j.linux;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * Tells the neighbours on one interface that an address now lives at this interface's MAC: gratuitous
 * ARP for IPv4 (through a {@link PacketSocket}), an unsolicited Neighbor Advertisement to all nodes
 * (ff02::1) for IPv6 (through a raw ICMPv6 socket, hop limit 255 as RFC 4861 §7.1.2 requires). How
 * often and when to repeat is the caller's business. Each socket is opened on first use, so a host
 * without IPv6 never opens an IPv6 one.
 *
 * <p>Threading: not thread-safe; the event loop owns it.
 */
public final class AddressAnnouncer implements AutoCloseable {

    public static final Inet6Address ALL_NODES = ipv6("ff02::1");

    private static final int ICMPV6_FILTER = 1;

    private final String interfaceName;
    private final byte[] mac;
    private final boolean router;
    private PacketSocket arp;
    private RawIpSocket icmpv6;

    /**
     * {@code mac} is the interface's hardware address ({@link RtNetlink#link(String)}); {@code router} sets
     * the R flag of neighbour advertisements.
     */
    public AddressAnnouncer(String interfaceName, byte[] mac, boolean router) {
        this.interfaceName = interfaceName;
        this.mac = mac.clone();
        this.router = router;
    }

    /** Sends one gratuitous ARP of {@code operation} ({@link ArpPacket#REQUEST} or REPLY) for {@code address}. */
    public void gratuitousArp(Inet4Address address, int operation) throws ErrnoException {
        if (arp == null) {
            arp = PacketSocket.open(interfaceName);
        }
        arp.send(ArpPacket.ETHERTYPE_ARP, PacketSocket.BROADCAST, ArpPacket.gratuitous(operation, mac, address));
    }

    /**
     * Sends one unsolicited neighbour advertisement for {@code address}, from {@code address} itself, which
     * must therefore be on the interface already and past duplicate address detection (add it with
     * {@link InterfaceAddress#NODAD}).
     */
    public void neighbourAdvertisement(Inet6Address address) throws ErrnoException {
        if (icmpv6 == null) {
            icmpv6 = openIcmpv6();
        }
        byte[] message = NeighbourAdvertisement.unsolicited(address, mac, router, address, ALL_NODES);
        icmpv6.send(ALL_NODES, message, 0, message.length, address);
    }

    @Override
    public void close() {
        if (arp != null) {
            arp.close();
        }
        if (icmpv6 != null) {
            icmpv6.close();
        }
    }

    /**
     * A raw ICMPv6 socket would queue every ICMPv6 message the host receives; this one only sends, so its
     * filter (struct icmp6_filter, eight 32-bit words, a set bit blocks a type) blocks them all.
     */
    private RawIpSocket openIcmpv6() throws ErrnoException {
        RawIpSocket socket = RawIpSocket.open(IpFamily.IPV6, RawIpSocket.PROTOCOL_ICMPV6, interfaceName);
        try {
            byte[] blockAll = new byte[32];
            Arrays.fill(blockAll, (byte) -1);
            Sockets.set(socket.fileDescriptor(), RawIpSocket.PROTOCOL_ICMPV6, ICMPV6_FILTER, blockAll, "ICMPV6_FILTER");
            return socket;
        } catch (ErrnoException e) {
            socket.close();
            throw e;
        }
    }

    private static Inet6Address ipv6(String literal) {
        try {
            return (Inet6Address) InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
