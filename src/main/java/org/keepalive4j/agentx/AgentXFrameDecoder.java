package org.keepalive4j.agentx;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.function.Consumer;

/**
 * Cuts an AgentX byte stream into whole messages (RFC 2741 section 6.1): a 20-byte header whose last
 * four bytes are the payload length, in network byte order when flag bit 0x10 of byte 2 is set and
 * little-endian otherwise. A stream read may end inside a header or a payload, or hold several
 * messages; the decoder keeps the incomplete tail for the next read. One instance per connection, used
 * by that connection's I/O thread only.
 */
final class AgentXFrameDecoder {

    static final int HEADER_LENGTH = 20;
    private static final int PAYLOAD_LENGTH_OFFSET = 16;
    private static final int FLAGS_OFFSET = 2;
    private static final int FLAG_NETWORK_BYTE_ORDER = 0x10;

    private final int maxMessageLength;
    private ByteBuffer pending;

    /** @param maxMessageLength a larger announced length is a corrupt stream, not a message to wait for */
    AgentXFrameDecoder(int maxMessageLength) {
        this.maxMessageLength = maxMessageLength;
        this.pending = ByteBuffer.allocate(Math.min(64 * 1024, maxMessageLength));
    }

    /**
     * Appends {@code input} (read from position to limit) and hands every message now complete, header
     * included, to {@code sink} as a buffer of its own.
     *
     * @throws IOException when a header announces a message longer than the maximum or a payload length
     *     that is not a multiple of 4 (AgentX payloads always are): the stream cannot be resynchronised
     */
    void feed(ByteBuffer input, Consumer<ByteBuffer> sink) throws IOException {
        ensureRoom(input.remaining());
        pending.put(input);
        pending.flip();
        try {
            while (pending.remaining() >= HEADER_LENGTH) {
                int start = pending.position();
                int length = HEADER_LENGTH + payloadLength(pending, start);
                if (pending.remaining() < length) {
                    break;
                }
                byte[] message = new byte[length];
                pending.get(message);
                sink.accept(ByteBuffer.wrap(message));
            }
        } finally {
            pending.compact();
        }
    }

    /** Bytes received that do not yet form a whole message. */
    int buffered() {
        return pending.position();
    }

    private int payloadLength(ByteBuffer buf, int start) throws IOException {
        boolean networkOrder = (buf.get(start + FLAGS_OFFSET) & FLAG_NETWORK_BYTE_ORDER) != 0;
        ByteOrder order = networkOrder ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        long payload = Integer.toUnsignedLong(buf.duplicate().order(order).getInt(start + PAYLOAD_LENGTH_OFFSET));
        if (payload % 4 != 0 || payload > maxMessageLength - HEADER_LENGTH) {
            throw new IOException("corrupt AgentX stream: header announces a payload of " + payload + " bytes");
        }
        return (int) payload;
    }

    private void ensureRoom(int incoming) {
        if (pending.remaining() >= incoming) {
            return;
        }
        int needed = pending.position() + incoming;
        ByteBuffer larger = ByteBuffer.allocate(Math.max(needed, pending.capacity() * 2));
        pending.flip();
        larger.put(pending);
        pending = larger;
    }
}
