package org.keepalive4j.linux;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Netlink wire format (linux/netlink.h, linux/rtnetlink.h), pure and testable without a kernel:
 * {@code struct nlmsghdr { u32 len; u16 type; u16 flags; u32 seq; u32 pid; }}, a family header, then
 * attributes {@code struct rtattr { u16 len; u16 type; }} + data. Messages and attributes start on 4-byte
 * boundaries (NLMSG_ALIGN, RTA_ALIGN); lengths count the header and the data but not the trailing padding.
 * All fields are in host byte order.
 */
public final class NetlinkMessages {

    public static final int HEADER_SIZE = 16;
    static final int ALIGNMENT = 4;
    static final int ATTRIBUTE_HEADER_SIZE = 4;

    public static final int NLMSG_NOOP = 1;
    public static final int NLMSG_ERROR = 2;
    public static final int NLMSG_DONE = 3;
    public static final int NLMSG_OVERRUN = 4;

    public static final int NLM_F_REQUEST = 0x1;
    public static final int NLM_F_MULTI = 0x2;
    public static final int NLM_F_ACK = 0x4;
    public static final int NLM_F_DUMP = 0x300;
    public static final int NLM_F_EXCL = 0x200;
    public static final int NLM_F_CREATE = 0x400;
    /** In an error message: only the request's header is echoed, not its payload. */
    static final int NLM_F_CAPPED = 0x100;
    /** In an error message: extended-ack attributes follow the echoed request. */
    static final int NLM_F_ACK_TLVS = 0x200;
    static final int NLMSGERR_ATTR_MSG = 1;

    public static final int RTM_NEWLINK = 16;
    public static final int RTM_DELLINK = 17;
    public static final int RTM_GETLINK = 18;
    public static final int RTM_NEWADDR = 20;
    public static final int RTM_DELADDR = 21;
    public static final int RTM_GETADDR = 22;

    private NetlinkMessages() {
    }

    /** Builds one message: the family header first, then attributes in the order added. */
    public static final class Builder {
        private final int type;
        private final int flags;
        private final ByteArrayOutputStream body = new ByteArrayOutputStream();

        public Builder(int type, int flags) {
            this.type = type;
            this.flags = flags;
        }

        /** The family header (ifaddrmsg, ifinfomsg, ...), padded to the alignment. */
        public Builder header(byte[] familyHeader) {
            body.writeBytes(familyHeader);
            pad();
            return this;
        }

        public Builder attribute(int attributeType, byte[] data) {
            body.writeBytes(NativeBytes.host(ATTRIBUTE_HEADER_SIZE)
                    .putShort((short) (ATTRIBUTE_HEADER_SIZE + data.length))
                    .putShort((short) attributeType).array());
            body.writeBytes(data);
            pad();
            return this;
        }

        /** A NUL-terminated string attribute, as IFA_LABEL and IFLA_IFNAME are. */
        public Builder attribute(int attributeType, String value) {
            return attribute(attributeType, (value + "\0").getBytes(StandardCharsets.US_ASCII));
        }

        public Builder attributeU32(int attributeType, int value) {
            return attribute(attributeType, NativeBytes.int32(value));
        }

        public byte[] build(int sequence, int portId) {
            byte[] payload = body.toByteArray();
            return NativeBytes.host(HEADER_SIZE + payload.length)
                    .putInt(HEADER_SIZE + payload.length)
                    .putShort((short) type).putShort((short) flags)
                    .putInt(sequence).putInt(portId)
                    .put(payload).array();
        }

        private void pad() {
            int size = body.size();
            body.writeBytes(new byte[NativeBytes.align(size, ALIGNMENT) - size]);
        }
    }

    /** Splits a datagram into its messages; a message whose length is impossible ends the list. */
    public static List<NetlinkMessage> parse(byte[] buffer, int length) {
        ByteBuffer b = NativeBytes.host(buffer);
        List<NetlinkMessage> messages = new ArrayList<>();
        int pos = 0;
        while (pos + HEADER_SIZE <= length) {
            int messageLength = b.getInt(pos);
            if (messageLength < HEADER_SIZE || pos + messageLength > length) {
                break;
            }
            byte[] payload = new byte[messageLength - HEADER_SIZE];
            System.arraycopy(buffer, pos + HEADER_SIZE, payload, 0, payload.length);
            messages.add(new NetlinkMessage(NativeBytes.u16(b.getShort(pos + 4)), NativeBytes.u16(b.getShort(pos + 6)),
                    b.getInt(pos + 8), b.getInt(pos + 12), payload));
            pos += NativeBytes.align(messageLength, ALIGNMENT);
        }
        return messages;
    }

    /**
     * The attributes that follow a family header of {@code familyHeaderSize} bytes; by type, the last one
     * winning (the rtnetlink messages read here never repeat a type). Nested attributes stay raw.
     */
    public static Map<Integer, byte[]> attributes(byte[] payload, int familyHeaderSize) {
        ByteBuffer b = NativeBytes.host(payload);
        Map<Integer, byte[]> attributes = new HashMap<>();
        int pos = NativeBytes.align(familyHeaderSize, ALIGNMENT);
        while (pos + ATTRIBUTE_HEADER_SIZE <= payload.length) {
            int attributeLength = NativeBytes.u16(b.getShort(pos));
            if (attributeLength < ATTRIBUTE_HEADER_SIZE || pos + attributeLength > payload.length) {
                break;
            }
            // the top bits are the NLA_F_NESTED / NLA_F_NET_BYTEORDER markers, not part of the type
            int type = NativeBytes.u16(b.getShort(pos + 2)) & 0x3fff;
            byte[] data = new byte[attributeLength - ATTRIBUTE_HEADER_SIZE];
            System.arraycopy(payload, pos + ATTRIBUTE_HEADER_SIZE, data, 0, data.length);
            attributes.put(type, data);
            pos += NativeBytes.align(attributeLength, ALIGNMENT);
        }
        return attributes;
    }

    /** A string attribute without its terminating NUL. */
    public static String string(byte[] attribute) {
        int end = 0;
        while (end < attribute.length && attribute[end] != 0) {
            end++;
        }
        return new String(attribute, 0, end, StandardCharsets.US_ASCII);
    }

    /** The errno of an NLMSG_ERROR message: 0 for an acknowledgement, positive for a failure. */
    public static int errorCode(NetlinkMessage error) {
        return -NativeBytes.host(error.payload()).getInt(0);
    }

    /** An NLMSG_ERROR as an exception: its errno, and {@code what} with the kernel's explanation if any. */
    public static ErrnoException failure(NetlinkMessage error, String what) {
        String text = errorText(error);
        return new ErrnoException(errorCode(error), text.isEmpty() ? what : what + " (" + text + ")");
    }

    /**
     * The kernel's explanation in an NLMSG_ERROR (extended ack, NETLINK_EXT_ACK), e.g. "Invalid label",
     * or an empty string. It follows the error code and the echoed request, which is only its header when
     * the CAPPED flag says so.
     */
    public static String errorText(NetlinkMessage error) {
        if ((error.flags() & NLM_F_ACK_TLVS) == 0 || error.payload().length < 4 + HEADER_SIZE) {
            return "";
        }
        int echoed = (error.flags() & NLM_F_CAPPED) != 0
                ? HEADER_SIZE
                : NativeBytes.align(NativeBytes.host(error.payload()).getInt(4), ALIGNMENT);
        byte[] text = attributes(error.payload(), 4 + echoed).get(NLMSGERR_ATTR_MSG);
        return text == null ? "" : string(text);
    }
}
