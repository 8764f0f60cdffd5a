package org.keepalive4j.check.probe;

import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import org.keepalive4j.config.model.check.DnsCheck;
import org.keepalive4j.linux.ErrnoException;
import org.keepalive4j.linux.UdpSocket;

/**
 * DNS_CHECK: one UDP query (random id, recursion desired) of the configured type and name to
 * connect_ip:connect_port (53 when no port is known); up when a response with our id and rcode 0 arrives
 * within connect_timeout, down on another rcode, an ICMP error or silence. Datagrams that are not our
 * response are ignored, as keepalived does, and the wait goes on. Replies are seen by the shared
 * {@link PollLoop}; bind_if, fwmark, bindto and bind_port are applied.
 */
final class DnsProbe implements Probe {

    /** Room for any UDP DNS reply without EDNS. */
    private static final int MAX_REPLY = 4096;

    private final DnsCheck config;
    private final ProbeResources resources;
    private final InetSocketAddress target;
    private volatile Attempt current;

    DnsProbe(DnsCheck config, ProbeResources resources) {
        this.config = config;
        this.resources = resources;
        Integer port = config.common().connectPort();
        this.target = new InetSocketAddress(Endpoints.scoped(config.common().connectIp(), config.common().bindIf()),
                port == null ? DnsCodec.DEFAULT_PORT : port);
        DnsCodec.query(0, config.type(), config.name()); // a bad type or name fails here, naming it
    }

    @Override
    public CompletableFuture<ProbeResult> attempt() {
        Attempt a = Attempt.withTimeLimit(resources.timers(), config.common().connectTimeout());
        current = a;
        int id = ThreadLocalRandom.current().nextInt(0x10000);
        try {
            PollLoop loop = PollLoop.shared();
            byte[] query = DnsCodec.query(id, config.type(), config.name());
            UdpSocket s = UdpSockets.open(config.common(), target);
            byte[] in = new byte[MAX_REPLY];
            a.own(loop.register(s, s, () -> readable(a, s, in, id)));
            if (s.send(query) != query.length) {
                a.finish(ProbeResult.down("query not sent whole"));
            }
        } catch (ErrnoException e) {
            a.finish(ProbeResult.down(UdpSockets.failure(e)));
        } catch (RuntimeException e) {
            a.finish(ProbeResult.down(e.toString()));
        }
        return a.future();
    }

    /** On the loop's thread: reads every pending datagram, skipping those that are not our response. */
    private void readable(Attempt a, UdpSocket s, byte[] in, int id) {
        while (true) {
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
            DnsCodec.Reply r = DnsCodec.reply(in, n, id);
            if (r.verdict() == DnsCodec.Verdict.SUCCESS) {
                a.finish(ProbeResult.up(config.type() + " " + config.name() + " answered"));
                return;
            }
            if (r.verdict() == DnsCodec.Verdict.ERROR) {
                a.finish(ProbeResult.down(config.type() + " " + config.name() + " answered with rcode " + r.rcode()));
                return;
            }
        }
    }

    @Override
    public String describe() {
        return "DNS_CHECK " + Endpoints.format(target.getAddress(), target.getPort());
    }

    @Override
    public void close() {
        Attempt a = current;
        if (a != null) {
            a.finish(ProbeResult.down("probe closed"));
        }
    }
}
