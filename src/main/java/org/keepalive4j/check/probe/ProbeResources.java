package org.keepalive4j.check.probe;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import org.keepalive4j.notify.ScriptRunner;

/**
 * What probes share, owned and closed by the check engine.
 *
 * @param timers   schedules time limits (a handful of threads; tasks must be short)
 * @param blocking a bounded pool for the little blocking work that NIO cannot do (name lookups are
 *                 never done: addresses come resolved from the configuration)
 * @param scripts  runs MISC_CHECK programs with their timeout, user and concurrency cap
 */
public record ProbeResources(ScheduledExecutorService timers, ExecutorService blocking, ScriptRunner scripts) {
}
