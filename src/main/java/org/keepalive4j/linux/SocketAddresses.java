package org.keepalive4j.linux;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * sockaddr_in (16 bytes) and sockaddr_in6 (28 bytes) as the kernel lays them out: the family in host
 * order, port and address in network order.
 */
final class SocketAddresses {

    static final int SOCKADDR_IN_SIZE = 16;
    static final int SOCKADDR_IN6_SIZE = 28;
    /** Room for any sockaddr we receive (sockaddr_storage is 128). */
    static final int SOCKADDR_STORAGE_SIZE = 128;

    private SocketAddresses() {
    }

    /**
     * A sockaddr for {@code address} with port 0 (raw sockets have none). {@code scopeId} is the interface
     * index the kernel needs for link-local IPv6 destinations; it ignores it for the others.
     */
    static byte[] encode(InetAddress address, int scopeId) {
        return encode(address, 0, scopeId);
    }

    /** A sockaddr for {@code address} and {@code port} (the port in network order, as the kernel wants it). */
    static byte[] encode(InetAddress address, int port, int scopeId) {
        if (address instanceof Inet4Address) {
            ByteBuffer b = NativeBytes.host(SOCKADDR_IN_SIZE);
            b.putShort((short) Sockets.AF_INET);
            b.order(ByteOrder.BIG_ENDIAN).putShort((short) port).order(NativeBytes.HOST);
            return b.put(address.getAddress()).array();
        }
        ByteBuffer b = NativeBytes.host(SOCKADDR_IN6_SIZE);
        b.putShort((short) Sockets.AF_INET6);
        b.order(ByteOrder.BIG_ENDIAN).putShort((short) port).order(NativeBytes.HOST);
        return b.putInt(0).put(address.getAddress()).putInt(scopeId).array();
    }

    /** The address in a sockaddr_in or sockaddr_in6; link-local IPv6 addresses keep their scope id. */
    static InetAddress decode(byte[] sockaddr, int length) {
        ByteBuffer b = NativeBytes.host(sockaddr);
        int family = NativeBytes.u16(b.getShort(0));
        if (family == Sockets.AF_INET && length >= SOCKADDR_IN_SIZE) {
            return address(sockaddr, 4, 4, 0);
        }
        if (family == Sockets.AF_INET6 && length >= SOCKADDR_IN6_SIZE) {
            return address(sockaddr, 8, 16, b.getInt(24));
        }
        throw new IllegalArgumentException("not an IPv4 or IPv6 sockaddr: family " + family + ", length " + length);
    }

    /** An address from {@code length} bytes at {@code offset}; a non-zero scope id is kept for link-local IPv6. */
    static InetAddress address(byte[] bytes, int offset, int length, int scopeId) {
        byte[] raw = new byte[length];
        System.arraycopy(bytes, offset, raw, 0, length);
        try {
            if (length == 16 && scopeId != 0 && (raw[0] & 0xff) == 0xfe && (raw[1] & 0xc0) == 0x80) {
                return Inet6Address.getByAddress(null, raw, scopeId);
            }
            return InetAddress.getByAddress(raw);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("address of " + length + " bytes", e);
        }
    }
}
