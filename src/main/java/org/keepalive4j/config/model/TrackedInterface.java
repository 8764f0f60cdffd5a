package org.keepalive4j.config.model;

import org.keepalive4j.config.SourceLocation;

/** A track_interface entry. Weight 0 means: the instance goes to FAULT while the interface is down. */
public record TrackedInterface(String name, int weight, boolean reverse, SourceLocation location) {
}
