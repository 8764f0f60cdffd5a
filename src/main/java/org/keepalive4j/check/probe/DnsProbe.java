package org.keepalive4j.check.probe;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import org.keepalive4j.config.model.check.DnsCheck;

/**
 * DNS_CHECK: one UDP query (random id, recursion desired) of the configured type and name to
 * connect_ip:connect_port (53 when no port is known); up when a response with our id and rcode 0 arrives
 * within connect_timeout, down on another rcode, an ICMP error or silence. Datagrams that are not our
 * response are ignored, as keepalived does, and the wait goes on. Replies are seen by the shared
 * {@link DatagramLoop}.
 */
final class DnsProbe implements Probe {

    /** Room for any UDP DNS reply without EDNS. */
    private static final int MAX_REPLY = 4096;

    private final DnsCheck config;
    private final ProbeResources resources;
    private final InetSocketAddress target;
    private final DatagramLoop loop = DatagramLoop.shared();
    private volatile Attempt current;

    DnsProbe(DnsCheck config, ProbeResources resources) {
        this.config = config;
        this.resources = resources;
        Integer port = config.common().connectPort();
        this.target = new InetSocketAddress(Endpoints.scoped(config.common().connectIp(), config.common().bindIf()),
                port == null ? DnsCodec.DEFAULT_PORT : port);
        DnsCodec.query(0, config.type(), config.name()); // a bad type or name fails here, naming it
        Endpoints.warnUnsupportedOptions(config.common(), describe());
    }

    @Override
    public CompletableFuture<ProbeResult> attempt() {
        Attempt a = Attempt.withTimeLimit(resources.timers(), config.common().connectTimeout());
        current = a;
        int id = ThreadLocalRandom.current().nextInt(0x10000);
        try {
            DatagramChannel ch = DatagramChannel.open(UdpProbe.family(target));
            a.own(loop.closer(ch));
            ch.configureBlocking(false);
            InetSocketAddress local = Endpoints.local(config.common());
            if (local != null) {
                ch.bind(local);
            }
            ch.connect(target);
            byte[] query = DnsCodec.query(id, config.type(), config.name());
            if (ch.write(ByteBuffer.wrap(query)) != query.length) {
                a.finish(ProbeResult.down("query not sent: socket send buffer full"));
                return a.future();
            }
            ByteBuffer in = ByteBuffer.allocate(MAX_REPLY);
            loop.register(ch, c -> readable(a, c, in, id));
        } catch (IOException | RuntimeException e) {
            a.finish(ProbeResult.down(UdpProbe.failure(e)));
        }
        return a.future();
    }

    private void readable(Attempt a, DatagramChannel ch, ByteBuffer in, int id) {
        int n;
        try {
            in.clear();
            n = ch.read(in);
        } catch (IOException e) {
            a.finish(ProbeResult.down(UdpProbe.failure(e)));
            return;
        }
        if (n <= 0) {
            return;
        }
        DnsCodec.Reply r = DnsCodec.reply(in.array(), n, id);
        if (r.verdict() == DnsCodec.Verdict.SUCCESS) {
            a.finish(ProbeResult.up(config.type() + " " + config.name() + " answered"));
        } else if (r.verdict() == DnsCodec.Verdict.ERROR) {
            a.finish(ProbeResult.down(config.type() + " " + config.name() + " answered with rcode " + r.rcode()));
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
