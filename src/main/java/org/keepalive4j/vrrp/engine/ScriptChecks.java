package org.keepalive4j.vrrp.engine;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.keepalive4j.config.model.VrrpScript;
import org.keepalive4j.mib.table.ConfigEquality;
import org.keepalive4j.mib.vrrp.VrrpScriptRow;
import org.keepalive4j.notify.ScriptResult;
import org.keepalive4j.notify.ScriptRunner;
import org.keepalive4j.vrrp.fsm.ScriptTracker;

/**
 * Runs each vrrp_script that an instance tracks every {@code interval} with its {@code timeout}, and
 * turns the results into OK / FAILED changes with {@link ScriptTracker}'s rise and fall counting. A run
 * that is still going when the next is due is not started twice. Loop thread only; results come back
 * from the runner's threads through {@link VrrpLoop#execute}.
 */
final class ScriptChecks {

    private static final Logger LOG = LogManager.getLogger(ScriptChecks.class);

    private final VrrpLoop loop;
    private final ScriptRunner runner;
    private final BiConsumer<String, Boolean> onChange;
    private final Map<String, Check> checks = new HashMap<>();

    private final class Check {
        final VrrpScript config;
        final VrrpScriptRow row;
        final ScriptTracker tracker;
        boolean running;
        boolean stopped;
        boolean hasResult;
        VrrpLoop.Timer timer;

        Check(VrrpScript config, VrrpScriptRow row) {
            this.config = config;
            this.row = row;
            this.tracker = new ScriptTracker(config.rise(), config.fall(), config.initFail());
            if (row != null) {
                row.setResult(config.initFail() ? VrrpScriptRow.Result.INIT_FAILED : VrrpScriptRow.Result.INIT);
            }
        }

        void launch() {
            if (stopped) {
                return;
            }
            timer = loop.schedule(System.nanoTime() + config.interval().toNanos(), this::launch);
            if (running) {
                return;
            }
            running = true;
            runner.run(config.script(), java.util.List.of(), config.timeout(), "VRRP_Script(" + config.name() + ")")
                    .whenComplete((result, error) -> loop.execute(() -> finished(result)));
        }

        void finished(ScriptResult result) {
            running = false;
            if (stopped) {
                return;
            }
            boolean ok = result != null && result.succeeded();
            ScriptTracker.Change change = tracker.record(ok);
            hasResult |= change != ScriptTracker.Change.NONE;
            if (row != null && hasResult) {
                row.setResult(tracker.isOk() ? VrrpScriptRow.Result.GOOD : VrrpScriptRow.Result.BAD);
            }
            if (change != ScriptTracker.Change.NONE) {
                LOG.info("VRRP_Script({}) {}", config.name(), tracker.isOk() ? "succeeded" : "failed");
                onChange.accept(config.name(), tracker.isOk());
            }
        }

        void stop() {
            stopped = true;
            if (timer != null) {
                timer.cancel();
            }
        }
    }

    ScriptChecks(VrrpLoop loop, ScriptRunner runner, BiConsumer<String, Boolean> onChange) {
        this.loop = loop;
        this.runner = runner;
        this.onChange = onChange;
    }

    /** Starts checking the script unless it already runs with this very configuration. */
    void ensure(VrrpScript config, VrrpScriptRow row) {
        Check existing = checks.get(config.name());
        if (existing != null) {
            if (ConfigEquality.sameIgnoringLocation(existing.config, config)) {
                return;
            }
            existing.stop();
        }
        Check check = new Check(config, row);
        checks.put(config.name(), check);
        check.launch();
    }

    /** The script's current verdict, or null before it has one. */
    Boolean state(String name) {
        Check c = checks.get(name);
        return c == null || !c.hasResult ? null : c.tracker.isOk();
    }

    /** Stops the checks of scripts no instance tracks any more. */
    void retainOnly(Set<String> names) {
        checks.entrySet().removeIf(e -> {
            if (names.contains(e.getKey())) {
                return false;
            }
            e.getValue().stop();
            return true;
        });
    }

    void stopAll() {
        checks.values().forEach(Check::stop);
        checks.clear();
    }
}
