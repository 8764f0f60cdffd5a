package org.keepalive4j.config.model;

import org.keepalive4j.config.SourceLocation;

/** A track_script entry; {@code weight} null means: use the vrrp_script's own weight. */
public record TrackedScript(String name, Integer weight, boolean reverse, SourceLocation location) {
}
