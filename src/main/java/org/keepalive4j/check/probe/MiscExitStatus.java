package org.keepalive4j.check.probe;

import java.time.Duration;
import org.keepalive4j.notify.ScriptResult;

/**
 * What a MISC_CHECK program's ending means, keepalived's rule: exit 0 is up (with misc_dynamic the
 * configured weight stays, so no weight is set); with misc_dynamic an exit status 2..255 is up with
 * weight status − 2 (0..253); every other status, a script killed at misc_timeout, one that could not
 * start and one refused for lack of room are down.
 */
final class MiscExitStatus {

    static final int FIRST_DYNAMIC_STATUS = 2;
    static final int LAST_DYNAMIC_STATUS = 255;

    private MiscExitStatus() {
    }

    static ProbeResult toResult(ScriptResult r, boolean dynamic, Duration timeout) {
        switch (r.outcome()) {
            case TIMED_OUT:
                return ProbeResult.down("timed out after " + timeout.toMillis() + " ms");
            case NOT_STARTED:
                return ProbeResult.down("could not be started");
            case REJECTED:
                return ProbeResult.down("not run: too many scripts running or waiting");
            default:
                break;
        }
        int status = r.exitCode();
        if (status == 0) {
            return ProbeResult.up("exit status 0");
        }
        if (dynamic && status >= FIRST_DYNAMIC_STATUS && status <= LAST_DYNAMIC_STATUS) {
            int weight = status - FIRST_DYNAMIC_STATUS;
            return ProbeResult.upWithWeight(weight, "exit status " + status + ": weight " + weight);
        }
        return ProbeResult.down("exit status " + status);
    }
}
