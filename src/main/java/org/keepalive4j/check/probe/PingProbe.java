package org.keepalive4j.check.probe;

import java.util.concurrent.CompletableFuture;
import org.keepalive4j.config.model.check.PingCheck;

/** PLACEHOLDER until the Ping probe lands: every attempt fails loudly. */
final class PingProbe implements Probe {

    private final PingCheck config;

    PingProbe(PingCheck config, ProbeResources resources) {
        this.config = config;
    }

    @Override
    public CompletableFuture<ProbeResult> attempt() {
        throw new UnsupportedOperationException("PingProbe not implemented yet");
    }

    @Override
    public String describe() {
        return "Ping probe " + config.common().connectIp();
    }
}
