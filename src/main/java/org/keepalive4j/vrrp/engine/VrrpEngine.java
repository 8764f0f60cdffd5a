package org.keepalive4j.vrrp.engine;

import java.time.Duration;
import java.util.function.Supplier;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.keepalive4j.config.model.GlobalDefs;
import org.keepalive4j.config.model.KeepalivedConfig;
import org.keepalive4j.daemon.Subsystem;
import org.keepalive4j.mib.KeepalivedMib;

/**
 * The VRRP subsystem: starts the {@code vrrp-loop} thread and runs every lifecycle request (start,
 * reload, stop, dumps) on it, so that the loop stays the only thread that touches VRRP state. Each
 * request waits a bounded time: a stuck loop cannot hang the daemon's lifecycle thread.
 */
public final class VrrpEngine implements Subsystem {

    private static final Logger LOG = LogManager.getLogger(VrrpEngine.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration RELOAD_TIMEOUT = Duration.ofSeconds(10);
    /** Priority-0 adverts, address removal and notify_stop (at most 1 s) fit well within this. */
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration DUMP_TIMEOUT = Duration.ofSeconds(2);

    private final Supplier<KeepalivedMib> mib;
    private final boolean keepVipsAtStop;
    private VrrpLoop loop;
    private VrrpRuntime runtime;
    private Duration heartbeatPeriod;
    private Runnable heartbeat;

    /**
     * @param mib            the model, built by the MIB subsystem before this one starts
     * @param keepVipsAtStop -V / --dont-release-vrrp
     */
    public VrrpEngine(Supplier<KeepalivedMib> mib, boolean keepVipsAtStop) {
        this.mib = mib;
        this.keepVipsAtStop = keepVipsAtStop;
    }

    /**
     * Runs {@code beat} on the VRRP event loop every {@code period}, from the loop's own iterations, so a
     * stalled loop stops the beats (the daemon pings systemd's watchdog with it). Before {@link #start}.
     */
    public void heartbeat(Duration period, Runnable beat) {
        this.heartbeatPeriod = period;
        this.heartbeat = beat;
    }

    @Override
    public String name() {
        return "VRRP";
    }

    @Override
    public void start(KeepalivedConfig config) throws Exception {
        loop = new VrrpLoop();
        loop.realtime(realtime(config.global()));
        runtime = new VrrpRuntime(loop, mib.get(), keepVipsAtStop);
        loop.machines(runtime::nextDeadline, runtime::tick);
        if (heartbeat != null) {
            loop.heartbeat(heartbeatPeriod, heartbeat);
        }
        LoopStallFaultInjection.installIfRequested(loop);
        loop.start();
        try {
            loop.call(() -> {
                runtime.start(config);
                return null;
            }, START_TIMEOUT);
        } catch (Exception e) {
            stop();
            throw e;
        }
    }

    /** vrrp_rt_priority / vrrp_rlimit_rttime, else the loop's defaults; read once, at start (as keepalived). */
    private static VrrpLoop.Realtime realtime(GlobalDefs g) {
        int priority = g.vrrpRtPriority() != null ? g.vrrpRtPriority() : VrrpLoop.Realtime.DEFAULT_PRIORITY;
        long rttime = g.vrrpRlimitRttime() != null ? g.vrrpRlimitRttime() : VrrpLoop.Realtime.DEFAULT_RTTIME_MICROS;
        return new VrrpLoop.Realtime(priority, rttime);
    }

    @Override
    public void reload(KeepalivedConfig config) throws Exception {
        loop.call(() -> {
            runtime.reload(config);
            return null;
        }, RELOAD_TIMEOUT);
    }

    @Override
    public void stop() {
        if (loop == null) {
            return;
        }
        try {
            loop.call(() -> {
                runtime.stop();
                return null;
            }, STOP_TIMEOUT);
        } catch (Exception e) {
            LOG.error("VRRP: orderly stop failed: {}", e.toString());
        }
        try {
            loop.shutdown(Duration.ofSeconds(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (loop.isRunning()) {
            LOG.error("VRRP: the event loop did not end");
        }
        loop = null;
    }

    /**
     * The watchdog's heartbeat: System.nanoTime() of the loop's last iteration. The loop goes round at
     * least once a second, so an older value means it is stuck.
     */
    public long lastLoopIterationNanos() {
        return loop == null ? System.nanoTime() : loop.lastIterationNanos();
    }

    @Override
    public void appendData(StringBuilder out) {
        out.append(dump(runtime::data, "data"));
        out.append(" VRRP loop last iteration ")
                .append((System.nanoTime() - lastLoopIterationNanos()) / 1_000_000).append(" ms ago\n");
    }

    @Override
    public void appendStats(StringBuilder out) {
        out.append(dump(runtime::stats, "statistics"));
    }

    private String dump(Supplier<String> what, String kind) {
        if (loop == null) {
            return "";
        }
        try {
            return loop.call(what::get, DUMP_TIMEOUT);
        } catch (Exception e) {
            LOG.error("VRRP: no {} from the event loop: {}", kind, e.getMessage());
            return "VRRP event loop not answering: " + e.getMessage() + "\n";
        }
    }
}
