package org.keepalive4j.agentx;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.snmp4j.TransportStateReference;
import org.snmp4j.security.SecurityLevel;
import org.snmp4j.smi.Address;
import org.snmp4j.transport.AbstractTransportMapping;
import org.snmp4j.transport.ConnectionOrientedTransportMapping;
import org.snmp4j.transport.MessageLengthDecoder;
import org.snmp4j.transport.TransportStateEvent;
import org.snmp4j.transport.TransportStateListener;
import org.snmp4j.util.CommonTimer;

/**
 * One AgentX connection to the master over an already connected {@link SocketChannel} (unix or tcp).
 * SNMP4J has no unix socket transport, and its tcp one brings its own connect and reconnect logic; this
 * one does exactly what a subagent needs and no more: it lives for one connection and is replaced, not
 * reconnected, when the master goes away.
 *
 * <p>Threads: one I/O thread per connection owns the selector and the read side; it cuts the stream
 * into AgentX messages and hands each to the listeners (SNMP4J's dispatcher, which answers requests
 * inline on this thread). {@link #sendMessage} may be called from any thread and never blocks: it writes
 * what the socket takes now and queues the rest for the I/O thread. A master that stops reading (frozen
 * snmpd) makes the queue grow up to {@code maxWriteBacklog}; beyond that sends fail with an IOException
 * instead of buffering without bound.
 */
final class AgentXChannelTransport extends AbstractTransportMapping<MasterPeerAddress>
        implements ConnectionOrientedTransportMapping<MasterPeerAddress> {

    private static final Logger LOG = LogManager.getLogger(AgentXChannelTransport.class);
    private static final int READ_BUFFER = 64 * 1024;

    private final MasterPeerAddress peer;
    private final SocketChannel channel;
    private final AgentXFrameDecoder decoder;
    private final int maxWriteBacklog;
    private final List<TransportStateListener> stateListeners = new CopyOnWriteArrayList<>();
    private final Object writeLock = new Object();
    /** Guarded by writeLock: bytes the socket did not take yet, oldest first. */
    private final ArrayDeque<ByteBuffer> writeQueue = new ArrayDeque<>();
    private int queuedBytes;
    private volatile boolean closed;
    private volatile Thread ioThread;
    private Selector selector;
    private SelectionKey key;
    private long connectionTimeout;

    AgentXChannelTransport(MasterPeerAddress peer, SocketChannel connectedChannel, int maxMessageLength,
            int maxWriteBacklog) {
        this.peer = peer;
        this.channel = connectedChannel;
        this.decoder = new AgentXFrameDecoder(maxMessageLength);
        this.maxWriteBacklog = maxWriteBacklog;
        this.maxInboundMessageSize = maxMessageLength;
    }

    @Override
    public Class<? extends Address> getSupportedAddressClass() {
        return MasterPeerAddress.class;
    }

    @Override
    public MasterPeerAddress getListenAddress() {
        return peer;
    }

    /** Starts the I/O thread; the channel must already be connected. */
    @Override
    public synchronized void listen() throws IOException {
        if (ioThread != null) {
            return;
        }
        if (closed) {
            throw new ClosedChannelException();
        }
        channel.configureBlocking(false);
        selector = Selector.open();
        key = channel.register(selector, SelectionKey.OP_READ);
        Thread t = new Thread(this::ioLoop, "agentx-io " + peer);
        t.setDaemon(true);
        ioThread = t;
        t.start();
    }

    @Override
    public boolean isListening() {
        return ioThread != null && !closed;
    }

    @Override
    public void sendMessage(MasterPeerAddress address, byte[] message, TransportStateReference ref,
            long timeoutMillis, int maxRetries) throws IOException {
        if (closed) {
            throw new IOException("AgentX connection to " + peer + " is closed");
        }
        synchronized (writeLock) {
            ByteBuffer buf = ByteBuffer.wrap(message);
            if (writeQueue.isEmpty()) {
                // non-blocking: takes what fits in the socket buffer, usually all of it
                channel.write(buf);
            }
            if (buf.hasRemaining()) {
                if (queuedBytes + buf.remaining() > maxWriteBacklog) {
                    throw new IOException("AgentX master " + peer + " is not reading: " + queuedBytes
                            + " bytes already waiting to be written");
                }
                writeQueue.add(buf);
                queuedBytes += buf.remaining();
                try {
                    key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
                } catch (CancelledKeyException e) {
                    throw new IOException("AgentX connection to " + peer + " is closed");
                }
                selector.wakeup();
            }
        }
    }

    private void ioLoop() {
        ByteBuffer readBuffer = ByteBuffer.allocateDirect(READ_BUFFER);
        TransportStateReference ref = new TransportStateReference(this, peer, null, SecurityLevel.undefined,
                SecurityLevel.undefined, false, channel);
        try {
            while (!closed) {
                selector.select();
                // a wakeup (close, or a send that queued bytes) selects nothing; the key's ready set is
                // only current when the key itself was selected
                if (closed || !selector.selectedKeys().remove(key)) {
                    continue;
                }
                int ready = key.readyOps();
                if ((ready & SelectionKey.OP_WRITE) != 0) {
                    flushQueue();
                }
                if ((ready & SelectionKey.OP_READ) != 0) {
                    readBuffer.clear();
                    int n = channel.read(readBuffer);
                    if (n < 0) {
                        throw new IOException("master closed the connection");
                    }
                    readBuffer.flip();
                    decoder.feed(readBuffer, message -> deliver(message, ref));
                }
            }
        } catch (IOException e) {
            if (!closed) {
                lost(e);
            }
        } finally {
            closeQuietly();
        }
    }

    private void deliver(ByteBuffer message, TransportStateReference ref) {
        try {
            fireProcessMessage(peer, message, ref);
        } catch (RuntimeException e) {
            // one bad request must not end the connection (nor the thread that serves all the others)
            LOG.warn("AgentX: processing a message from {} failed: {}", peer, e.toString());
        }
    }

    private void flushQueue() throws IOException {
        synchronized (writeLock) {
            while (!writeQueue.isEmpty()) {
                ByteBuffer head = writeQueue.peek();
                int before = head.remaining();
                channel.write(head);
                queuedBytes -= before - head.remaining();
                if (head.hasRemaining()) {
                    return;
                }
                writeQueue.poll();
            }
            key.interestOps(SelectionKey.OP_READ);
        }
    }

    private void lost(IOException cause) {
        closed = true;
        TransportStateEvent event = new TransportStateEvent(this, peer,
                TransportStateEvent.STATE_DISCONNECTED_REMOTELY, cause);
        for (TransportStateListener l : stateListeners) {
            l.connectionStateChanged(event);
        }
    }

    /** Closes the connection without notifying state listeners: whoever closes it knows. Never blocks. */
    @Override
    public void close() {
        closed = true;
        closeQuietly();
    }

    private synchronized void closeQuietly() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing a socket that already failed: nothing left to release
        }
        if (selector != null) {
            // wakes the I/O thread, which sees closed and exits; the thread itself closes the selector
            selector.wakeup();
            if (Thread.currentThread() == ioThread) {
                try {
                    selector.close();
                } catch (IOException ignored) {
                    // the selector holds no resource a failed close could leak
                }
            }
        }
    }

    @Override
    public boolean close(MasterPeerAddress address) {
        if (!peer.equals(address)) {
            return false;
        }
        close();
        return true;
    }

    /** Framing is built in ({@link AgentXFrameDecoder}); a decoder set by SNMP4J is not used. */
    @Override
    public MessageLengthDecoder getMessageLengthDecoder() {
        return null;
    }

    @Override
    public void setMessageLengthDecoder(MessageLengthDecoder decoder) {
        throw new UnsupportedOperationException("AgentX framing is built into " + getClass().getSimpleName());
    }

    @Override
    public void setConnectionTimeout(long millis) {
        connectionTimeout = millis;
    }

    @Override
    public long getConnectionTimeout() {
        return connectionTimeout;
    }

    @Override
    public void addTransportStateListener(TransportStateListener l) {
        stateListeners.add(l);
    }

    @Override
    public void removeTransportStateListener(TransportStateListener l) {
        stateListeners.remove(l);
    }

    /** Idle connections are never cleaned up here: the supervisor's ping decides when one is dead. */
    @Override
    public CommonTimer getSocketCleaner() {
        return null;
    }
}
