package org.keepalive4j.notify;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.keepalive4j.config.model.ScriptSpec;

/**
 * Runs notify scripts, vrrp_script trackers and MISC_CHECK programs off the caller's thread. The
 * caller (the VRRP loop, a checker) gets a future and never waits: a slow or hung script cannot delay
 * an advert. Scripts are capped in number (a fixed pool of waiting threads plus a bounded queue;
 * beyond that a run is rejected and counted) and in time (TERM at the timeout, KILL after a grace).
 * Their output goes to the log, one line per line, named after the script's purpose.
 */
public final class ScriptRunner implements AutoCloseable {

    private static final Logger LOG = LogManager.getLogger(ScriptRunner.class);
    private static final Duration KILL_GRACE = Duration.ofSeconds(2);

    private final ExecutorService pool;
    private final String defaultUser;
    private final String defaultGroup;
    private final AtomicLong started = new AtomicLong();
    private final AtomicLong timedOut = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();

    /**
     * @param maxConcurrent scripts running at once
     * @param maxQueued     runs waiting for a slot before new ones are rejected
     * @param defaultUser   global script_user, or null to run as ourselves
     */
    public ScriptRunner(int maxConcurrent, int maxQueued, String defaultUser, String defaultGroup) {
        AtomicInteger n = new AtomicInteger();
        ThreadFactory threads = r -> {
            Thread t = new Thread(r, "script-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        this.pool = new ThreadPoolExecutor(maxConcurrent, maxConcurrent, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(maxQueued), threads);
        ((ThreadPoolExecutor) pool).allowCoreThreadTimeOut(true);
        this.defaultUser = defaultUser;
        this.defaultGroup = defaultGroup;
    }

    /**
     * Starts {@code script} with {@code extraArgs} appended (keepalived's generic notify arguments,
     * for instance). Never blocks; the future completes when the script has ended.
     *
     * @param purpose names the script in log lines, e.g. "VI_1 notify_master"
     */
    public CompletableFuture<ScriptResult> run(ScriptSpec script, List<String> extraArgs, Duration timeout,
                                               String purpose) {
        CompletableFuture<ScriptResult> result = new CompletableFuture<>();
        List<String> argv;
        try {
            argv = new ArrayList<>(ScriptCommand.argv(script.command()));
        } catch (IllegalArgumentException e) {
            LOG.error("{}: {}", purpose, e.getMessage());
            result.complete(new ScriptResult(ScriptResult.Outcome.NOT_STARTED, -1, Duration.ZERO));
            return result;
        }
        argv.addAll(extraArgs);
        List<String> command = asUser(argv, script.user() != null ? script.user() : defaultUser,
                script.user() != null ? script.group() : defaultGroup);
        try {
            pool.execute(() -> result.complete(execute(command, timeout, purpose)));
        } catch (RejectedExecutionException e) {
            rejected.incrementAndGet();
            LOG.warn("{}: not run, too many scripts already running or waiting", purpose);
            result.complete(new ScriptResult(ScriptResult.Outcome.REJECTED, -1, Duration.ZERO));
        }
        return result;
    }

    /**
     * Running as another user needs a privilege switch the JVM cannot do itself; util-linux's setpriv
     * does it (and only root may use it, so as non-root we run as ourselves).
     */
    private static List<String> asUser(List<String> argv, String user, String group) {
        if (user == null || user.equals("root") || !"root".equals(System.getProperty("user.name"))) {
            return argv;
        }
        List<String> cmd = new ArrayList<>(List.of("setpriv", "--reuid=" + user,
                group != null ? "--regid=" + group : "--regid=" + user, "--init-groups", "--"));
        cmd.addAll(argv);
        return cmd;
    }

    private ScriptResult execute(List<String> command, Duration timeout, String purpose) {
        long t0 = System.nanoTime();
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        } catch (IOException e) {
            LOG.error("{}: cannot run {}: {}", purpose, command.get(0), e.getMessage());
            return new ScriptResult(ScriptResult.Outcome.NOT_STARTED, -1, elapsed(t0));
        }
        started.incrementAndGet();
        Thread reader = new Thread(() -> logOutput(p, purpose), "script-output");
        reader.setDaemon(true);
        reader.start();
        try {
            if (!p.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                timedOut.incrementAndGet();
                LOG.warn("{}: still running after {} ms, terminating it", purpose, timeout.toMillis());
                p.descendants().forEach(ProcessHandle::destroy);
                p.destroy();
                if (!p.waitFor(KILL_GRACE.toNanos(), TimeUnit.NANOSECONDS)) {
                    p.descendants().forEach(ProcessHandle::destroyForcibly);
                    p.destroyForcibly();
                    p.waitFor();
                }
                return new ScriptResult(ScriptResult.Outcome.TIMED_OUT, -1, elapsed(t0));
            }
            int code = p.exitValue();
            if (code != 0) {
                LOG.debug("{}: exited with status {}", purpose, code);
            }
            return new ScriptResult(ScriptResult.Outcome.EXITED, code, elapsed(t0));
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            return new ScriptResult(ScriptResult.Outcome.TIMED_OUT, -1, elapsed(t0));
        }
    }

    private static void logOutput(Process p, String purpose) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                LOG.info("{}: {}", purpose, line);
            }
        } catch (IOException e) {
            // the process went away with its pipe; nothing more to log
        }
    }

    private static Duration elapsed(long t0) {
        return Duration.ofNanos(System.nanoTime() - t0);
    }

    public long startedCount() {
        return started.get();
    }

    public long timedOutCount() {
        return timedOut.get();
    }

    public long rejectedCount() {
        return rejected.get();
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
