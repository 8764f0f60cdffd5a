package org.keepalive4j.check.probe;

import java.util.concurrent.CompletableFuture;
import org.keepalive4j.config.model.check.HttpCheck;

/** PLACEHOLDER until the Http probe lands: every attempt fails loudly. */
final class HttpProbe implements Probe {

    private final HttpCheck config;

    HttpProbe(HttpCheck config, ProbeResources resources) {
        this.config = config;
    }

    @Override
    public CompletableFuture<ProbeResult> attempt() {
        throw new UnsupportedOperationException("HttpProbe not implemented yet");
    }

    @Override
    public String describe() {
        return "Http probe " + config.common().connectIp();
    }
}
