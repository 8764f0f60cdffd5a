package org.keepalive4j.linux;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Arrays;

/**
 * One datagram from a {@link RawIpSocket}.
 *
 * @param bytes what was received. An IPv4 raw socket delivers the IP header first, an IPv6 one only the
 *     payload: {@link #payloadOffset()} knows the difference
 * @param length the datagram's length as the kernel reported it; larger than {@code bytes.length} only
 *     when the datagram did not fit the receive buffer ({@link #truncated()})
 * @param source the sender (link-local IPv6 addresses carry the arrival interface as scope id)
 * @param destination the destination address of the IP header: a multicast group or one of ours
 * @param ifindex the interface the datagram arrived on
 * @param ttlOrHopLimit the IPv4 TTL or IPv6 hop limit on arrival
 */
public record ReceivedPacket(byte[] bytes, int length, InetAddress source, InetAddress destination, int ifindex,
        int ttlOrHopLimit) {

    /** Where the payload (after the IPv4 header, options included) starts in {@link #bytes()}. */
    public int payloadOffset() {
        return source instanceof Inet4Address && bytes.length > 0 ? (bytes[0] & 0x0f) * 4 : 0;
    }

    public byte[] payload() {
        return Arrays.copyOfRange(bytes, Math.min(payloadOffset(), bytes.length), bytes.length);
    }

    public boolean truncated() {
        return length > bytes.length;
    }

    @Override
    public String toString() {
        return "ReceivedPacket[" + length + " bytes from " + source.getHostAddress() + " to "
                + destination.getHostAddress() + " on ifindex " + ifindex + ", ttl " + ttlOrHopLimit + "]";
    }
}
