package org.keepalive4j.vrrp.engine;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.keepalive4j.linux.ErrnoException;
import org.keepalive4j.linux.IpFamily;
import org.keepalive4j.linux.Interfaces;
import org.keepalive4j.linux.RawIpSocket;
import org.keepalive4j.linux.ReceivedPacket;

/**
 * The raw socket of one (interface, address family, protocol), shared by every instance on it: they send
 * through it and it hands each received advert to the instance it is for, by VRID and, when a VRID is
 * both unicast and multicast on the interface, by sender. Loop thread only.
 */
final class AdvertSocket implements AutoCloseable {

    /** What identifies a socket: instances with equal keys share one. */
    record Key(String interfaceName, IpFamily family, int protocol) {
        @Override
        public String toString() {
            return interfaceName + "/" + family + "/" + (protocol == RawIpSocket.PROTOCOL_AH ? "AH" : "VRRP");
        }
    }

    private static final Logger LOG = LogManager.getLogger(AdvertSocket.class);
    /** keepalived's AH header (RFC 2402 with a 12-octet ICV) between the IPv4 header and the advert. */
    private static final int AH_HEADER_LENGTH = 24;

    private final Key key;
    private RawIpSocket socket;
    private final Runnable unknownVrid;
    private final List<Instance> instances = new ArrayList<>();
    private final Set<InetAddress> groups = new HashSet<>();

    private AdvertSocket(Key key, RawIpSocket socket, Runnable unknownVrid) {
        this.key = key;
        this.socket = socket;
        this.unknownVrid = unknownVrid;
    }

    /** Opens the socket; IPv4 ones take whole datagrams (keepalived builds every IPv4 header itself). */
    static AdvertSocket open(Key key, Runnable unknownVrid) throws ErrnoException {
        AdvertSocket s = new AdvertSocket(key, rawSocket(key), unknownVrid);
        LOG.info("VRRP: opened {} socket on {}", key, key.interfaceName());
        return s;
    }

    private static RawIpSocket rawSocket(Key key) throws ErrnoException {
        RawIpSocket socket = RawIpSocket.open(key.family(), key.protocol(), key.interfaceName());
        try {
            if (key.family() == IpFamily.IPV4) {
                socket.setHeaderIncluded(true);
            }
        } catch (ErrnoException | RuntimeException e) {
            socket.close();
            throw e;
        }
        return socket;
    }

    /**
     * Whether the interface was deleted and created again since the socket was opened: the socket is
     * bound to the old interface index and would neither send nor receive on the new one.
     */
    boolean isBoundToStaleInterface() {
        try {
            return Interfaces.index(key.interfaceName()) != socket.ifindex();
        } catch (ErrnoException e) {
            return false; // gone right now: nothing to rebind to yet
        }
    }

    /**
     * Replaces the socket by one on the interface as it is now, with the same multicast groups; the caller
     * moves the poller registration from the returned old socket (already closed) to {@link #socket()}.
     */
    RawIpSocket reopen() throws ErrnoException {
        RawIpSocket fresh = rawSocket(key);
        try {
            for (InetAddress group : groups) {
                fresh.joinGroup(group);
            }
        } catch (ErrnoException | RuntimeException e) {
            fresh.close();
            throw e;
        }
        RawIpSocket old = socket;
        socket = fresh;
        old.close();
        LOG.info("VRRP: reopened {} socket: {} was created again (index {} -> {})", key, key.interfaceName(),
                old.ifindex(), fresh.ifindex());
        return old;
    }

    Key key() {
        return key;
    }

    RawIpSocket socket() {
        return socket;
    }

    /** Adds an instance; joins its multicast group unless it is unicast. */
    void attach(Instance instance) throws ErrnoException {
        instances.add(instance);
        InetAddress group = instance.multicastGroup();
        if (group != null && groups.add(group)) {
            socket.joinGroup(group);
        }
    }

    void detach(Instance instance) {
        instances.remove(instance);
    }

    boolean isUnused() {
        return instances.isEmpty();
    }

    void send(InetAddress destination, byte[] datagram, InetAddress source) throws ErrnoException {
        socket.send(destination, datagram, 0, datagram.length, source);
    }

    /** Reads everything pending and delivers it. */
    void onReadable() {
        while (true) {
            ReceivedPacket packet;
            try {
                packet = socket.receive();
            } catch (ErrnoException e) {
                LOG.warn("VRRP: receiving on {}: {}", key, e.getMessage());
                return;
            }
            if (packet == null) {
                return;
            }
            deliver(packet);
        }
    }

    private void deliver(ReceivedPacket packet) {
        int vrid = vrid(packet.bytes());
        Instance target = vrid < 0 ? firstOrNull() : instanceFor(vrid, packet.source());
        if (target == null) {
            unknownVrid.run();
            return;
        }
        target.receive(packet);
    }

    /** Too short to carry a VRID: the first instance's decoder names the reason (keepalived: vrrp_get_header). */
    private Instance firstOrNull() {
        return instances.isEmpty() ? null : instances.get(0);
    }

    private Instance instanceFor(int vrid, InetAddress source) {
        Instance multicast = null;
        Instance any = null;
        for (Instance i : instances) {
            if (i.vrid() != vrid) {
                continue;
            }
            if (i.isUnicast() && i.hasPeer(source)) {
                return i;
            }
            if (!i.isUnicast() && multicast == null) {
                multicast = i;
            }
            if (any == null) {
                any = i;
            }
        }
        return multicast != null ? multicast : any;
    }

    /** The VRID octet, past the IPv4 header (and AH) when there is one; -1 when the packet is too short. */
    private int vrid(byte[] bytes) {
        int offset = 0;
        if (key.family() == IpFamily.IPV4) {
            if (bytes.length < 20) {
                return -1;
            }
            offset = (bytes[0] & 0x0f) * 4;
            if ((bytes[9] & 0xff) == RawIpSocket.PROTOCOL_AH) {
                offset += AH_HEADER_LENGTH;
            }
        }
        return bytes.length > offset + 1 ? bytes[offset + 1] & 0xff : -1;
    }

    @Override
    public void close() {
        socket.close();
        LOG.info("VRRP: closed {} socket", key);
    }
}
