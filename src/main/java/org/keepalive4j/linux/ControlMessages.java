package org.keepalive4j.linux;

import com.sun.jna.Native;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Ancillary data of sendmsg/recvmsg: a sequence of {@code struct cmsghdr { size_t cmsg_len; int
 * cmsg_level; int cmsg_type; }} each followed by its data, every item aligned to {@code sizeof(size_t)}
 * (CMSG_ALIGN).
 */
final class ControlMessages {

    /** One ancillary item. */
    record ControlMessage(int level, int type, byte[] data) {
    }

    static final int WORD = Native.SIZE_T_SIZE;
    static final int HEADER_SIZE = NativeBytes.align(WORD + 8, WORD);

    private ControlMessages() {
    }

    /** CMSG_SPACE of one item whose data is {@code dataLength} bytes. */
    static int space(int dataLength) {
        return HEADER_SIZE + NativeBytes.align(dataLength, WORD);
    }

    static byte[] encode(int level, int type, byte[] data) {
        ByteBuffer b = NativeBytes.host(space(data.length));
        putWord(b, HEADER_SIZE + data.length);
        b.putInt(level).putInt(type);
        b.position(HEADER_SIZE);
        b.put(data);
        return b.array();
    }

    static List<ControlMessage> decode(byte[] buffer, int length) {
        ByteBuffer b = NativeBytes.host(buffer);
        List<ControlMessage> items = new ArrayList<>();
        int pos = 0;
        while (pos + HEADER_SIZE <= length) {
            long itemLength = WORD == 8 ? b.getLong(pos) : Integer.toUnsignedLong(b.getInt(pos));
            if (itemLength < HEADER_SIZE || pos + itemLength > length) {
                break;
            }
            byte[] data = new byte[(int) itemLength - HEADER_SIZE];
            System.arraycopy(buffer, pos + HEADER_SIZE, data, 0, data.length);
            items.add(new ControlMessage(b.getInt(pos + WORD), b.getInt(pos + WORD + 4), data));
            pos += NativeBytes.align((int) itemLength, WORD);
        }
        return items;
    }

    private static void putWord(ByteBuffer b, long value) {
        if (WORD == 8) {
            b.putLong(value);
        } else {
            b.putInt((int) value);
        }
    }
}
