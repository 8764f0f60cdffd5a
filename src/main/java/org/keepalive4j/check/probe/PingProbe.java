package org.keepalive4j.check.probe;

import java.net.InetAddress;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.keepalive4j.config.model.check.PingCheck;
import org.keepalive4j.linux.ErrnoException;
import org.keepalive4j.linux.IcmpSocket;
import org.keepalive4j.linux.IpFamily;

/**
 * PING_CHECK: one ICMP or ICMPv6 echo request to connect_ip; up when the matching echo reply comes back
 * within connect_timeout. Like keepalived it uses a ping socket (SOCK_DGRAM, the kernel picks the
 * identifier and delivers only our replies); where the group may not open one (keepalived widens
 * net.ipv4.ping_group_range instead, a host-wide change we do not make) it falls back to a raw socket
 * with an identifier of its own. A reply counts when it comes from the target with our sequence number
 * (and, on a raw socket, our identifier). Every attempt has a fresh socket, released when it ends; the
 * shared {@link PollLoop} waits for all of them. bindto, bind_if and fwmark are applied.
 */
final class PingProbe implements Probe {

    private static final Logger LOG = LogManager.getLogger(PingProbe.class);
    /** keepalived's echo data size. */
    static final int DATA_LENGTH = 56;
    /** Identifiers of raw-socket attempts in flight, so two probes never wait for the same replies. */
    private static final Set<Integer> RAW_IDS = ConcurrentHashMap.newKeySet();

    private final PingCheck config;
    private final ProbeResources resources;
    private final InetAddress target;
    private final boolean ipv6;
    private int sequence;
    private volatile Attempt current;

    PingProbe(PingCheck config, ProbeResources resources) {
        this.config = config;
        this.resources = resources;
        this.target = config.common().connectIp();
        this.ipv6 = IpFamily.of(target) == IpFamily.IPV6;
    }

    @Override
    public CompletableFuture<ProbeResult> attempt() {
        Attempt a = Attempt.withTimeLimit(resources.timers(), config.common().connectTimeout());
        current = a;
        sequence = (sequence + 1) & 0xffff;
        int seq = sequence;
        try {
            PollLoop loop = PollLoop.shared();
            IcmpSocket socket = openSocket();
            int id = socket.kind() == IcmpSocket.Kind.RAW ? reserveRawId(a) : 0;
            long sent = System.nanoTime();
            a.own(loop.register(socket, socket, () -> {
                try {
                    IcmpSocket.Message m;
                    while ((m = socket.receive()) != null) {
                        IcmpEcho.Reply r = IcmpEcho.reply(ipv6, m.bytes());
                        boolean ours = r != null && r.sequence() == seq && sameHost(m.source())
                                && (socket.kind() == IcmpSocket.Kind.PING || r.identifier() == id);
                        if (ours) {
                            a.finish(ProbeResult.up("echo reply in " + (System.nanoTime() - sent) / 1_000_000 + " ms"));
                        }
                    }
                } catch (ErrnoException e) {
                    a.finish(ProbeResult.down(e.getMessage()));
                }
            }));
            socket.send(target, IcmpEcho.request(ipv6, id, seq, data()));
        } catch (ErrnoException | RuntimeException e) {
            LOG.debug("{}: {}", describe(), e.toString());
            a.finish(ProbeResult.down(e.getMessage()));
        }
        return a.future();
    }

    /** A socket with bind_if, bindto and fwmark applied; closed again when one of them fails. */
    private IcmpSocket openSocket() throws ErrnoException {
        IcmpSocket socket = IcmpSocket.open(IpFamily.of(target));
        try {
            if (config.common().bindIf() != null) {
                socket.bindToDevice(config.common().bindIf());
            }
            if (config.common().bindto() != null) {
                socket.bind(config.common().bindto());
            }
            if (config.common().fwmark() != null) {
                socket.setMark(config.common().fwmark());
            }
            return socket;
        } catch (ErrnoException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    private boolean sameHost(InetAddress source) {
        // compare the bytes: a link-local source carries a scope id our configured target may lack
        return java.util.Arrays.equals(source.getAddress(), target.getAddress());
    }

    /** A random identifier no other raw-socket attempt is using, given back when the attempt ends. */
    private static int reserveRawId(Attempt a) {
        while (true) {
            int id = ThreadLocalRandom.current().nextInt(1, 0x10000);
            if (RAW_IDS.add(id)) {
                a.own(() -> RAW_IDS.remove(id));
                return id;
            }
        }
    }

    private static byte[] data() {
        byte[] d = new byte[DATA_LENGTH];
        for (int i = 0; i < d.length; i++) {
            d[i] = (byte) i;
        }
        return d;
    }

    @Override
    public String describe() {
        return "PING_CHECK " + Endpoints.format(target, null);
    }

    @Override
    public void close() {
        Attempt a = current;
        if (a != null) {
            a.finish(ProbeResult.down("probe closed"));
        }
    }
}
