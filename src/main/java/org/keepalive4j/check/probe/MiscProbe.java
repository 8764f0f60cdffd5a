package org.keepalive4j.check.probe;

import java.util.concurrent.CompletableFuture;
import org.keepalive4j.config.model.check.MiscCheck;

/** PLACEHOLDER until the Misc probe lands: every attempt fails loudly. */
final class MiscProbe implements Probe {

    private final MiscCheck config;

    MiscProbe(MiscCheck config, ProbeResources resources) {
        this.config = config;
    }

    @Override
    public CompletableFuture<ProbeResult> attempt() {
        throw new UnsupportedOperationException("MiscProbe not implemented yet");
    }

    @Override
    public String describe() {
        return "Misc probe " + config.common().connectIp();
    }
}
