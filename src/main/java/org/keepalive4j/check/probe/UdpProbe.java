package org.keepalive4j.check.probe;

import java.util.concurrent.CompletableFuture;
import org.keepalive4j.config.model.check.UdpCheck;

/** PLACEHOLDER until the Udp probe lands: every attempt fails loudly. */
final class UdpProbe implements Probe {

    private final UdpCheck config;

    UdpProbe(UdpCheck config, ProbeResources resources) {
        this.config = config;
    }

    @Override
    public CompletableFuture<ProbeResult> attempt() {
        throw new UnsupportedOperationException("UdpProbe not implemented yet");
    }

    @Override
    public String describe() {
        return "Udp probe " + config.common().connectIp();
    }
}
