package org.keepalive4j.config.text;

import org.keepalive4j.config.SourceLocation;

/** A configuration line after includes, conditionals, definitions and sequences have been applied. */
public record LogicalLine(String text, SourceLocation location) {
}
