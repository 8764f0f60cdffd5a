package org.keepalive4j.config;

import java.util.List;
import org.keepalive4j.config.model.KeepalivedConfig;

/** A configuration that parsed without errors, with the warnings found on the way. */
public record ParsedConfig(KeepalivedConfig config, List<Diagnostic> warnings) {
    public ParsedConfig {
        warnings = List.copyOf(warnings);
    }
}
