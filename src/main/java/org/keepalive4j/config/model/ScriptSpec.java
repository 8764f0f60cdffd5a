package org.keepalive4j.config.model;

import org.keepalive4j.config.SourceLocation;

/**
 * A script keepalived runs (notify_*, vrrp_script, misc_path, quorum_up, ...). {@code command} is the
 * command line as configured, program and arguments; {@code user}/{@code group} are null when the
 * global script_user applies.
 */
public record ScriptSpec(String command, String user, String group, SourceLocation location) {
}
