package org.keepalive4j.linux;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;

/**
 * Native memory for sendmsg/recvmsg on one socket, allocated once: the data buffer, the peer address,
 * the ancillary data, one iovec and the msghdr pointing at them. {@code struct msghdr} is {name, namelen,
 * iov, iovlen, control, controllen, flags}, each field in a pointer-sized slot on every Linux ABI.
 * Not thread-safe: one socket, one user.
 */
final class MessageBuffers {

    private static final int W = Native.POINTER_SIZE;
    private static final int CONTROL_CAPACITY = 512;

    private final Memory data;
    private final Memory name = new Memory(SocketAddresses.SOCKADDR_STORAGE_SIZE);
    private final Memory control = new Memory(CONTROL_CAPACITY);
    private final Memory iovec = new Memory(2L * W);
    private final Memory header = new Memory(7L * W);

    MessageBuffers(int dataCapacity) {
        data = new Memory(dataCapacity);
    }

    /** One recvmsg; returns the byte count (the full datagram length when it was truncated). */
    long receive(FileDescriptor fd) throws LastErrorException {
        prepare(data.size(), name.size(), CONTROL_CAPACITY);
        return LibC.recvmsg(fd.get(), header, Sockets.MSG_TRUNC);
    }

    /** {@link #receive} for a non-blocking socket: -1 when nothing is pending, other errors thrown. */
    long receivePending(FileDescriptor fd) throws ErrnoException {
        try {
            return receive(fd);
        } catch (LastErrorException e) {
            if (e.getErrorCode() == Errno.EAGAIN) {
                return -1;
            }
            throw Errno.check(e, fd.description() + ": receiving");
        }
    }

    /** One sendmsg of {@code length} bytes of {@code payload} to {@code sockaddr} with optional ancillary data. */
    long send(FileDescriptor fd, byte[] payload, int offset, int length, byte[] sockaddr, byte[] controlBytes)
            throws LastErrorException {
        if (length > data.size()) {
            throw new IllegalArgumentException(length + " bytes exceed the send buffer of " + data.size());
        }
        data.write(0, payload, offset, length);
        name.write(0, sockaddr, 0, sockaddr.length);
        int controlLength = controlBytes == null ? 0 : controlBytes.length;
        if (controlLength > 0) {
            control.write(0, controlBytes, 0, controlLength);
        }
        prepare(length, sockaddr.length, controlLength);
        return LibC.sendmsg(fd.get(), header, 0);
    }

    byte[] data(int length) {
        return data.getByteArray(0, (int) Math.min(length, data.size()));
    }

    byte[] name() {
        return name.getByteArray(0, (int) name.size());
    }

    int nameLength() {
        return header.getInt(W);
    }

    byte[] control() {
        return control.getByteArray(0, controlLength());
    }

    int controlLength() {
        return (int) Math.min(CONTROL_CAPACITY, header.getLong(5L * W));
    }

    private void prepare(long dataLength, long nameLength, int controlLength) {
        iovec.setPointer(0, data);
        iovec.setLong(W, dataLength);
        header.clear();
        header.setPointer(0, name);
        header.setInt(W, (int) nameLength);
        header.setPointer(2L * W, iovec);
        header.setLong(3L * W, 1);
        header.setPointer(4L * W, controlLength == 0 ? Pointer.NULL : control);
        header.setLong(5L * W, controlLength);
    }
}
