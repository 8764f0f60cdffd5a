package org.keepalive4j.config.model.check;

import java.time.Duration;
import org.keepalive4j.config.SourceLocation;
import org.keepalive4j.config.model.ScriptSpec;

/**
 * MISC_CHECK: runs a program; exit status 0 means up.
 *
 * @param script   the command line as configured (program and arguments); user/group from "user"
 * @param timeout  misc_timeout, or the virtual server's delay_loop when unset (keepalived's rule)
 * @param dynamic  exit statuses 2..255 set the weight (misc_dynamic)
 */
public record MiscCheck(CheckerCommon common, ScriptSpec script, Duration timeout, boolean dynamic,
                        SourceLocation location) implements Checker {
}
