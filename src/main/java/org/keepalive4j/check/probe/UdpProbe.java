package org.keepalive4j.check.probe;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.ProtocolFamily;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import org.keepalive4j.config.model.check.UdpCheck;

/**
 * UDP_CHECK, keepalived's rule: send the payload (32 random bytes when none is configured) on a connected
 * socket; an ICMP error (port or host unreachable) is down. Without require_reply, silence until
 * connect_timeout is up, and so is any reply. With require_reply, a reply must come within
 * connect_timeout, and when a reply pattern is configured it must match it and have a length within
 * min..max_reply_length (keepalived checks the lengths only together with a pattern). Replies and ICMP
 * errors are seen by the shared {@link DatagramLoop}.
 */
final class UdpProbe implements Probe {

    static final int RANDOM_PAYLOAD_LENGTH = 32;

    private final UdpCheck config;
    private final ProbeResources resources;
    private final InetSocketAddress target;
    private final byte[] payload;
    private final UdpReplyPattern pattern;
    private final DatagramLoop loop = DatagramLoop.shared();
    private volatile Attempt current;

    UdpProbe(UdpCheck config, ProbeResources resources) {
        this.config = config;
        this.resources = resources;
        this.target = Endpoints.target(config.common());
        this.payload = config.payload() == null ? null : UdpReplyPattern.bytes(config.payload());
        this.pattern = config.requireReply() && config.replyPattern() != null
                ? UdpReplyPattern.parse(config.replyPattern()) : null;
        Endpoints.warnUnsupportedOptions(config.common(), describe());
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
            DatagramChannel ch = DatagramChannel.open(family(target));
            a.own(loop.closer(ch));
            ch.configureBlocking(false);
            InetSocketAddress local = Endpoints.local(config.common());
            if (local != null) {
                ch.bind(local);
            }
            ch.connect(target);
            byte[] data = payload != null ? payload : randomPayload();
            if (ch.write(ByteBuffer.wrap(data)) != data.length) {
                a.finish(ProbeResult.down("datagram not sent: socket send buffer full"));
                return a.future();
            }
            ByteBuffer in = ByteBuffer.allocate(config.requireReply() ? config.maxReplyLength() + 1 : 1);
            loop.register(ch, c -> readable(a, c, in));
        } catch (IOException | RuntimeException e) {
            a.finish(ProbeResult.down(failure(e)));
        }
        return a.future();
    }

    /** On the loop's thread: a datagram or an ICMP error is waiting. */
    private void readable(Attempt a, DatagramChannel ch, ByteBuffer in) {
        int n;
        try {
            in.clear();
            n = ch.read(in);
        } catch (IOException e) {
            a.finish(ProbeResult.down(failure(e)));
            return;
        }
        if (n <= 0) {
            return;
        }
        if (pattern == null) {
            a.finish(ProbeResult.up("reply of " + n + " bytes"));
            return;
        }
        String mismatch = pattern.mismatch(in.array(), n, config.minReplyLength(), config.maxReplyLength());
        a.finish(mismatch == null ? ProbeResult.up("reply of " + n + " bytes matches") : ProbeResult.down(mismatch));
    }

    static String failure(Throwable e) {
        if (e instanceof PortUnreachableException) {
            return "port unreachable (ICMP)";
        }
        return Endpoints.connectFailure(e);
    }

    static ProtocolFamily family(InetSocketAddress target) {
        return target.getAddress() instanceof Inet4Address ? StandardProtocolFamily.INET : StandardProtocolFamily.INET6;
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
