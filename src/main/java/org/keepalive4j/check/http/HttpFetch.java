package org.keepalive4j.check.http;

import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.AsynchronousSocketChannel;
import java.nio.channels.CompletionHandler;
import java.nio.channels.InterruptedByTimeoutException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;

/**
 * One GET over one connection, asynchronously: connect, optional TLS handshake, send, read to the end
 * of the stream, then the returned future completes with the {@link FetchOutcome}. No thread waits on
 * a socket: every step is an {@link AsynchronousSocketChannel} operation whose completion handler
 * (on {@link HttpChannels}' two threads) starts the next, so a thousand slow servers cost a thousand
 * sockets, not a thousand threads, and a slow server never delays the check of another.
 *
 * <p>TLS is an {@link SSLEngine} driven by hand (wrap/unwrap over the same channel). Time limits: each
 * step gets {@code min(operationTimeout, what is left until the deadline)}; connect has no timeout of
 * its own in NIO, so a timer closes the channel when it runs out.
 *
 * <p>The steps run one after another (never two operations in flight), each handler starting the next,
 * so the state below is only touched by one thread at a time; {@link #abort()} may come from any thread.
 */
public final class HttpFetch {

    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);

    private final FetchSpec spec;
    private final ResponseScanner scanner;
    private final ScheduledExecutorService timers;
    private final CompletableFuture<FetchOutcome> result = new CompletableFuture<>();
    private AsynchronousSocketChannel channel;
    private volatile boolean aborted;
    private volatile boolean connectTimedOut;
    private SSLEngine engine;
    private ByteBuffer netIn;
    private ByteBuffer netOut;
    private ByteBuffer appIn;
    /** Nothing has come back since the request went out. */
    private boolean awaitingFirstByte = true;

    public HttpFetch(FetchSpec spec, ResponseObserver observer, ScheduledExecutorService timers) {
        this.spec = spec;
        this.scanner = new ResponseScanner(observer, spec.bodyLimit());
        this.timers = timers;
    }

    /** Starts the exchange; the future never completes exceptionally. */
    public CompletableFuture<FetchOutcome> start() {
        try {
            channel = AsynchronousSocketChannel.open(HttpChannels.group());
        } catch (IOException e) {
            return done(FetchFailure.CONNECT_ERROR, "cannot open a socket: " + e.getMessage());
        }
        result.whenComplete((o, e) -> closeQuietly());
        try {
            // the TLS Finished and the request are two small writes: with Nagle the request waits for
            // the server's delayed ACK of the first (40 ms on Linux), a pause in every SSL_GET
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        } catch (IOException e) {
            return done(FetchFailure.CONNECT_ERROR, "cannot set TCP_NODELAY: " + e.getMessage());
        }
        if (spec.bind() != null) {
            try {
                channel.bind(spec.bind());
            } catch (IOException e) {
                return done(FetchFailure.CONNECT_ERROR, "bind to " + spec.bind() + ": " + e.getMessage());
            }
        }
        long ms = remainingMs();
        if (ms <= 0) {
            return done(FetchFailure.CONNECT_TIMEOUT, null);
        }
        ScheduledFuture<?> limit = timers.schedule(() -> {
            connectTimedOut = true;
            closeQuietly();
        }, ms, TimeUnit.MILLISECONDS);
        try {
            channel.connect(spec.target(), null, handler(v -> {
                limit.cancel(false);
                if (connectTimedOut) {
                    // connected just as the time ran out: the timer has closed the channel
                    done(FetchFailure.CONNECT_TIMEOUT, null);
                    return;
                }
                connected();
            }, e -> {
                limit.cancel(false);
                if (connectTimedOut) {
                    done(FetchFailure.CONNECT_TIMEOUT, null);
                } else {
                    // refused, unreachable, reset: keepalived's connect_fail, "Connection failed"
                    done(FetchFailure.CONNECT_FAILED, e.getMessage());
                }
            }));
        } catch (RuntimeException e) {
            limit.cancel(false);
            done(FetchFailure.CONNECT_ERROR, e.toString());
        }
        return result;
    }

    /** Closes the connection in flight (from any thread); the outcome is then ABORTED. */
    public void abort() {
        aborted = true;
        closeQuietly();
        done(FetchFailure.ABORTED, null);
    }

    private void connected() {
        if (!spec.tls()) {
            send(ByteBuffer.wrap(spec.request()));
            return;
        }
        try {
            // no peer host/port: the engine can never resume a cached session
            engine = TrustAllTls.context().createSSLEngine();
            engine.setUseClientMode(true);
            SSLParameters p = engine.getSSLParameters();
            // only the name asked for, never one derived from the address
            List<SNIServerName> names = spec.sniName() == null ? List.of() : List.of(new SNIHostName(spec.sniName()));
            p.setServerNames(names);
            engine.setSSLParameters(p);
            netIn = ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
            netOut = ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
            appIn = ByteBuffer.allocate(engine.getSession().getApplicationBufferSize());
            engine.beginHandshake();
        } catch (SSLException | IllegalArgumentException e) {
            done(FetchFailure.TLS_HANDSHAKE, e.getMessage());
            return;
        }
        handshake();
    }

    /** One step of the TLS handshake; calls itself (through I/O completions) until it is over. */
    private void handshake() {
        try {
            while (true) {
                SSLEngineResult.HandshakeStatus hs = engine.getHandshakeStatus();
                if (hs == SSLEngineResult.HandshakeStatus.NEED_TASK) {
                    runTasks();
                } else if (hs == SSLEngineResult.HandshakeStatus.NEED_WRAP) {
                    netOut.clear();
                    engine.wrap(EMPTY, netOut);
                    netOut.flip();
                    writeAll(netOut, this::handshake, FetchFailure.TLS_HANDSHAKE);
                    return;
                } else if (hs == SSLEngineResult.HandshakeStatus.NEED_UNWRAP
                        || hs == SSLEngineResult.HandshakeStatus.NEED_UNWRAP_AGAIN) {
                    netIn.flip();
                    SSLEngineResult r = engine.unwrap(netIn, appIn);
                    netIn.compact();
                    if (r.getStatus() == SSLEngineResult.Status.BUFFER_UNDERFLOW) {
                        readNet(n -> {
                            if (n < 0) {
                                done(FetchFailure.TLS_HANDSHAKE, "connection closed during the handshake");
                            } else {
                                handshake();
                            }
                        }, () -> done(FetchFailure.CONNECT_TIMEOUT, null), FetchFailure.TLS_HANDSHAKE);
                        return;
                    }
                    if (r.getStatus() == SSLEngineResult.Status.CLOSED) {
                        done(FetchFailure.TLS_HANDSHAKE, "the server closed the TLS session");
                        return;
                    }
                } else {
                    // FINISHED / NOT_HANDSHAKING
                    sendTls();
                    return;
                }
            }
        } catch (SSLException | RuntimeException e) {
            done(FetchFailure.TLS_HANDSHAKE, e.getMessage());
        }
    }

    private void runTasks() {
        Runnable task;
        while ((task = engine.getDelegatedTask()) != null) {
            // certificate parsing and key agreement: short CPU work, no I/O
            task.run();
        }
    }

    private void sendTls() throws SSLException {
        ByteBuffer request = ByteBuffer.wrap(spec.request());
        ByteBuffer out = ByteBuffer.allocate(engine.getSession().getPacketBufferSize() * 2);
        while (request.hasRemaining()) {
            if (out.remaining() < engine.getSession().getPacketBufferSize()) {
                ByteBuffer bigger = ByteBuffer.allocate(out.capacity() * 2);
                out.flip();
                bigger.put(out);
                out = bigger;
            }
            engine.wrap(request, out);
        }
        out.flip();
        send(out);
    }

    private void send(ByteBuffer bytes) {
        writeAll(bytes, this::readResponse, FetchFailure.SEND_FAILED);
    }

    private void writeAll(ByteBuffer bytes, Runnable then, FetchFailure onError) {
        long ms = remainingMs();
        if (ms <= 0) {
            done(spec.tls() && onError == FetchFailure.TLS_HANDSHAKE ? FetchFailure.CONNECT_TIMEOUT
                    : FetchFailure.SEND_FAILED, "no time left to send");
            return;
        }
        channel.write(bytes, ms, TimeUnit.MILLISECONDS, null, handler(n -> {
            if (bytes.hasRemaining()) {
                writeAll(bytes, then, onError);
            } else {
                then.run();
            }
        }, e -> done(onError, e.getMessage())));
    }

    private void readResponse() {
        if (spec.tls()) {
            readTls();
        } else {
            readPlain();
        }
    }

    private void readPlain() {
        int space = scanner.readSpace();
        if (space == 0) {
            // a header larger than keepalived's buffer: it stops reading there too
            finish(false);
            return;
        }
        ByteBuffer into = ByteBuffer.wrap(scanner.buffer(), scanner.readOffset(), space);
        readInto(into, n -> {
            if (n < 0) {
                finish(true);
                return;
            }
            awaitingFirstByte = false;
            scanner.accept(n);
            readPlain();
        }, FetchFailure.READ_ERROR);
    }

    /** Unwraps what is buffered, hands the plain bytes to the scanner, reads more until the end. */
    private void readTls() {
        try {
            while (true) {
                netIn.flip();
                appIn.clear();
                SSLEngineResult r = engine.unwrap(netIn, appIn);
                netIn.compact();
                if (engine.getHandshakeStatus() == SSLEngineResult.HandshakeStatus.NEED_TASK) {
                    runTasks();
                }
                appIn.flip();
                if (appIn.hasRemaining()) {
                    scanner.feed(appIn.array(), appIn.position(), appIn.remaining());
                    if (!scanner.headerSeen() && scanner.readSpace() == 0) {
                        finish(false);
                        return;
                    }
                }
                SSLEngineResult.Status st = r.getStatus();
                if (st == SSLEngineResult.Status.CLOSED) {
                    // close_notify: the server ended the stream in order
                    finish(true);
                    return;
                }
                if (st == SSLEngineResult.Status.BUFFER_OVERFLOW) {
                    appIn = ByteBuffer.allocate(appIn.capacity() * 2);
                    continue;
                }
                if (st == SSLEngineResult.Status.OK && r.bytesConsumed() == 0 && r.bytesProduced() == 0
                        && engine.getHandshakeStatus() == SSLEngineResult.HandshakeStatus.NEED_WRAP) {
                    // the server asked for an answer (a TLS 1.3 key update): send it, then read on
                    netOut.clear();
                    engine.wrap(EMPTY, netOut);
                    netOut.flip();
                    writeAll(netOut, this::readTls, FetchFailure.READ_ERROR);
                    return;
                }
                if (st == SSLEngineResult.Status.BUFFER_UNDERFLOW
                        || (r.bytesConsumed() == 0 && r.bytesProduced() == 0)) {
                    if (netIn.remaining() == 0) {
                        netIn = grow(netIn);
                    }
                    readNet(n -> {
                        if (n < 0) {
                            // TCP end without close_notify: keepalived judges what it has
                            finish(false);
                        } else {
                            awaitingFirstByte = false;
                            readTls();
                        }
                    }, () -> done(awaitingFirstByte ? FetchFailure.RESPONSE_TIMEOUT : FetchFailure.TLS_READ_TIMEOUT,
                            null), null);
                    return;
                }
            }
        } catch (SSLException e) {
            // keepalived ends an SSL stream on any SSL error and judges what it has
            finish(false);
        }
    }

    private static ByteBuffer grow(ByteBuffer b) {
        ByteBuffer bigger = ByteBuffer.allocate(b.capacity() * 2);
        b.flip();
        bigger.put(b);
        return bigger;
    }

    /** Reads into netIn (TLS). onTimeout runs on a timeout; a read error fails with onError (null: ends). */
    private void readNet(IntConsumer then, Runnable onTimeout, FetchFailure onError) {
        long ms = remainingMs();
        if (ms <= 0) {
            onTimeout.run();
            return;
        }
        channel.read(netIn, ms, TimeUnit.MILLISECONDS, null, handler(then::accept, e -> {
            if (e instanceof InterruptedByTimeoutException) {
                onTimeout.run();
            } else if (onError == null) {
                finish(false);
            } else {
                done(onError, e.getMessage());
            }
        }));
    }

    /** Reads plain bytes. */
    private void readInto(ByteBuffer into, IntConsumer then, FetchFailure onError) {
        long ms = remainingMs();
        if (ms <= 0) {
            done(readTimeout(), null);
            return;
        }
        channel.read(into, ms, TimeUnit.MILLISECONDS, null, handler(then::accept, e -> {
            if (e instanceof InterruptedByTimeoutException) {
                done(readTimeout(), null);
            } else {
                done(onError, e.getMessage());
            }
        }));
    }

    private FetchFailure readTimeout() {
        return awaitingFirstByte ? FetchFailure.RESPONSE_TIMEOUT
                : spec.tls() ? FetchFailure.TLS_READ_TIMEOUT : FetchFailure.READ_TIMEOUT;
    }

    private void finish(boolean cleanEnd) {
        scanner.finish();
        result.complete(new FetchOutcome(null, null, scanner, cleanEnd));
    }

    private CompletableFuture<FetchOutcome> done(FetchFailure f, String cause) {
        scanner.finish();
        result.complete(new FetchOutcome(aborted ? FetchFailure.ABORTED : f, cause, scanner, false));
        return result;
    }

    private long remainingMs() {
        long op = spec.operationTimeoutMs();
        if (spec.deadlineNanos() == Long.MAX_VALUE) {
            return op;
        }
        return Math.min(op, TimeUnit.NANOSECONDS.toMillis(spec.deadlineNanos() - System.nanoTime()));
    }

    private void closeQuietly() {
        AsynchronousSocketChannel c = channel;
        if (c != null) {
            try {
                c.close();
            } catch (IOException ignored) {
                // closing to end the exchange: nothing more to do
            }
        }
    }

    @FunctionalInterface
    private interface Failure {
        void failed(Throwable e);
    }

    /**
     * A completion handler from two lambdas. A close from abort() or a timer surfaces as an
     * AsynchronousCloseException; by then the outcome is already decided (complete() keeps the first).
     */
    private <V> CompletionHandler<V, Void> handler(Consumer<V> ok, Failure failed) {
        return new CompletionHandler<>() {
            @Override
            public void completed(V v, Void a) {
                if (result.isDone()) {
                    return;
                }
                try {
                    ok.accept(v);
                } catch (RuntimeException e) {
                    done(FetchFailure.READ_ERROR, "internal error: " + e);
                }
            }

            @Override
            public void failed(Throwable e, Void a) {
                if (result.isDone()) {
                    return;
                }
                if (e instanceof AsynchronousCloseException && aborted) {
                    done(FetchFailure.ABORTED, null);
                    return;
                }
                failed.failed(e);
            }
        };
    }
}
