package org.keepalive4j.vrrp.packet;

import java.net.Inet6Address;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * What a raw socket handed over, in one of the two shapes Linux delivers.
 *
 * <p>An IPv4 raw socket returns the whole datagram, IPv4 header included, so source,
 * destination and TTL are read from that header. An IPv6 raw socket returns only the payload
 * (here the VRRP message); hop limit and destination come from IPV6_HOPLIMIT and IPV6_PKTINFO
 * ancillary data, the source from recvmsg's address.
 *
 * <p>The byte arrays are not copied: the decoder reads them and keeps nothing.
 */
public sealed interface ReceivedPacket {

    /** keepalived's rx_ttl_hop_limit of -1: the hop limit was not received, so it is not checked. */
    int HOP_LIMIT_UNKNOWN = -1;

    IpFamily family();

    /** An IPv4 datagram, starting with its IPv4 header. */
    record Ipv4Datagram(byte[] datagram) implements ReceivedPacket {
        public Ipv4Datagram {
            Objects.requireNonNull(datagram, "datagram");
        }

        @Override
        public IpFamily family() {
            return IpFamily.IPV4;
        }
    }

    /**
     * An IPv6 VRRP message without the IPv6 header.
     *
     * @param hopLimit 0-255, or {@link #HOP_LIMIT_UNKNOWN}
     */
    record Ipv6Message(byte[] message, int hopLimit, Inet6Address source, Inet6Address destination)
            implements ReceivedPacket {
        public Ipv6Message {
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(destination, "destination");
            if (hopLimit != HOP_LIMIT_UNKNOWN && (hopLimit < 0 || hopLimit > 255)) {
                throw new IllegalArgumentException("hop limit must be 0-255 or -1: " + hopLimit);
            }
        }

        @Override
        public IpFamily family() {
            return IpFamily.IPV6;
        }
    }

    static Ipv4Datagram ipv4Datagram(byte[] datagram) {
        return new Ipv4Datagram(datagram);
    }

    /** Copies the buffer's remaining bytes without moving its position. */
    static Ipv4Datagram ipv4Datagram(ByteBuffer datagram) {
        return new Ipv4Datagram(remaining(datagram));
    }

    static Ipv6Message ipv6Message(byte[] message, int hopLimit, Inet6Address source, Inet6Address destination) {
        return new Ipv6Message(message, hopLimit, source, destination);
    }

    /** Copies the buffer's remaining bytes without moving its position. */
    static Ipv6Message ipv6Message(ByteBuffer message, int hopLimit, Inet6Address source, Inet6Address destination) {
        return new Ipv6Message(remaining(message), hopLimit, source, destination);
    }

    private static byte[] remaining(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }
}
