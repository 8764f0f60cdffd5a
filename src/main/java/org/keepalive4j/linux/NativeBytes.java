package org.keepalive4j.linux;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Reading and writing kernel structs in byte arrays. Kernel structs (netlink headers, cmsg, option
 * values) use the host's byte order; addresses and ports inside sockaddrs use network order.
 */
final class NativeBytes {

    static final ByteOrder HOST = ByteOrder.nativeOrder();

    private NativeBytes() {
    }

    static byte[] int32(int value) {
        return ByteBuffer.allocate(4).order(HOST).putInt(value).array();
    }

    static ByteBuffer host(byte[] bytes) {
        return ByteBuffer.wrap(bytes).order(HOST);
    }

    static ByteBuffer host(int size) {
        return ByteBuffer.allocate(size).order(HOST);
    }

    static int u8(byte b) {
        return b & 0xff;
    }

    static int u16(short s) {
        return s & 0xffff;
    }

    /** Rounds up to a multiple of {@code alignment} (a power of two), as NLMSG_ALIGN and CMSG_ALIGN do. */
    static int align(int length, int alignment) {
        return (length + alignment - 1) & -alignment;
    }
}
