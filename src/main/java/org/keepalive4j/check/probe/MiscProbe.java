package org.keepalive4j.check.probe;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.keepalive4j.config.model.check.MiscCheck;

/**
 * MISC_CHECK: runs misc_path through the shared {@link org.keepalive4j.notify.ScriptRunner} (its user,
 * its concurrency cap, TERM then KILL at misc_timeout) and reads the exit status with
 * {@link MiscExitStatus}. The attempt has its own limit a little after misc_timeout, so a script that
 * ignores TERM, or one still waiting for a free slot, cannot hold the checker past its time.
 */
final class MiscProbe implements Probe {

    /** Room for the runner to notice the timeout and signal the script before our own limit ends it. */
    static final Duration MARGIN = Duration.ofMillis(300);

    private final MiscCheck config;
    private final ProbeResources resources;
    private volatile Attempt current;

    MiscProbe(MiscCheck config, ProbeResources resources) {
        this.config = config;
        this.resources = resources;
    }

    @Override
    public CompletableFuture<ProbeResult> attempt() {
        // the binder resolves an unset misc_timeout to delay_loop; a record built by hand may not
        Duration timeout = config.timeout() != null ? config.timeout() : config.common().delayLoop();
        Attempt a = Attempt.withTimeLimit(resources.timers(), timeout.plus(MARGIN),
                "timed out after " + timeout.toMillis() + " ms");
        current = a;
        try {
            resources.scripts().run(config.script(), List.of(), timeout, describe())
                    .whenComplete((r, e) -> a.finish(e != null
                            ? ProbeResult.down("script failed: " + e)
                            : MiscExitStatus.toResult(r, config.dynamic(), timeout)));
        } catch (RuntimeException e) {
            a.finish(ProbeResult.down("script not run: " + e.getMessage()));
        }
        return a.future();
    }

    @Override
    public String describe() {
        return "MISC_CHECK " + config.script().command();
    }

    @Override
    public void close() {
        Attempt a = current;
        if (a != null) {
            a.finish(ProbeResult.down("probe closed"));
        }
    }
}
