package org.keepalive4j.check.probe;

import java.util.Objects;

/**
 * The outcome of one probe attempt.
 *
 * @param up      the server passed this check
 * @param weight  for MISC_CHECK with misc_dynamic: the weight its exit status asked for (exit 2..255 →
 *                0..253); null when the probe does not set weights
 * @param detail  why it failed (or what it saw), for the log line: "connection refused", "timeout after
 *                3 s", "status 503 for /health", "digest mismatch for /", "exit status 1"
 */
public record ProbeResult(boolean up, Integer weight, String detail) {

    public ProbeResult {
        Objects.requireNonNull(detail, "detail");
    }

    public static ProbeResult up(String detail) {
        return new ProbeResult(true, null, detail);
    }

    public static ProbeResult upWithWeight(int weight, String detail) {
        return new ProbeResult(true, weight, detail);
    }

    public static ProbeResult down(String detail) {
        return new ProbeResult(false, null, detail);
    }
}
