package org.keepalive4j.check.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * One GET over one connection, with blocking sockets: connect, optional TLS handshake, send, read to
 * the end of the stream.
 *
 * <p>Why blocking sockets and not NIO: SSLSocket gives TLS, SNI and close_notify handling for free,
 * where SSLEngine over AsynchronousSocketChannel is several hundred lines of hand-written state machine,
 * and every step here is bounded: the request is far smaller than a socket buffer (writes never
 * block), each connect, handshake read and body read gets a timeout recomputed from the deadline, and
 * {@link #abort()} closes the socket from another thread. The caller runs it on the check engine's
 * bounded blocking pool, so a thousand slow servers cost at most that pool's threads for at most
 * connect_timeout each, and never a thread per check.
 *
 * <p>Not thread-safe except {@link #abort()}.
 */
public final class HttpFetch {

    private final FetchSpec spec;
    private final ResponseObserver observer;
    private volatile Socket socket;
    private volatile boolean aborted;

    public HttpFetch(FetchSpec spec, ResponseObserver observer) {
        this.spec = spec;
        this.observer = observer;
    }

    /** Closes the connection in flight (from any thread); {@link #run()} then ends as ABORTED. */
    public void abort() {
        aborted = true;
        Socket s = socket;
        if (s != null) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing to interrupt: nothing more to do
            }
        }
    }

    public FetchOutcome run() {
        ResponseScanner scanner = new ResponseScanner(observer, spec.bodyLimit());
        Socket plain = new Socket();
        socket = plain;
        try (plain) {
            if (aborted) {
                return failed(FetchFailure.ABORTED, null, scanner);
            }
            FetchOutcome failure = connect(plain, scanner);
            if (failure != null) {
                return failure;
            }
            Socket s = plain;
            if (spec.tls()) {
                SSLSocket tls;
                try {
                    tls = (SSLSocket) TrustAllTls.socketFactory().createSocket(plain,
                            spec.target().getAddress().getHostAddress(), spec.target().getPort(), true);
                    socket = tls;
                    SSLParameters p = tls.getSSLParameters();
                    // only the name asked for, never one derived from the address
                    List<SNIServerName> names = spec.sniName() == null
                            ? List.of() : List.of(new SNIHostName(spec.sniName()));
                    p.setServerNames(names);
                    tls.setSSLParameters(p);
                    if (!setTimeout(tls)) {
                        return failed(FetchFailure.CONNECT_TIMEOUT, null, scanner);
                    }
                    tls.startHandshake();
                } catch (SocketTimeoutException e) {
                    return failed(FetchFailure.CONNECT_TIMEOUT, null, scanner);
                } catch (IOException | IllegalArgumentException e) {
                    return failed(FetchFailure.TLS_HANDSHAKE, e.getMessage(), scanner);
                }
                s = tls;
            }
            try {
                OutputStream out = s.getOutputStream();
                out.write(spec.request());
                out.flush();
            } catch (IOException e) {
                return failed(FetchFailure.SEND_FAILED, e.getMessage(), scanner);
            }
            return read(s, scanner);
        } catch (IOException e) {
            // only close() can throw here, after the outcome was decided
            return failed(FetchFailure.READ_ERROR, e.getMessage(), scanner);
        } finally {
            socket = null;
        }
    }

    private FetchOutcome connect(Socket s, ResponseScanner scanner) {
        try {
            if (spec.bind() != null) {
                s.bind(spec.bind());
            }
        } catch (IOException e) {
            return failed(FetchFailure.CONNECT_ERROR, "bind to " + spec.bind() + ": " + e.getMessage(), scanner);
        }
        long remaining = remainingMs();
        if (remaining <= 0) {
            return failed(FetchFailure.CONNECT_TIMEOUT, null, scanner);
        }
        try {
            s.connect(spec.target(), (int) Math.min(Integer.MAX_VALUE, remaining));
            return null;
        } catch (SocketTimeoutException e) {
            return failed(FetchFailure.CONNECT_TIMEOUT, null, scanner);
        } catch (ConnectException | NoRouteToHostException e) {
            return failed(FetchFailure.CONNECT_FAILED, e.getMessage(), scanner);
        } catch (IOException e) {
            return failed(aborted ? FetchFailure.ABORTED : FetchFailure.CONNECT_FAILED, e.getMessage(), scanner);
        }
    }

    private FetchOutcome read(Socket s, ResponseScanner scanner) {
        boolean first = true;
        try {
            InputStream in = s.getInputStream();
            while (true) {
                if (!setTimeout(s)) {
                    return failed(readTimeout(first), null, scanner);
                }
                int space = scanner.readSpace();
                // a header larger than keepalived's buffer: it stops reading there too
                int n = space == 0 ? -1 : in.read(scanner.buffer(), scanner.readOffset(), space);
                if (n < 0) {
                    scanner.finish();
                    return new FetchOutcome(null, null, scanner, space != 0);
                }
                first = false;
                scanner.accept(n);
            }
        } catch (SocketTimeoutException e) {
            return failed(readTimeout(first), null, scanner);
        } catch (IOException e) {
            if (aborted) {
                return failed(FetchFailure.ABORTED, null, scanner);
            }
            if (spec.tls()) {
                // keepalived ends an SSL stream on any SSL error and judges what it has
                scanner.finish();
                return new FetchOutcome(null, e.getMessage(), scanner, false);
            }
            return failed(FetchFailure.READ_ERROR, e.getMessage(), scanner);
        }
    }

    private FetchFailure readTimeout(boolean first) {
        if (first) {
            return FetchFailure.RESPONSE_TIMEOUT;
        }
        return spec.tls() ? FetchFailure.TLS_READ_TIMEOUT : FetchFailure.READ_TIMEOUT;
    }

    /** Sets the socket timeout for the next step; false when no time is left. */
    private boolean setTimeout(Socket s) throws SocketException {
        long remaining = remainingMs();
        if (remaining <= 0) {
            return false;
        }
        s.setSoTimeout((int) Math.min(Integer.MAX_VALUE, remaining));
        return true;
    }

    private long remainingMs() {
        long op = spec.operationTimeoutMs();
        if (spec.deadlineNanos() == Long.MAX_VALUE) {
            return op;
        }
        long left = TimeUnit.NANOSECONDS.toMillis(spec.deadlineNanos() - System.nanoTime());
        return Math.min(op, left);
    }

    private FetchOutcome failed(FetchFailure f, String cause, ResponseScanner scanner) {
        scanner.finish();
        return new FetchOutcome(aborted ? FetchFailure.ABORTED : f, cause, scanner, false);
    }
}
