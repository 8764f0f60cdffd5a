package org.keepalive4j.check.probe;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.keepalive4j.config.model.check.CheckerCommon;
import org.keepalive4j.linux.ErrnoException;
import org.keepalive4j.linux.TcpSocket;

/**
 * One SMTP_CHECK conversation with one host, keepalived's: connect, a 220 greeting, "HELO name" answered
 * by 250, "QUIT" answered by anything. Each step runs when the shared {@link PollLoop} finds the socket
 * ready, so no thread waits; the attempt's time limit (connect_timeout for the whole conversation) closes
 * the socket, which ends whatever step is pending.
 */
final class SmtpExchange implements TcpConnect.Session {

    private enum Step { GREETING, HELO, QUIT }

    private final Attempt attempt;
    private final String helo;
    private final String host;
    private final SmtpReplyReader reader = new SmtpReplyReader();
    private final byte[] in = new byte[1024];
    private Step step = Step.GREETING;

    private SmtpExchange(Attempt attempt, String helo, String host) {
        this.attempt = attempt;
        this.helo = helo;
        this.host = host;
    }

    /** Starts the conversation; {@code attempt} ends with its outcome. */
    static void start(Attempt attempt, CheckerCommon c, String helo) {
        SmtpExchange x = new SmtpExchange(attempt, helo, Endpoints.format(c));
        InetSocketAddress target = Endpoints.target(c);
        if (target == null) {
            x.fail("no connect_port configured");
            return;
        }
        TcpConnect.start(attempt, c, target, x.host + ": ", x);
    }

    @Override
    public void connected(TcpSocket s) {
        try {
            PollLoop.shared().watchReadable(s);
        } catch (ErrnoException e) {
            fail(e.getMessage());
        }
    }

    @Override
    public void readable(TcpSocket s) {
        try {
            while (!attempt.isFinished()) {
                int n = s.read(in);
                if (n < 0) {
                    return;
                }
                if (n == 0) {
                    fail("connection closed by the server while waiting for the " + step.name() + " reply");
                    return;
                }
                int code;
                try {
                    code = reader.feed(in, 0, n);
                } catch (IllegalArgumentException e) {
                    if (step == Step.QUIT) {
                        // keepalived takes any line after QUIT as the end of a good conversation
                        replied(s, 0);
                    } else {
                        fail(e.getMessage());
                    }
                    return;
                }
                if (code >= 0) {
                    replied(s, code);
                }
            }
        } catch (ErrnoException e) {
            fail(TcpConnect.failure(e));
        }
    }

    private void replied(TcpSocket s, int code) throws ErrnoException {
        switch (step) {
            case GREETING:
                if (code != 220) {
                    fail("greeting " + code + ", expected 220");
                    return;
                }
                step = Step.HELO;
                send(s, "HELO " + helo + "\r\n");
                return;
            case HELO:
                if (code != 250) {
                    fail("HELO answered " + code + ", expected 250");
                    return;
                }
                step = Step.QUIT;
                send(s, "QUIT\r\n");
                return;
            default:
                attempt.finish(ProbeResult.up(host + ": greeting, HELO and QUIT answered"));
        }
    }

    /** A command line is far smaller than an empty send buffer, so it goes out whole or not at all. */
    private void send(TcpSocket s, String line) throws ErrnoException {
        byte[] b = line.getBytes(StandardCharsets.US_ASCII);
        if (s.write(b) != b.length) {
            fail("could not send " + line.strip().split(" ")[0]);
        }
    }

    private void fail(String why) {
        attempt.finish(ProbeResult.down(host + ": " + why));
    }
}
