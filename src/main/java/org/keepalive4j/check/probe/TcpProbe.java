package org.keepalive4j.check.probe;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.AsynchronousSocketChannel;
import java.nio.channels.CompletionHandler;
import java.util.concurrent.CompletableFuture;
import org.keepalive4j.config.model.check.TcpCheck;

/**
 * TCP_CHECK: up when a TCP connection to connect_ip:connect_port is established within connect_timeout;
 * the connection is closed at once. The connect is asynchronous (the channel group's few threads serve
 * every probe), and the time limit closes the channel, which ends a connect still in progress.
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
        Endpoints.warnUnsupportedOptions(config.common(), describe());
    }

    @Override
    public CompletableFuture<ProbeResult> attempt() {
        Attempt a = Attempt.withTimeLimit(resources.timers(), config.common().connectTimeout());
        current = a;
        if (target == null) {
            a.finish(ProbeResult.down("no connect_port configured"));
            return a.future();
        }
        try {
            AsynchronousSocketChannel ch = a.own(Endpoints.openChannel());
            InetSocketAddress local = Endpoints.local(config.common());
            if (local != null) {
                ch.bind(local);
            }
            ch.connect(target, null, new CompletionHandler<Void, Void>() {
                @Override
                public void completed(Void v, Void unused) {
                    a.finish(ProbeResult.up("connected"));
                }

                @Override
                public void failed(Throwable e, Void unused) {
                    a.finish(ProbeResult.down(Endpoints.connectFailure(e)));
                }
            });
        } catch (IOException | RuntimeException e) {
            a.finish(ProbeResult.down(Endpoints.connectFailure(e)));
        }
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
