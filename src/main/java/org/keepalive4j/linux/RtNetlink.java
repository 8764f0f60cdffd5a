package org.keepalive4j.linux;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Requests to the kernel's routing netlink: add and delete interface addresses, list addresses and
 * links. Each call sends one request and waits for the kernel's answer, which rtnetlink produces while
 * handling the request, so a call takes microseconds; the receive timeout only guards against a kernel
 * that never answers.
 *
 * <p>Threading: one caller at a time (the event loop). Acts in the network namespace of the thread that
 * opened it.
 */
public final class RtNetlink implements AutoCloseable {

    private static final int REPLY_TIMEOUT_MILLIS = 5_000;

    private final NetlinkSocket socket;
    private int sequence;

    private RtNetlink(NetlinkSocket socket) {
        this.socket = socket;
    }

    public static RtNetlink open() throws ErrnoException {
        return new RtNetlink(NetlinkSocket.open(0, false, REPLY_TIMEOUT_MILLIS, "rtnetlink request socket"));
    }

    /**
     * Adds the address (RTM_NEWADDR, create exclusively). Returns false when the interface has it already
     * (EEXIST), which a VRRP master taking over addresses it kept treats as success.
     */
    public boolean addAddress(InterfaceAddress address) throws ErrnoException {
        int flags = NetlinkMessages.NLM_F_REQUEST | NetlinkMessages.NLM_F_ACK | NetlinkMessages.NLM_F_CREATE
                | NetlinkMessages.NLM_F_EXCL;
        return acknowledged(address.encode(NetlinkMessages.RTM_NEWADDR, flags, ++sequence),
                "adding " + address, Errno.EEXIST);
    }

    /** Deletes the address (RTM_DELADDR). Returns false when the interface did not have it (EADDRNOTAVAIL). */
    public boolean deleteAddress(InterfaceAddress address) throws ErrnoException {
        int flags = NetlinkMessages.NLM_F_REQUEST | NetlinkMessages.NLM_F_ACK;
        return acknowledged(address.encode(NetlinkMessages.RTM_DELADDR, flags, ++sequence),
                "deleting " + address, Errno.EADDRNOTAVAIL);
    }

    /** The IPv4 and IPv6 addresses of interface {@code ifindex}, or of every interface when it is 0. */
    public List<InterfaceAddress> addresses(int ifindex) throws ErrnoException {
        byte[] ifaddrmsg = new byte[InterfaceAddress.IFADDRMSG_SIZE];
        byte[] request = new NetlinkMessages.Builder(NetlinkMessages.RTM_GETADDR,
                NetlinkMessages.NLM_F_REQUEST | NetlinkMessages.NLM_F_DUMP).header(ifaddrmsg).build(++sequence, 0);
        return dump(request, NetlinkMessages.RTM_NEWADDR, InterfaceAddress::decode, "listing addresses").stream()
                .filter(a -> ifindex == 0 || a.ifindex() == ifindex)
                .toList();
    }

    public List<Link> links() throws ErrnoException {
        byte[] request = new NetlinkMessages.Builder(NetlinkMessages.RTM_GETLINK,
                NetlinkMessages.NLM_F_REQUEST | NetlinkMessages.NLM_F_DUMP).header(Link.requestHeader(0))
                .build(++sequence, 0);
        return dump(request, NetlinkMessages.RTM_NEWLINK, Link::decode, "listing links");
    }

    /** One interface by index, with its MAC address and state; ENODEV when there is none. */
    public Link link(int index) throws ErrnoException {
        return singleLink(new NetlinkMessages.Builder(NetlinkMessages.RTM_GETLINK, NetlinkMessages.NLM_F_REQUEST)
                .header(Link.requestHeader(index)), "link " + index);
    }

    /** One interface by name; ENODEV when there is none. */
    public Link link(String name) throws ErrnoException {
        return singleLink(new NetlinkMessages.Builder(NetlinkMessages.RTM_GETLINK, NetlinkMessages.NLM_F_REQUEST)
                .header(Link.requestHeader(0)).attribute(Link.IFLA_IFNAME, name), "link " + name);
    }

    @Override
    public void close() {
        socket.close();
    }

    private Link singleLink(NetlinkMessages.Builder request, String what) throws ErrnoException {
        int seq = ++sequence;
        socket.send(request.build(seq, 0));
        while (true) {
            for (NetlinkMessage m : replies(what)) {
                if (m.sequence() != seq) {
                    continue;
                }
                if (m.type() == NetlinkMessages.NLMSG_ERROR) {
                    throw NetlinkMessages.failure(m, what);
                }
                if (m.type() == NetlinkMessages.RTM_NEWLINK) {
                    return Link.decode(m);
                }
            }
        }
    }

    /** Sends a request with NLM_F_ACK and waits for its acknowledgement. */
    private boolean acknowledged(byte[] request, String what, int benignErrno) throws ErrnoException {
        int seq = NativeBytes.host(request).getInt(8);
        socket.send(request);
        while (true) {
            for (NetlinkMessage m : replies(what)) {
                if (m.sequence() != seq || m.type() != NetlinkMessages.NLMSG_ERROR) {
                    continue;
                }
                int errno = NetlinkMessages.errorCode(m);
                if (errno == 0) {
                    return true;
                }
                if (errno == benignErrno) {
                    return false;
                }
                throw NetlinkMessages.failure(m, what);
            }
        }
    }

    private <T> List<T> dump(byte[] request, int replyType, Function<NetlinkMessage, T> decoder, String what)
            throws ErrnoException {
        int seq = NativeBytes.host(request).getInt(8);
        socket.send(request);
        List<T> result = new ArrayList<>();
        while (true) {
            for (NetlinkMessage m : replies(what)) {
                if (m.sequence() != seq) {
                    continue;
                }
                if (m.type() == NetlinkMessages.NLMSG_DONE) {
                    return result;
                }
                if (m.type() == NetlinkMessages.NLMSG_ERROR) {
                    throw NetlinkMessages.failure(m, what);
                }
                boolean otherFamily = replyType == NetlinkMessages.RTM_NEWADDR && !InterfaceAddress.isIpFamily(m);
                if (m.type() == replyType && !otherFamily) {
                    result.add(decoder.apply(m));
                }
            }
        }
    }

    private List<NetlinkMessage> replies(String what) throws ErrnoException {
        List<NetlinkMessage> messages = socket.receive();
        if (messages == null) {
            throw new ErrnoException(Errno.ETIMEDOUT, what + ": no answer from the kernel within "
                    + REPLY_TIMEOUT_MILLIS + " ms");
        }
        return messages;
    }
}
