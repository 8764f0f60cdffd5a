package org.keepalive4j.check.probe;

import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import org.keepalive4j.config.model.check.TcpCheck;

/**
 * TCP_CHECK: up when a TCP connection to connect_ip:connect_port is established within connect_timeout;
 * the connection is closed at once. bind_if, fwmark, bindto and bind_port are applied. The connect is
 * non-blocking and the shared {@link PollLoop} watches it, so thousands of checks need no thread each;
 * the time limit closes the socket, which ends a connect still in progress.
 */
final class TcpProbe implements Probe {

    private final TcpCheck config;
    private final ProbeResources resources;
    private final InetSocketAddress target;
    private volatile Attempt current;

    TcpProbe(TcpCheck config, ProbeResources resources) {
        this.config = config;
        this.resources = resources;
        this.target = Endpoints.target(config.common());
    }

    @Override
    public CompletableFuture<ProbeResult> attempt() {
        Attempt a = Attempt.withTimeLimit(resources.timers(), config.common().connectTimeout());
        current = a;
        if (target == null) {
            a.finish(ProbeResult.down("no connect_port configured"));
            return a.future();
        }
        TcpConnect.start(a, config.common(), target, "", s -> a.finish(ProbeResult.up("connected")));
        return a.future();
    }

    @Override
    public String describe() {
        return "TCP_CHECK " + Endpoints.format(config.common());
    }

    @Override
    public void close() {
        Attempt a = current;
        if (a != null) {
            a.finish(ProbeResult.down("probe closed"));
        }
    }
}
