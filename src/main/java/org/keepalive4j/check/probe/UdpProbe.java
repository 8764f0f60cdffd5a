package org.keepalive4j.check.probe;

import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import org.keepalive4j.config.model.check.UdpCheck;
import org.keepalive4j.linux.ErrnoException;
import org.keepalive4j.linux.UdpSocket;

/**
 * UDP_CHECK, keepalived's rule: send the payload (32 random bytes when none is configured) on a connected
 * socket that reports ICMP errors (IP_RECVERR, as keepalived sets it); an ICMP error (port or host
 * unreachable) is down. Without require_reply, silence until connect_timeout is up, and so is any reply.
 * With require_reply, a reply must come within connect_timeout, and when a reply pattern is configured it
 * must match it and have a length within min..max_reply_length (keepalived checks the lengths only
 * together with a pattern). Replies and errors are seen by the shared {@link PollLoop}.
 */
final class UdpProbe implements Probe {

    static final int RANDOM_PAYLOAD_LENGTH = 32;

    private final UdpCheck config;
    private final ProbeResources resources;
    private final InetSocketAddress target;
    private final byte[] payload;
    private final UdpReplyPattern pattern;
    private volatile Attempt current;

    UdpProbe(UdpCheck config, ProbeResources resources) {
        this.config = config;
        this.resources = resources;
        this.target = Endpoints.target(config.common());
        this.payload = config.payload() == null ? null : UdpReplyPattern.bytes(config.payload());
        this.pattern = config.requireReply() && config.replyPattern() != null
                ? UdpReplyPattern.parse(config.replyPattern()) : null;
    }

    @Override
    public CompletableFuture<ProbeResult> attempt() {
        long ms = config.common().connectTimeout().toMillis();
        ProbeResult silence = config.requireReply() ? ProbeResult.down("no reply within " + ms + " ms")
                : ProbeResult.up("no ICMP error within " + ms + " ms");
        Attempt a = Attempt.withTimeLimit(resources.timers(), config.common().connectTimeout(), silence);
        current = a;
        if (target == null) {
            a.finish(ProbeResult.down("no connect_port configured"));
            return a.future();
        }
        try {
            PollLoop loop = PollLoop.shared();
            UdpSocket s = UdpSockets.open(config.common(), target);
            byte[] in = new byte[config.requireReply() ? config.maxReplyLength() + 1 : 1];
            a.own(loop.register(s, s, () -> readable(a, s, in)));
            byte[] data = payload != null ? payload : randomPayload();
            if (s.send(data) != data.length) {
                a.finish(ProbeResult.down("datagram not sent whole"));
            }
        } catch (ErrnoException e) {
            a.finish(ProbeResult.down(UdpSockets.failure(e)));
        } catch (RuntimeException e) {
            a.finish(ProbeResult.down(e.toString()));
        }
        return a.future();
    }

    /** On the loop's thread: a datagram or an ICMP error is waiting. */
    private void readable(Attempt a, UdpSocket s, byte[] in) {
        int n;
        try {
            n = s.receive(in);
        } catch (ErrnoException e) {
            a.finish(ProbeResult.down(UdpSockets.failure(e)));
            return;
        }
        if (n < 0) {
            return;
        }
        if (pattern == null) {
            a.finish(ProbeResult.up("reply of " + n + " bytes"));
            return;
        }
        String mismatch = pattern.mismatch(in, n, config.minReplyLength(), config.maxReplyLength());
        a.finish(mismatch == null ? ProbeResult.up("reply of " + n + " bytes matches") : ProbeResult.down(mismatch));
    }

    private static byte[] randomPayload() {
        byte[] b = new byte[RANDOM_PAYLOAD_LENGTH];
        ThreadLocalRandom.current().nextBytes(b);
        return b;
    }

    @Override
    public String describe() {
        return "UDP_CHECK " + Endpoints.format(config.common());
    }

    @Override
    public void close() {
        Attempt a = current;
        if (a != null) {
            a.finish(ProbeResult.down("probe closed"));
        }
    }
}
