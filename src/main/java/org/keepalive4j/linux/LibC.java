package org.keepalive4j.linux;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;

/**
 * The glibc calls the JDK does not offer, bound by JNA direct mapping (cheaper per call than interface
 * mapping, which matters in the event loop). In the calls the VRRP loop makes per advert, {@code size_t}
 * and {@code ssize_t} are Java {@code long}: a {@link NativeLong} return value is built by JNA through
 * reflection on every call, which cost CPU and garbage per advert; the static check below makes sure
 * the widths agree. Colder calls keep {@link NativeLong}. A failing call throws {@link LastErrorException} carrying errno;
 * {@link Errno#check} turns it into an {@link ErrnoException}.
 *
 * <p>Everything here acts in the network namespace of the calling thread.
 */
final class LibC {

    static {
        // size_t/ssize_t as Java long below: true on the 64-bit Linux ABIs Debian builds for (amd64, arm64,
        // ppc64el, s390x, riscv64); a 32-bit JVM must not run this code with the wrong widths
        if (Native.LONG_SIZE != Long.BYTES) {
            throw new UnsupportedOperationException("keepalive4j needs a 64-bit JVM (C long is "
                    + Native.LONG_SIZE + " bytes here)");
        }
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

    static native long sendmsg(int fd, Pointer message, int flags) throws LastErrorException;

    static native long recvmsg(int fd, Pointer message, int flags) throws LastErrorException;

    static native long read(int fd, byte[] buffer, long count) throws LastErrorException;

    static native long write(int fd, byte[] buffer, long count) throws LastErrorException;

    static native int close(int fd) throws LastErrorException;

    /**
     * poll(2) with a {@code struct timespec} timeout (null: no limit), so that a wait can end between two
     * milliseconds; {@code nfds_t} is an unsigned long; a null {@code sigmask} keeps the thread's mask.
     */
    static native int ppoll(Pointer fds, long count, Pointer timeout, Pointer sigmask)
            throws LastErrorException;

    static native int eventfd(int initialValue, int flags) throws LastErrorException;

    /** Returns 0 and sets errno (ENODEV) when there is no such interface. */
    static native int if_nametoindex(String name) throws LastErrorException;

    static native String strerror(int errno);

    /** {@code struct sched_param} is one int; pid 0 is the calling thread (Linux schedules threads). */
    static native int sched_setscheduler(int pid, int policy, int[] param) throws LastErrorException;

    /** {@code struct rlimit} is two {@code rlim_t} (unsigned long): soft, hard. */
    static native int setrlimit(int resource, long[] limits) throws LastErrorException;

    static native int getrlimit(int resource, long[] limits) throws LastErrorException;

    /** {@code struct timespec} is two longs on LP64: seconds, nanoseconds. */
    static native int clock_gettime(int clock, long[] timespec) throws LastErrorException;
}
