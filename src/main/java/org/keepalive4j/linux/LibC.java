package org.keepalive4j.linux;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;

/**
 * The glibc calls the JDK does not offer, bound by JNA direct mapping (cheaper per call than interface
 * mapping, which matters in the event loop). {@code size_t}/{@code ssize_t} are {@link NativeLong}, which
 * is their width on every Linux ABI. A failing call throws {@link LastErrorException} carrying errno;
 * {@link Errno#check} turns it into an {@link ErrnoException}.
 *
 * <p>Everything here acts in the network namespace of the calling thread.
 */
final class LibC {

    static {
        Native.register(NativeLibrary.getInstance("c"));
    }

    private LibC() {
    }

    static native int socket(int domain, int type, int protocol) throws LastErrorException;

    static native int setsockopt(int fd, int level, int name, byte[] value, int length) throws LastErrorException;

    static native int bind(int fd, byte[] address, int length) throws LastErrorException;

    static native int connect(int fd, byte[] address, int length) throws LastErrorException;

    static native int getsockopt(int fd, int level, int name, byte[] value, int[] length) throws LastErrorException;

    static native NativeLong sendto(int fd, byte[] buffer, NativeLong length, int flags, byte[] address,
            int addressLength) throws LastErrorException;

    static native NativeLong sendmsg(int fd, Pointer message, int flags) throws LastErrorException;

    static native NativeLong recvmsg(int fd, Pointer message, int flags) throws LastErrorException;

    static native NativeLong read(int fd, byte[] buffer, NativeLong count) throws LastErrorException;

    static native NativeLong write(int fd, byte[] buffer, NativeLong count) throws LastErrorException;

    static native int close(int fd) throws LastErrorException;

    /**
     * poll(2) with a {@code struct timespec} timeout (null: no limit), so that a wait can end between two
     * milliseconds; {@code nfds_t} is an unsigned long; a null {@code sigmask} keeps the thread's mask.
     */
    static native int ppoll(Pointer fds, NativeLong count, Pointer timeout, Pointer sigmask)
            throws LastErrorException;

    static native int eventfd(int initialValue, int flags) throws LastErrorException;

    /** Returns 0 and sets errno (ENODEV) when there is no such interface. */
    static native int if_nametoindex(String name) throws LastErrorException;

    static native String strerror(int errno);
}
