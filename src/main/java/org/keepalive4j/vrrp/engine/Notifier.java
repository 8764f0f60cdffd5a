package org.keepalive4j.vrrp.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.keepalive4j.config.model.NotifyScripts;
import org.keepalive4j.config.model.ScriptSpec;
import org.keepalive4j.notify.ScriptResult;
import org.keepalive4j.notify.ScriptRunner;
import org.keepalive4j.vrrp.fsm.VrrpState;

/**
 * Runs the notify scripts of instances and sync groups with keepalived's arguments (vrrp_notify.c): the
 * state's own script (notify_master, notify_backup, notify_fault, notify_stop) as configured, and the
 * generic {@code notify} with {@code INSTANCE|GROUP <name> <STATE> <priority>} appended (a group's
 * priority is 0). Scripts run on the runner's threads; the loop never waits for them.
 */
final class Notifier {

    /**
     * keepalived never kills a notify script; we do after this long so that a hung one cannot hold a
     * runner slot for ever (the runner's concurrency is capped).
     */
    private static final Duration NOTIFY_TIMEOUT = Duration.ofSeconds(60);
    /** keepalived waits for notify_stop at shutdown, one second at most (TIMER_HZ in vrrp_notify.c). */
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(1);

    private final ScriptRunner runner;
    private final List<CompletableFuture<ScriptResult>> stopScripts = new ArrayList<>();

    Notifier(ScriptRunner runner) {
        this.runner = runner;
    }

    void instanceState(String name, NotifyScripts scripts, VrrpState state, int priority) {
        notify("INSTANCE", name, scripts, state, priority);
    }

    void groupState(String name, NotifyScripts scripts, VrrpState state) {
        notify("GROUP", name, scripts, state, 0);
    }

    /** keepalived's notify_master_rx_lower_pri: a lower priority master spoke while we are master. */
    void lowerPriorityMaster(String name, NotifyScripts scripts) {
        if (scripts.masterRxLowerPri() != null) {
            runner.run(scripts.masterRxLowerPri(), List.of(), NOTIFY_TIMEOUT, name + " notify_master_rx_lower_pri");
        }
    }

    /** Waits, at most one second, for the notify_stop scripts started during shutdown. */
    void awaitStopScripts() {
        long deadline = System.nanoTime() + STOP_TIMEOUT.toNanos();
        for (CompletableFuture<ScriptResult> f : stopScripts) {
            try {
                f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (Exception e) {
                // a slow or failed stop script must not hold up shutdown: the runner logs it
            }
        }
        stopScripts.clear();
    }

    private void notify(String type, String name, NotifyScripts scripts, VrrpState state, int priority) {
        ScriptSpec own = switch (state) {
            case MASTER -> scripts.master();
            case BACKUP -> scripts.backup();
            case FAULT -> scripts.fault();
            case STOP -> scripts.stop();
            case INIT -> null;
        };
        boolean stopping = state == VrrpState.STOP;
        if (own != null) {
            track(stopping, runner.run(own, List.of(), stopping ? STOP_TIMEOUT : NOTIFY_TIMEOUT,
                    name + " notify_" + state.name().toLowerCase()));
        }
        if (scripts.any() != null && state != VrrpState.INIT) {
            track(stopping, runner.run(scripts.any(), List.of(type, name, state.name(), Integer.toString(priority)),
                    stopping ? STOP_TIMEOUT : NOTIFY_TIMEOUT, name + " notify"));
        }
    }

    private void track(boolean stopping, CompletableFuture<ScriptResult> run) {
        if (stopping) {
            stopScripts.add(run);
        }
    }
}
