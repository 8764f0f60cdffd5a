package org.keepalive4j.linux;

import com.sun.jna.LastErrorException;
import com.sun.jna.NativeLong;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A non-blocking, unbound AF_UNIX datagram socket that sends to one peer: the JDK 17 has unix-domain
 * stream channels only. Used for the systemd notify socket. Sends never block: a peer whose queue is full
 * makes {@link #send} fail with EAGAIN, so the caller (an event loop) is never held up by the receiver.
 *
 * <p>Threading: {@link #send} may be called from several threads at once (the kernel serialises datagrams
 * on one socket); {@link #close} once, after the last send.
 */
public final class UnixDatagramSocket implements AutoCloseable {

    /** {@code sun_path} in {@code struct sockaddr_un}. */
    static final int SUN_PATH_SIZE = 108;
    private static final int MSG_NOSIGNAL = 0x4000;

    /**
     * An AF_UNIX address: a file system path, or a name in the abstract namespace (which lives in a network
     * namespace, not in the file system; written {@code @name} by systemd and ss(8)).
     *
     * @param name       the path, or the abstract name without its leading NUL
     * @param isAbstract whether {@code name} is in the abstract namespace
     */
    public record Address(String name, boolean isAbstract) {

        public Address {
            int room = SUN_PATH_SIZE - 1; // a path needs its trailing NUL, an abstract name its leading one
            if (name.isEmpty()) {
                throw new IllegalArgumentException("an AF_UNIX address needs a name");
            }
            if (name.getBytes(StandardCharsets.UTF_8).length > room) {
                throw new IllegalArgumentException("AF_UNIX address longer than " + room + " bytes: " + name);
            }
            if (!isAbstract && name.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("AF_UNIX path with a NUL byte: " + name);
            }
        }

        public static Address path(String path) {
            return new Address(path, false);
        }

        public static Address abstractName(String name) {
            return new Address(name, true);
        }

        /**
         * {@code struct sockaddr_un} and the length to pass with it: the family, then the NUL-terminated path,
         * or a NUL and the abstract name, whose length is exactly the name's (abstract names are not
         * NUL-terminated, and a trailing NUL would make it another name).
         */
        byte[] encode() {
            byte[] raw = name.getBytes(StandardCharsets.UTF_8);
            ByteBuffer b = NativeBytes.host(2 + 1 + raw.length);
            b.putShort((short) Sockets.AF_UNIX);
            if (isAbstract) {
                b.put((byte) 0).put(raw);
            } else {
                b.put(raw).put((byte) 0);
            }
            return b.array();
        }

        @Override
        public String toString() {
            return isAbstract ? "@" + name : name;
        }
    }

    private final FileDescriptor fd;
    private final Address peer;
    private final byte[] sockaddr;

    private UnixDatagramSocket(FileDescriptor fd, Address peer) {
        this.fd = fd;
        this.peer = peer;
        this.sockaddr = peer.encode();
    }

    /**
     * A socket for datagrams to {@code peer}. Not connect(2)ed: each datagram is addressed by name, so a
     * peer that re-creates its socket (systemd after daemon-reexec) is found again, as sd_notify(3) does.
     */
    public static UnixDatagramSocket openTo(Address peer) throws ErrnoException {
        return new UnixDatagramSocket(Sockets.open(Sockets.AF_UNIX, Sockets.SOCK_DGRAM | Sockets.SOCK_NONBLOCK, 0,
                "AF_UNIX datagram socket to " + peer), peer);
    }

    public Address peer() {
        return peer;
    }

    /**
     * Sends one datagram to the peer. Throws EAGAIN when the peer's queue is full, ECONNREFUSED or ENOENT
     * when nobody is bound there.
     */
    public void send(byte[] datagram) throws ErrnoException {
        try {
            LibC.sendto(fd.get(), datagram, new NativeLong(datagram.length), Sockets.MSG_DONTWAIT | MSG_NOSIGNAL,
                    sockaddr, sockaddr.length);
        } catch (LastErrorException e) {
            throw Errno.check(e, fd.description() + ": sending " + datagram.length + " bytes");
        }
    }

    @Override
    public void close() {
        fd.close();
    }
}
