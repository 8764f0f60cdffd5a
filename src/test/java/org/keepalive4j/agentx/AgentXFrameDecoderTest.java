package org.keepalive4j.agentx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.snmp4j.agent.agentx.AgentXNotifyPDU;
import org.snmp4j.agent.agentx.AgentXPDU;
import org.snmp4j.agent.agentx.AgentXPingPDU;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.VariableBinding;

class AgentXFrameDecoderTest {

    private static final int MAX = 1 << 20;

    @Test
    void wholeMessageInOneRead() throws IOException {
        byte[] m = message(ByteOrder.BIG_ENDIAN, 8, 1);
        assertMessages(List.of(m), feedInChunks(m, m.length));
    }

    @Test
    void littleEndianLengthIsHonoured() throws IOException {
        // 0x00000104 read big-endian would be 67,108,864 bytes: only the flag makes this decodable
        byte[] m = message(ByteOrder.LITTLE_ENDIAN, 260, 2);
        assertMessages(List.of(m), feedInChunks(m, 7));
    }

    @Test
    void headerOnlyMessage() throws IOException {
        byte[] m = message(ByteOrder.BIG_ENDIAN, 0, 3);
        assertMessages(List.of(m), feedInChunks(m, 1));
    }

    @Test
    void everySplitPointOfTwoMergedMessages() throws IOException {
        byte[] a = message(ByteOrder.BIG_ENDIAN, 12, 4);
        byte[] b = message(ByteOrder.LITTLE_ENDIAN, 40, 5);
        byte[] stream = concat(a, b);
        for (int split = 0; split <= stream.length; split++) {
            List<byte[]> out = new ArrayList<>();
            AgentXFrameDecoder d = new AgentXFrameDecoder(MAX);
            d.feed(ByteBuffer.wrap(stream, 0, split), m -> out.add(bytes(m)));
            d.feed(ByteBuffer.wrap(stream, split, stream.length - split), m -> out.add(bytes(m)));
            assertMessages(List.of(a, b), out);
            assertEquals(0, d.buffered());
        }
    }

    @Test
    void manyMessagesInRandomChunks() throws IOException {
        Random random = new Random(42);
        List<byte[]> messages = new ArrayList<>();
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        for (int i = 0; i < 500; i++) {
            byte[] m = message(random.nextBoolean() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN,
                    4 * random.nextInt(300), i);
            messages.add(m);
            stream.writeBytes(m);
        }
        byte[] all = stream.toByteArray();
        List<byte[]> out = new ArrayList<>();
        AgentXFrameDecoder d = new AgentXFrameDecoder(MAX);
        for (int pos = 0; pos < all.length; ) {
            int n = Math.min(all.length - pos, 1 + random.nextInt(5000));
            d.feed(ByteBuffer.wrap(all, pos, n), m -> out.add(bytes(m)));
            pos += n;
        }
        assertMessages(messages, out);
    }

    @Test
    void pdusEncodedBySnmp4jDecodeBack() throws IOException {
        AgentXPingPDU ping = new AgentXPingPDU((OctetString) null);
        ping.setSessionID(7);
        ping.setPacketID(11);
        AgentXNotifyPDU notify = new AgentXNotifyPDU((OctetString) null, new VariableBinding[] {
            new VariableBinding(new OID("1.3.6.1.6.3.1.1.4.1.0"), new OID("1.3.6.1.4.1.9586.100.5.2.0.1")),
            new VariableBinding(new OID("1.3.6.1.4.1.9586.100.5.1.9.0"), new OctetString("x".repeat(301)))});
        notify.setSessionID(7);
        notify.setPacketID(12);
        byte[] stream = concat(encode(ping), encode(notify));
        List<AgentXPDU> pdus = new ArrayList<>();
        AgentXFrameDecoder d = new AgentXFrameDecoder(MAX);
        for (int i = 0; i < stream.length; i += 13) {
            d.feed(ByteBuffer.wrap(stream, i, Math.min(13, stream.length - i)), m -> {
                try {
                    pdus.add(AgentXPDU.decode(m));
                } catch (IOException e) {
                    throw new AssertionError(e);
                }
            });
        }
        assertEquals(2, pdus.size());
        assertEquals(AgentXPDU.AGENTX_PING_PDU, pdus.get(0).getType());
        assertEquals(11, pdus.get(0).getPacketID());
        assertEquals(AgentXPDU.AGENTX_NOTIFY_PDU, pdus.get(1).getType());
        assertEquals(12, pdus.get(1).getPacketID());
    }

    @Test
    void absurdLengthIsACorruptStream() {
        byte[] header = message(ByteOrder.BIG_ENDIAN, 0, 1);
        ByteBuffer.wrap(header).putInt(16, MAX);
        AgentXFrameDecoder d = new AgentXFrameDecoder(MAX);
        assertThrows(IOException.class, () -> d.feed(ByteBuffer.wrap(header), m -> { }));
    }

    @Test
    void lengthNotAMultipleOfFourIsACorruptStream() {
        byte[] header = message(ByteOrder.BIG_ENDIAN, 0, 1);
        ByteBuffer.wrap(header).putInt(16, 6);
        AgentXFrameDecoder d = new AgentXFrameDecoder(MAX);
        assertThrows(IOException.class, () -> d.feed(ByteBuffer.wrap(header), m -> { }));
    }

    /** A syntactically framed message: header with the given order flag and length, payload filled with tag. */
    static byte[] message(ByteOrder order, int payloadLength, int tag) {
        ByteBuffer b = ByteBuffer.allocate(20 + payloadLength).order(order);
        b.put((byte) 1).put(AgentXPDU.AGENTX_PING_PDU).put((byte) (order == ByteOrder.BIG_ENDIAN ? 0x10 : 0))
                .put((byte) 0);
        b.putInt(1).putInt(2).putInt(tag).putInt(payloadLength);
        while (b.hasRemaining()) {
            b.put((byte) tag);
        }
        return b.array();
    }

    private static byte[] encode(AgentXPDU pdu) {
        ByteBuffer b = ByteBuffer.allocate(20 + pdu.getPayloadLength());
        pdu.encode(b);
        return Arrays.copyOf(b.array(), b.position());
    }

    private static List<byte[]> feedInChunks(byte[] stream, int chunk) throws IOException {
        List<byte[]> out = new ArrayList<>();
        AgentXFrameDecoder d = new AgentXFrameDecoder(MAX);
        for (int i = 0; i < stream.length; i += chunk) {
            d.feed(ByteBuffer.wrap(stream, i, Math.min(chunk, stream.length - i)), m -> out.add(bytes(m)));
        }
        return out;
    }

    private static byte[] bytes(ByteBuffer b) {
        byte[] a = new byte[b.remaining()];
        b.get(a);
        return a;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    private static void assertMessages(List<byte[]> expected, List<byte[]> actual) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.get(i), actual.get(i), "message " + i);
        }
    }
}
