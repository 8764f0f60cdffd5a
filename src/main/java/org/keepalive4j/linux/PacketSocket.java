package org.keepalive4j.linux;

import com.sun.jna.LastErrorException;
import com.sun.jna.NativeLong;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A send-only AF_PACKET / SOCK_DGRAM socket on one interface: the kernel adds the Ethernet header with
 * our MAC as source, we choose EtherType and destination. Opened with protocol 0, so the kernel never
 * queues received frames on it (man 7 packet). Needs CAP_NET_RAW.
 */
public final class PacketSocket implements AutoCloseable {

    public static final byte[] BROADCAST = {-1, -1, -1, -1, -1, -1};

    /** sizeof(struct sockaddr_ll) */
    private static final int SOCKADDR_LL_SIZE = 20;

    private final FileDescriptor fd;
    private final int ifindex;

    private PacketSocket(FileDescriptor fd, int ifindex) {
        this.fd = fd;
        this.ifindex = ifindex;
    }

    public static PacketSocket open(String interfaceName) throws ErrnoException {
        int ifindex = Interfaces.index(interfaceName);
        return new PacketSocket(Sockets.open(Sockets.AF_PACKET, Sockets.SOCK_DGRAM | Sockets.SOCK_NONBLOCK, 0,
                "packet socket on " + interfaceName), ifindex);
    }

    /** Sends one frame of {@code etherType} carrying {@code payload} to the 6-byte address {@code destination}. */
    public void send(int etherType, byte[] destination, byte[] payload) throws ErrnoException {
        byte[] address = sockaddrLl(etherType, destination);
        try {
            LibC.sendto(fd.get(), payload, new NativeLong(payload.length), 0, address, address.length);
        } catch (LastErrorException e) {
            throw Errno.check(e, fd.description() + ": sending EtherType 0x" + Integer.toHexString(etherType));
        }
    }

    @Override
    public void close() {
        fd.close();
    }

    /**
     * struct sockaddr_ll { u16 family; be16 protocol; s32 ifindex; u16 hatype; u8 pkttype; u8 halen;
     * u8 addr[8]; }: the family in host order, the protocol (EtherType) in network order.
     */
    private byte[] sockaddrLl(int etherType, byte[] destination) {
        ByteBuffer b = NativeBytes.host(SOCKADDR_LL_SIZE);
        b.putShort((short) Sockets.AF_PACKET);
        b.order(ByteOrder.BIG_ENDIAN).putShort((short) etherType).order(NativeBytes.HOST);
        b.putInt(ifindex).putShort((short) 0).put((byte) 0).put((byte) destination.length).put(destination);
        return b.array();
    }
}
