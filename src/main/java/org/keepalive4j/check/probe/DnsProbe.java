package org.keepalive4j.check.probe;

import java.util.concurrent.CompletableFuture;
import org.keepalive4j.config.model.check.DnsCheck;

/** PLACEHOLDER until the Dns probe lands: every attempt fails loudly. */
final class DnsProbe implements Probe {

    private final DnsCheck config;

    DnsProbe(DnsCheck config, ProbeResources resources) {
        this.config = config;
    }

    @Override
    public CompletableFuture<ProbeResult> attempt() {
        throw new UnsupportedOperationException("DnsProbe not implemented yet");
    }

    @Override
    public String describe() {
        return "Dns probe " + config.common().connectIp();
    }
}
