package org.keepalive4j.config.model;

import java.time.Duration;
import org.keepalive4j.config.SourceLocation;

/**
 * A vrrp_script block. Defaults are keepalived's: interval 1 s, weight 0, rise 1, fall 1, and a
 * timeout equal to the interval when none is set.
 */
public record VrrpScript(
        String name,
        ScriptSpec script,
        Duration interval,
        Duration timeout,
        int weight,
        boolean weightReverse,
        int rise,
        int fall,
        boolean initFail,
        SourceLocation location) {
}
