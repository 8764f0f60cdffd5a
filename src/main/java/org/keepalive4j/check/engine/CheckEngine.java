package org.keepalive4j.check.engine;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.keepalive4j.check.probe.ProbeResources;
import org.keepalive4j.check.probe.Probes;
import org.keepalive4j.config.model.KeepalivedConfig;
import org.keepalive4j.daemon.Subsystem;
import org.keepalive4j.dataplane.Dataplane;
import org.keepalive4j.mib.KeepalivedMib;
import org.keepalive4j.notify.ScriptResult;
import org.keepalive4j.notify.ScriptRunner;

/**
 * The health-check subsystem. One thread, {@code check-engine}, owns all check state: timers fire on
 * it, probe results are posted to it, SNMP weight SETs are handed to it, and the lifecycle calls
 * (start, reload, stop, dumps) run on it with a bounded wait. Probes do their I/O elsewhere (NIO,
 * a small timer pool, the script runner), so a slow server never delays another's check.
 */
public final class CheckEngine implements Subsystem {

    private static final Logger LOG = LogManager.getLogger(CheckEngine.class);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);
    private static final int MAX_CONCURRENT_SCRIPTS = 64;
    private static final int MAX_QUEUED_SCRIPTS = 4096;
    private static final Duration STOP_SCRIPTS_WAIT = Duration.ofSeconds(2);

    private final Supplier<KeepalivedMib> mib;
    private final Supplier<Dataplane> dataplaneFactory;
    private ScheduledExecutorService owner;
    private ScheduledExecutorService probeTimers;
    private ExecutorService blocking;
    private ScriptRunner scripts;
    private Dataplane dataplane;
    /** lvs_dataplane as it was when the dataplane was opened; the backend is chosen once per process. */
    private String dataplaneKeyword;
    private CheckRuntime runtime;
    private AddressWatcher addresses;
    private Duration heartbeatPeriod;
    private Runnable heartbeat;
    /** Notify scripts not yet ended: at stop, omega's scripts get a bounded wait before the runner closes. */
    private final Set<CompletableFuture<ScriptResult>> runningNotifies = ConcurrentHashMap.newKeySet();

    /**
     * @param mib       the model, built by the MIB subsystem before this one starts
     * @param dataplane makes the table this engine drives (called once at start)
     */
    public CheckEngine(Supplier<KeepalivedMib> mib, Supplier<Dataplane> dataplane) {
        this.mib = mib;
        this.dataplaneFactory = dataplane;
    }

    @Override
    public String name() {
        return "Checker";
    }

    /**
     * Runs {@code beat} on the check engine's owner thread every {@code period} (systemd's watchdog ping
     * when no VRRP engine runs, -C): a stalled owner thread stops the beats. Before {@link #start}.
     */
    public void heartbeat(Duration period, Runnable beat) {
        this.heartbeatPeriod = period;
        this.heartbeat = beat;
    }

    @Override
    public void start(KeepalivedConfig config) throws Exception {
        owner = Executors.newSingleThreadScheduledExecutor(r -> daemonThread(r, "check-engine"));
        AtomicInteger n = new AtomicInteger();
        probeTimers = Executors.newScheduledThreadPool(2, r -> daemonThread(r, "check-timer-" + n.incrementAndGet()));
        AtomicInteger m = new AtomicInteger();
        blocking = Executors.newFixedThreadPool(4, r -> daemonThread(r, "check-blocking-" + m.incrementAndGet()));
        scripts = new ScriptRunner(MAX_CONCURRENT_SCRIPTS, MAX_QUEUED_SCRIPTS, config.global().scriptUser(),
                config.global().scriptGroup());
        dataplane = dataplaneFactory.get();
        dataplaneKeyword = config.global().lvsDataplane();
        Probes probes = new Probes(new ProbeResources(probeTimers, blocking, scripts));
        Timers timers = (delay, task) -> {
            ScheduledFuture<?> f = owner.schedule(() -> guarded(task), delay.toNanos(), TimeUnit.NANOSECONDS);
            return () -> f.cancel(false);
        };
        CheckRuntime.Notifier notifier = (script, purpose) -> {
            CompletableFuture<ScriptResult> f = scripts.run(script, List.of(), CheckRuntime.NOTIFY_TIMEOUT, purpose);
            runningNotifies.add(f);
            f.whenComplete((r, e) -> runningNotifies.remove(f));
        };
        runtime = new CheckRuntime(mib.get().check(), dataplane, probes::create, timers,
                task -> owner.execute(() -> guarded(task)), notifier,
                bound -> ThreadLocalRandom.current().nextLong(bound), CheckEngine::isLocalAddress, System::nanoTime);
        try {
            call(() -> {
                runtime.start(config);
                return null;
            });
            watchAddressesIfNeeded(config);
            if (heartbeat != null) {
                owner.scheduleAtFixedRate(() -> guarded(heartbeat), 0, heartbeatPeriod.toNanos(), TimeUnit.NANOSECONDS);
            }
        } catch (Exception e) {
            stop();
            throw e;
        }
    }

    /** One failing task must not kill the owner thread (a ScheduledExecutor swallows it silently otherwise). */
    private static void guarded(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException | Error e) {
            LOG.error("Checker: internal error: {}", e.toString(), e);
        }
    }

    private static Thread daemonThread(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /**
     * Whether an address is on a local interface now. The JDK asks the kernel (netlink/ioctl) each time;
     * called once a second, and only when some virtual server uses ha_suspend.
     */
    static boolean isLocalAddress(InetAddress address) {
        try {
            return NetworkInterface.getByInetAddress(address) != null;
        } catch (SocketException e) {
            return false;
        }
    }

    @Override
    public void reload(KeepalivedConfig config) throws Exception {
        String wanted = config.global().lvsDataplane();
        if (!Objects.equals(wanted, dataplaneKeyword)) {
            // switching backends under live traffic would drop every connection's NAT state at once;
            // the operator decides when, by restarting
            LOG.warn("lvs_dataplane changed from {} to {}: the {} dataplane stays in use until a restart",
                    dataplaneKeyword, wanted, dataplane.name());
        }
        call(() -> {
            runtime.reload(config);
            return null;
        });
        watchAddressesIfNeeded(config);
    }

    /** ha_suspend reacts to address changes at once; the runtime's once-a-second look stays as a safety net. */
    private void watchAddressesIfNeeded(KeepalivedConfig config) {
        if (addresses == null && config.virtualServers().stream().anyMatch(v -> v.haSuspend())) {
            CheckRuntime r = runtime;
            addresses = AddressWatcher.start(() -> owner.execute(() -> guarded(r::checkAddresses)));
        }
    }

    @Override
    public void stop() {
        if (owner == null) {
            return;
        }
        try {
            if (runtime != null) {
                call(() -> {
                    runtime.stop();
                    return null;
                });
            }
        } catch (Exception e) {
            LOG.error("Checker: orderly stop failed: {}", e.toString());
        }
        if (addresses != null) {
            addresses.close();
            addresses = null;
        }
        awaitNotifies();
        owner.shutdownNow();
        probeTimers.shutdownNow();
        blocking.shutdownNow();
        scripts.close();
        if (dataplane != null) {
            dataplane.close();
        }
        owner = null;
    }

    /**
     * keepalived gives the scripts it runs while shutting down (omega) one second; we give the ones
     * still running a little more, since ours were only just started on other threads.
     */
    private void awaitNotifies() {
        try {
            CompletableFuture.allOf(runningNotifies.toArray(CompletableFuture[]::new))
                    .get(STOP_SCRIPTS_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            LOG.warn("Checker: {} notify script(s) still running at stop; stopping them", runningNotifies.size());
        } catch (java.util.concurrent.ExecutionException e) {
            LOG.warn("Checker: a notify script failed at stop: {}", e.getCause().toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void appendData(StringBuilder out) {
        out.append(dump(() -> runtime.data()));
    }

    @Override
    public void appendStats(StringBuilder out) {
        out.append(dump(() -> runtime.stats()));
    }

    private String dump(Callable<String> what) {
        if (owner == null) {
            return "";
        }
        try {
            return call(what);
        } catch (Exception e) {
            return "Checker not answering: " + e + "\n";
        }
    }

    private <T> T call(Callable<T> what) throws Exception {
        try {
            return owner.submit(what).get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }
}
