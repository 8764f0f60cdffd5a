package org.keepalive4j.check.probe;

import java.util.concurrent.CompletableFuture;
import org.keepalive4j.config.model.check.SmtpCheck;

/** PLACEHOLDER until the Smtp probe lands: every attempt fails loudly. */
final class SmtpProbe implements Probe {

    private final SmtpCheck config;

    SmtpProbe(SmtpCheck config, ProbeResources resources) {
        this.config = config;
    }

    @Override
    public CompletableFuture<ProbeResult> attempt() {
        throw new UnsupportedOperationException("SmtpProbe not implemented yet");
    }

    @Override
    public String describe() {
        return "Smtp probe " + config.common().connectIp();
    }
}
