package org.keepalive4j.linux;

import java.util.ArrayList;
import java.util.List;

/**
 * A generic netlink family of the kernel (linux/genetlink.h), found by name: requests are netlink messages
 * whose type is the family's id, followed by {@code struct genlmsghdr { u8 cmd; u8 version; u16 reserved; }}
 * and attributes. The family id is asked of the controller family (GENL_ID_CTRL, CTRL_CMD_GETFAMILY); the
 * kernel loads a module that provides a missing family ("net-pf-16-proto-16-family-NAME") before it answers.
 *
 * <p>Each call sends one request and waits for the answer; the receive timeout only guards against a
 * kernel that never answers. Threading: one caller at a time. Acts in the network namespace of the thread
 * that opened it.
 */
public final class GenericNetlink implements AutoCloseable {

    public static final int HEADER_SIZE = 4;
    static final int GENL_ID_CTRL = 0x10;
    static final int CTRL_CMD_NEWFAMILY = 1;
    static final int CTRL_CMD_GETFAMILY = 3;
    static final int CTRL_ATTR_FAMILY_ID = 1;
    static final int CTRL_ATTR_FAMILY_NAME = 2;
    private static final int CTRL_VERSION = 2;
    private static final int REPLY_TIMEOUT_MILLIS = 5_000;

    private final NetlinkSocket socket;
    private final String family;
    private final int familyId;
    private final int version;
    private int sequence;

    private GenericNetlink(NetlinkSocket socket, String family, int familyId, int version) {
        this.socket = socket;
        this.family = family;
        this.familyId = familyId;
        this.version = version;
    }

    /**
     * Opens a socket for {@code family}, speaking {@code version} of its protocol.
     *
     * @throws ErrnoException ENOENT when the kernel has no such family
     */
    public static GenericNetlink open(String family, int version) throws ErrnoException {
        NetlinkSocket socket = NetlinkSocket.open(NetlinkSocket.NETLINK_GENERIC, 0, false, REPLY_TIMEOUT_MILLIS,
                "generic netlink socket (" + family + ")");
        try {
            int id = resolve(socket, family);
            return new GenericNetlink(socket, family, id, version);
        } catch (ErrnoException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /** Whether the kernel offers {@code family} (after loading its module if it can). */
    public static boolean familyExists(String family) {
        try (GenericNetlink g = open(family, 1)) {
            return true;
        } catch (ErrnoException e) {
            return false;
        }
    }

    public int familyId() {
        return familyId;
    }

    /** Sends {@code cmd} with NLM_F_ACK (plus {@code extraFlags}) and waits for its acknowledgement. */
    public void execute(int cmd, int extraFlags, byte[] attributes, String what) throws ErrnoException {
        int seq = ++sequence;
        socket.send(encode(familyId, NetlinkMessages.NLM_F_REQUEST | NetlinkMessages.NLM_F_ACK | extraFlags, seq, cmd,
                version, attributes));
        while (true) {
            for (NetlinkMessage m : replies(what)) {
                if (m.sequence() == seq && m.type() == NetlinkMessages.NLMSG_ERROR) {
                    check(m, what);
                    return;
                }
            }
        }
    }

    /** A request answered by one message; returns that message's attributes. */
    public List<NetlinkAttributes.Attribute> query(int cmd, byte[] attributes, String what) throws ErrnoException {
        int seq = ++sequence;
        socket.send(encode(familyId, NetlinkMessages.NLM_F_REQUEST, seq, cmd, version, attributes));
        while (true) {
            for (NetlinkMessage m : replies(what)) {
                if (m.sequence() != seq) {
                    continue;
                }
                if (m.type() == NetlinkMessages.NLMSG_ERROR) {
                    check(m, what);
                    continue; // an acknowledgement without data should not come; wait for the data
                }
                if (m.type() == familyId) {
                    return NetlinkAttributes.parse(m.payload(), HEADER_SIZE);
                }
            }
        }
    }

    /** A dump request (NLM_F_DUMP); returns the attributes of each message until NLMSG_DONE. */
    public List<List<NetlinkAttributes.Attribute>> dump(int cmd, byte[] attributes, String what)
            throws ErrnoException {
        int seq = ++sequence;
        socket.send(encode(familyId, NetlinkMessages.NLM_F_REQUEST | NetlinkMessages.NLM_F_DUMP, seq, cmd, version,
                attributes));
        List<List<NetlinkAttributes.Attribute>> result = new ArrayList<>();
        while (true) {
            for (NetlinkMessage m : replies(what)) {
                if (m.sequence() != seq) {
                    continue;
                }
                if (m.type() == NetlinkMessages.NLMSG_DONE) {
                    return result;
                }
                if (m.type() == NetlinkMessages.NLMSG_ERROR) {
                    check(m, what);
                } else if (m.type() == familyId) {
                    result.add(NetlinkAttributes.parse(m.payload(), HEADER_SIZE));
                }
            }
        }
    }

    @Override
    public void close() {
        socket.close();
    }

    /** One generic netlink message: nlmsghdr, genlmsghdr, attributes. */
    static byte[] encode(int familyId, int flags, int sequence, int cmd, int version, byte[] attributes) {
        byte[] genl = NativeBytes.host(HEADER_SIZE).put((byte) cmd).put((byte) version).putShort((short) 0).array();
        byte[] body = new byte[genl.length + attributes.length];
        System.arraycopy(genl, 0, body, 0, genl.length);
        System.arraycopy(attributes, 0, body, genl.length, attributes.length);
        return new NetlinkMessages.Builder(familyId, flags).header(body).build(sequence, 0);
    }

    /** CTRL_CMD_GETFAMILY for {@code name}. */
    static byte[] familyRequest(String name, int sequence) {
        return encode(GENL_ID_CTRL, NetlinkMessages.NLM_F_REQUEST, sequence, CTRL_CMD_GETFAMILY, CTRL_VERSION,
                new NetlinkAttributes.Builder().string(CTRL_ATTR_FAMILY_NAME, name).toBytes());
    }

    /** The CTRL_ATTR_FAMILY_ID of a CTRL_CMD_NEWFAMILY answer; -1 when it has none. */
    static int familyId(NetlinkMessage answer) {
        NetlinkAttributes.Attribute id = NetlinkAttributes.find(NetlinkAttributes.parse(answer.payload(), HEADER_SIZE),
                CTRL_ATTR_FAMILY_ID);
        return id == null ? -1 : id.u16();
    }

    private static int resolve(NetlinkSocket socket, String family) throws ErrnoException {
        String what = "resolving generic netlink family " + family;
        socket.send(familyRequest(family, 1));
        while (true) {
            List<NetlinkMessage> messages = socket.receive();
            if (messages == null) {
                throw new ErrnoException(Errno.ETIMEDOUT, what + ": no answer from the kernel");
            }
            for (NetlinkMessage m : messages) {
                if (m.sequence() != 1) {
                    continue;
                }
                if (m.type() == NetlinkMessages.NLMSG_ERROR) {
                    int errno = NetlinkMessages.errorCode(m);
                    throw new ErrnoException(errno == 0 ? Errno.EPROTO : errno, what);
                }
                if (m.type() == GENL_ID_CTRL) {
                    int id = familyId(m);
                    if (id < 0) {
                        throw new ErrnoException(Errno.EPROTO, what + ": the answer has no family id");
                    }
                    return id;
                }
            }
        }
    }

    private List<NetlinkMessage> replies(String what) throws ErrnoException {
        List<NetlinkMessage> messages = socket.receive();
        if (messages == null) {
            throw new ErrnoException(Errno.ETIMEDOUT, family + ": " + what + ": no answer from the kernel within "
                    + REPLY_TIMEOUT_MILLIS + " ms");
        }
        return messages;
    }

    private static void check(NetlinkMessage error, String what) throws ErrnoException {
        if (NetlinkMessages.errorCode(error) != 0) {
            throw NetlinkMessages.failure(error, what);
        }
    }
}
