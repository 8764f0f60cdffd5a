package org.keepalive4j.agentx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snmp4j.TransportMapping;
import org.snmp4j.TransportStateReference;
import org.snmp4j.smi.Address;
import org.snmp4j.transport.TransportListener;
import org.snmp4j.transport.TransportStateEvent;

/** The transport over a real unix socket pair, with this test as the master. */
class AgentXChannelTransportTest {

    @TempDir
    Path dir;

    private ServerSocketChannel server;
    private SocketChannel master;
    private AgentXChannelTransport transport;
    private final BlockingQueue<byte[]> received = new LinkedBlockingQueue<>();
    private final BlockingQueue<TransportStateEvent> events = new LinkedBlockingQueue<>();

    @BeforeEach
    void connect() throws IOException {
        UnixDomainSocketAddress address = UnixDomainSocketAddress.of(dir.resolve("agentx"));
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX).bind(address);
        MasterAddress m = MasterAddress.unix(address.getPath().toString());
        SocketChannel client = m.openChannel();
        client.connect(m.socketAddress());
        master = server.accept();
        transport = new AgentXChannelTransport(new MasterPeerAddress(m), client, 1 << 20, 64 * 1024);
        transport.addTransportListener(new TransportListener() {
            @Override
            public <A extends Address> void processMessage(TransportMapping<? super A> source, A address,
                    ByteBuffer message, TransportStateReference ref) {
                byte[] b = new byte[message.remaining()];
                message.get(b);
                received.add(b);
            }
        });
        transport.addTransportStateListener(events::add);
        transport.listen();
    }

    @AfterEach
    void close() throws IOException {
        transport.close();
        master.close();
        server.close();
    }

    @Test
    void mergedAndSplitMessagesArriveWhole() throws Exception {
        byte[] a = AgentXFrameDecoderTest.message(ByteOrder.BIG_ENDIAN, 8, 1);
        byte[] b = AgentXFrameDecoderTest.message(ByteOrder.LITTLE_ENDIAN, 16, 2);
        byte[] c = AgentXFrameDecoderTest.message(ByteOrder.BIG_ENDIAN, 100_000, 3);
        ByteBuffer merged = ByteBuffer.allocate(a.length + b.length + 10);
        merged.put(a).put(b).put(c, 0, 10).flip();
        write(merged);
        assertArrayEquals(a, next());
        assertArrayEquals(b, next());
        Thread.sleep(50);
        assertTrue(received.isEmpty(), "a partial message is held back");
        write(ByteBuffer.wrap(c, 10, c.length - 10));
        assertArrayEquals(c, next());
    }

    @Test
    void sentBytesReachTheMaster() throws Exception {
        byte[] m = AgentXFrameDecoderTest.message(ByteOrder.BIG_ENDIAN, 40, 9);
        transport.sendMessage(transport.getListenAddress(), m, null, 0, 0);
        ByteBuffer in = ByteBuffer.allocate(m.length);
        while (in.hasRemaining()) {
            master.read(in);
        }
        assertArrayEquals(m, in.array());
    }

    @Test
    void aMasterThatStopsReadingMakesSendsFailInsteadOfBlocking() throws Exception {
        byte[] big = new byte[32 * 1024];
        long t0 = System.nanoTime();
        IOException e = assertThrows(IOException.class, () -> {
            for (int i = 0; i < 10_000; i++) {
                transport.sendMessage(transport.getListenAddress(), big, null, 0, 0);
            }
        });
        assertTrue(e.getMessage().contains("not reading"), e.getMessage());
        assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(2));
    }

    @Test
    void masterClosingIsReportedOnce() throws Exception {
        master.close();
        TransportStateEvent event = events.poll(5, TimeUnit.SECONDS);
        assertEquals(TransportStateEvent.STATE_DISCONNECTED_REMOTELY, event.getNewState());
        assertFalse(transport.isListening());
        assertThrows(IOException.class, () -> transport.sendMessage(transport.getListenAddress(), new byte[20], null, 0, 0));
        Thread.sleep(50);
        assertTrue(events.isEmpty());
    }

    @Test
    void localCloseIsQuietAndEndsTheIoThread() throws Exception {
        transport.close();
        AgentXTesting.await(() -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().equals("agentx-io " + transport.getListenAddress())),
                Duration.ofSeconds(2), "I/O thread gone");
        assertTrue(events.isEmpty(), "a close we asked for is no loss to report: " + List.copyOf(events));
    }

    private void write(ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            master.write(b);
        }
    }

    private byte[] next() throws InterruptedException {
        byte[] m = received.poll(5, TimeUnit.SECONDS);
        if (m == null) {
            throw new AssertionError("no message");
        }
        return m;
    }
}
