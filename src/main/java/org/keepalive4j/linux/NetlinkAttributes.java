package org.keepalive4j.linux;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Netlink attributes ({@code struct nlattr { u16 len; u16 type; }} + data, each padded to 4 bytes) as a
 * pure value: a builder for requests, including nested attributes, and a reader that keeps every attribute
 * in order (generic netlink families repeat and nest them). Integers are in host order unless a method
 * says "network order".
 */
public final class NetlinkAttributes {

    /** Set in the type of an attribute whose data are attributes again (NLA_F_NESTED). */
    public static final int NESTED = 0x8000;
    private static final int TYPE_MASK = 0x3fff;

    private NetlinkAttributes() {
    }

    /** Builds a sequence of attributes; {@link #toBytes()} is what follows a family header or a nest header. */
    public static final class Builder {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        public Builder bytes(int type, byte[] data) {
            out.writeBytes(NativeBytes.host(NetlinkMessages.ATTRIBUTE_HEADER_SIZE)
                    .putShort((short) (NetlinkMessages.ATTRIBUTE_HEADER_SIZE + data.length)).putShort((short) type)
                    .array());
            out.writeBytes(data);
            out.writeBytes(new byte[NativeBytes.align(data.length, NetlinkMessages.ALIGNMENT) - data.length]);
            return this;
        }

        public Builder u8(int type, int value) {
            return bytes(type, new byte[] {(byte) value});
        }

        public Builder u16(int type, int value) {
            return bytes(type, NativeBytes.host(2).putShort((short) value).array());
        }

        /** A 16-bit value in network byte order (ports). */
        public Builder be16(int type, int value) {
            return bytes(type, ByteBuffer.allocate(2).order(ByteOrder.BIG_ENDIAN).putShort((short) value).array());
        }

        public Builder u32(int type, long value) {
            return bytes(type, NativeBytes.int32((int) value));
        }

        /** A NUL-terminated string. */
        public Builder string(int type, String value) {
            return bytes(type, (value + "\0").getBytes(StandardCharsets.US_ASCII));
        }

        /** A nested attribute (NLA_F_NESTED set) holding {@code inner}'s attributes. */
        public Builder nested(int type, Builder inner) {
            return bytes(type | NESTED, inner.toBytes());
        }

        public byte[] toBytes() {
            return out.toByteArray();
        }
    }

    /** One attribute as read: its type without the NESTED / NET_BYTEORDER bits, and its data. */
    public record Attribute(int type, byte[] data) {

        public int u8() {
            return data[0] & 0xff;
        }

        public int u16() {
            return NativeBytes.u16(NativeBytes.host(data).getShort(0));
        }

        /** A 16-bit value in network byte order. */
        public int be16() {
            return ((data[0] & 0xff) << 8) | (data[1] & 0xff);
        }

        public long u32() {
            return NativeBytes.host(data).getInt(0) & 0xffffffffL;
        }

        public long u64() {
            return NativeBytes.host(data).getLong(0);
        }

        public String string() {
            return NetlinkMessages.string(data);
        }

        /** The attributes nested in this one. */
        public List<Attribute> nested() {
            return parse(data, 0);
        }
    }

    /** The attributes of {@code data} from {@code offset} on, in order; a malformed length ends the list. */
    public static List<Attribute> parse(byte[] data, int offset) {
        ByteBuffer b = NativeBytes.host(data);
        List<Attribute> result = new ArrayList<>();
        int pos = NativeBytes.align(offset, NetlinkMessages.ALIGNMENT);
        while (pos + NetlinkMessages.ATTRIBUTE_HEADER_SIZE <= data.length) {
            int length = NativeBytes.u16(b.getShort(pos));
            if (length < NetlinkMessages.ATTRIBUTE_HEADER_SIZE || pos + length > data.length) {
                break;
            }
            byte[] value = new byte[length - NetlinkMessages.ATTRIBUTE_HEADER_SIZE];
            System.arraycopy(data, pos + NetlinkMessages.ATTRIBUTE_HEADER_SIZE, value, 0, value.length);
            result.add(new Attribute(NativeBytes.u16(b.getShort(pos + 2)) & TYPE_MASK, value));
            pos += NativeBytes.align(length, NetlinkMessages.ALIGNMENT);
        }
        return result;
    }

    /** The first attribute of that type, or null. */
    public static Attribute find(List<Attribute> attributes, int type) {
        for (Attribute a : attributes) {
            if (a.type() == type) {
                return a;
            }
        }
        return null;
    }
}
