package org.keepalive4j.check.probe;

import java.util.concurrent.CompletableFuture;

/**
 * One checker of one real server, ready to run: each {@link #attempt()} makes one try (one TCP
 * connect, one HTTP GET of every url, one script run, ...). Retries, delay_before_retry and
 * delay_loop are the check engine's business, not the probe's.
 *
 * <p>Threads: {@link #attempt()} is called from the check engine's owner thread and must return at
 * once (no blocking I/O, no sleeping); the returned future completes on whatever thread finished the
 * work, never exceptionally, and always within the checker's own time limit (connect_timeout,
 * misc_timeout) plus a small margin: a probe that cannot get an answer in time completes with
 * {@link ProbeResult#down(String)} saying so. A probe is not called again before its previous attempt
 * completed.
 */
public interface Probe extends AutoCloseable {

    CompletableFuture<ProbeResult> attempt();

    /** e.g. "TCP_CHECK 10.0.0.2:80", for log lines. */
    String describe();

    /** Cancels an attempt in flight and frees what the probe holds; the server left the configuration. */
    @Override
    default void close() {
    }
}
