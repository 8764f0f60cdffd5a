package org.keepalive4j.check.probe;

import java.util.concurrent.CompletableFuture;
import org.keepalive4j.config.model.check.TcpCheck;

/** PLACEHOLDER until the Tcp probe lands: every attempt fails loudly. */
final class TcpProbe implements Probe {

    private final TcpCheck config;

    TcpProbe(TcpCheck config, ProbeResources resources) {
        this.config = config;
    }

    @Override
    public CompletableFuture<ProbeResult> attempt() {
        throw new UnsupportedOperationException("TcpProbe not implemented yet");
    }

    @Override
    public String describe() {
        return "Tcp probe " + config.common().connectIp();
    }
}
