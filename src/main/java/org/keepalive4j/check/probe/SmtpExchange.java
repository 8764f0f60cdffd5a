package org.keepalive4j.check.probe;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousSocketChannel;
import java.nio.channels.CompletionHandler;
import java.nio.charset.StandardCharsets;
import org.keepalive4j.config.model.check.CheckerCommon;

/**
 * One SMTP_CHECK conversation with one host, keepalived's: connect, a 220 greeting, "HELO name" answered
 * by 250, "QUIT" answered by anything. Each step continues from the previous one's completion handler, so
 * no thread waits; the attempt's time limit (connect_timeout for the whole conversation) closes the
 * channel, which ends whatever step is pending.
 */
final class SmtpExchange {

    private enum Step { GREETING, HELO, QUIT }

    private final Attempt attempt;
    private final String helo;
    private final String host;
    private final SmtpReplyReader reader = new SmtpReplyReader();
    private final ByteBuffer in = ByteBuffer.allocate(1024);
    private AsynchronousSocketChannel channel;
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
        try {
            x.channel = attempt.own(Endpoints.openChannel());
            InetSocketAddress local = Endpoints.local(c);
            if (local != null) {
                x.channel.bind(local);
            }
            x.channel.connect(target, null, x.handler(v -> x.read()));
        } catch (Exception e) {
            x.fail(Endpoints.connectFailure(e));
        }
    }

    private void read() {
        in.clear();
        channel.read(in, null, new CompletionHandler<Integer, Void>() {
            @Override
            public void completed(Integer n, Void unused) {
                if (n < 0) {
                    fail("connection closed by the server while waiting for the " + step.name() + " reply");
                    return;
                }
                int code;
                try {
                    code = reader.feed(in.array(), 0, n);
                } catch (IllegalArgumentException e) {
                    if (step == Step.QUIT) {
                        // keepalived takes any line after QUIT as the end of a good conversation
                        replied(0);
                    } else {
                        fail(e.getMessage());
                    }
                    return;
                }
                if (code < 0) {
                    read();
                } else {
                    replied(code);
                }
            }

            @Override
            public void failed(Throwable e, Void unused) {
                fail(Endpoints.connectFailure(e));
            }
        });
    }

    private void replied(int code) {
        switch (step) {
            case GREETING:
                if (code != 220) {
                    fail("greeting " + code + ", expected 220");
                    return;
                }
                step = Step.HELO;
                write("HELO " + helo + "\r\n");
                return;
            case HELO:
                if (code != 250) {
                    fail("HELO answered " + code + ", expected 250");
                    return;
                }
                step = Step.QUIT;
                write("QUIT\r\n");
                return;
            default:
                attempt.finish(ProbeResult.up(host + ": greeting, HELO and QUIT answered"));
        }
    }

    private void write(String line) {
        ByteBuffer out = ByteBuffer.wrap(line.getBytes(StandardCharsets.US_ASCII));
        channel.write(out, null, new CompletionHandler<Integer, Void>() {
            @Override
            public void completed(Integer n, Void unused) {
                if (out.hasRemaining()) {
                    channel.write(out, null, this);
                } else {
                    read();
                }
            }

            @Override
            public void failed(Throwable e, Void unused) {
                fail(Endpoints.connectFailure(e));
            }
        });
    }

    private void fail(String why) {
        attempt.finish(ProbeResult.down(host + ": " + why));
    }

    private interface Then<T> {
        void run(T value);
    }

    private <T> CompletionHandler<T, Void> handler(Then<T> then) {
        return new CompletionHandler<>() {
            @Override
            public void completed(T value, Void unused) {
                try {
                    then.run(value);
                } catch (RuntimeException e) {
                    fail(e.toString());
                }
            }

            @Override
            public void failed(Throwable e, Void unused) {
                fail(Endpoints.connectFailure(e));
            }
        };
    }
}
