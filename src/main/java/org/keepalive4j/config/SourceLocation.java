package org.keepalive4j.config;

import java.nio.file.Path;

/** Where a configuration element came from: the file and the 1-based line in it. */
public record SourceLocation(Path file, int line) {

    public static final SourceLocation UNKNOWN = new SourceLocation(Path.of("<unknown>"), 0);

    @Override
    public String toString() {
        return file + ":" + line;
    }
}
