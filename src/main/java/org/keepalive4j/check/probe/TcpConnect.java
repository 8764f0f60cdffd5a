package org.keepalive4j.check.probe;

import java.net.InetSocketAddress;
import org.keepalive4j.config.model.check.CheckerCommon;
import org.keepalive4j.linux.Errno;
import org.keepalive4j.linux.ErrnoException;
import org.keepalive4j.linux.IpFamily;
import org.keepalive4j.linux.TcpSocket;

/**
 * The TCP connection of a TCP_CHECK or SMTP_CHECK attempt: a non-blocking connect with the checker's
 * options (bind_if, fwmark, bindto, bind_port), watched by the shared {@link PollLoop} until the
 * handshake ends; then the session takes over, on the loop's thread. A failed connect ends the attempt
 * as down; the attempt's time limit closes the socket, which ends whatever is pending.
 */
final class TcpConnect {

    /** What runs on the connection, on the loop's thread. */
    interface Session {
        void connected(TcpSocket s);

        /** Only after {@link PollLoop#watchReadable} was asked for. */
        default void readable(TcpSocket s) {
        }
    }

    private TcpConnect() {
    }

    /** @param prefix put before a connect failure's reason (SMTP names the host: "10.0.0.2:25: ") */
    static void start(Attempt a, CheckerCommon c, InetSocketAddress target, String prefix, Session session) {
        try {
            PollLoop loop = PollLoop.shared();
            TcpSocket s = open(c, target);
            try {
                // before the loop watches it: an unconnected socket polls as writable (and hung up)
                s.connect(target.getAddress(), target.getPort());
            } catch (ErrnoException | RuntimeException e) {
                s.close();
                throw e;
            }
            boolean[] connected = new boolean[1];
            a.own(loop.registerWritable(s, s, () -> {
                if (a.isFinished()) {
                    return;
                }
                try {
                    if (connected[0]) {
                        session.readable(s);
                        return;
                    }
                    int error = s.pendingError();
                    if (error != 0) {
                        a.finish(ProbeResult.down(prefix + failure(error)));
                        return;
                    }
                    connected[0] = true;
                    session.connected(s);
                } catch (ErrnoException e) {
                    a.finish(ProbeResult.down(prefix + failure(e)));
                }
            }));
        } catch (ErrnoException e) {
            a.finish(ProbeResult.down(prefix + failure(e)));
        } catch (RuntimeException e) {
            a.finish(ProbeResult.down(prefix + e));
        }
    }

    /** A socket with the options applied; closed again when one fails. */
    private static TcpSocket open(CheckerCommon c, InetSocketAddress target) throws ErrnoException {
        TcpSocket s = TcpSocket.open(IpFamily.of(target.getAddress()));
        try {
            if (c.bindIf() != null) {
                s.bindToDevice(c.bindIf());
            }
            if (c.fwmark() != null) {
                s.setMark(c.fwmark());
            }
            if (c.bindto() != null || c.bindPort() != null) {
                s.bind(c.bindto(), c.bindPort() == null ? 0 : c.bindPort());
            }
            return s;
        } catch (ErrnoException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    static String failure(ErrnoException e) {
        String short_ = shortName(e.errno());
        return short_ != null ? short_ : e.getMessage();
    }

    static String failure(int errno) {
        String short_ = shortName(errno);
        return short_ != null ? short_ : "connect failed: " + Errno.name(errno);
    }

    private static String shortName(int errno) {
        if (errno == Errno.ECONNREFUSED) {
            return "connection refused";
        }
        if (errno == Errno.EHOSTUNREACH) {
            return "no route to host";
        }
        if (errno == Errno.ENETUNREACH) {
            return "network unreachable";
        }
        if (errno == Errno.ETIMEDOUT) {
            return "connection timed out";
        }
        return null;
    }
}
