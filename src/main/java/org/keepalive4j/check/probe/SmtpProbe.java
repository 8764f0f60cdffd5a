package org.keepalive4j.check.probe;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.keepalive4j.config.model.check.CheckerCommon;
import org.keepalive4j.config.model.check.SmtpCheck;

/**
 * SMTP_CHECK: an {@link SmtpExchange} with the checker's own address and, at the same time, with every
 * (deprecated) host block; keepalived makes each host block a checker of its own on the same real server,
 * so the server is up only when every one of them passes. Each conversation has its own connect_timeout
 * for the whole exchange (keepalived applies it to each read and write; one limit for the whole keeps
 * the attempt's promise to end within connect_timeout), and its own connection options.
 */
final class SmtpProbe implements Probe {

    private final SmtpCheck config;
    private final ProbeResources resources;
    private final List<CheckerCommon> targets = new ArrayList<>();
    private volatile List<Attempt> current = List.of();

    SmtpProbe(SmtpCheck config, ProbeResources resources) {
        this.config = config;
        this.resources = resources;
        targets.add(config.common());
        targets.addAll(config.hosts());
    }

    @Override
    public CompletableFuture<ProbeResult> attempt() {
        List<Attempt> attempts = new ArrayList<>();
        for (CheckerCommon c : targets) {
            Attempt a = Attempt.withTimeLimit(resources.timers(), c.connectTimeout(),
                    Endpoints.format(c) + ": timeout after " + c.connectTimeout().toMillis() + " ms");
            attempts.add(a);
            SmtpExchange.start(a, c, config.heloName());
        }
        current = attempts;
        CompletableFuture<ProbeResult> result = new CompletableFuture<>();
        for (Attempt a : attempts) {
            // the first host to fail decides; the others are abandoned (their sockets closed)
            a.future().thenAccept(r -> {
                if (!r.up() && result.complete(r)) {
                    attempts.forEach(o -> o.finish(ProbeResult.down("abandoned")));
                }
            });
        }
        CompletableFuture.allOf(attempts.stream().map(Attempt::future).toArray(CompletableFuture[]::new))
                .thenRun(() -> result.complete(combined(attempts)));
        return result;
    }

    /** Every host's result is in: the first failure in configuration order, else up. */
    private static ProbeResult combined(List<Attempt> attempts) {
        for (Attempt a : attempts) {
            ProbeResult r = a.future().join();
            if (!r.up()) {
                return r;
            }
        }
        return attempts.size() == 1 ? attempts.get(0).future().join()
                : ProbeResult.up("all " + attempts.size() + " hosts answered");
    }

    @Override
    public String describe() {
        return "SMTP_CHECK " + Endpoints.format(config.common())
                + (config.hosts().isEmpty() ? "" : " and " + config.hosts().size() + " host(s)");
    }

    @Override
    public void close() {
        current.forEach(a -> a.finish(ProbeResult.down("probe closed")));
    }
}
