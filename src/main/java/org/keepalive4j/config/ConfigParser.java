package org.keepalive4j.config;

import java.nio.file.Path;
import java.util.List;
import org.keepalive4j.config.bind.ConfigBinder;
import org.keepalive4j.config.model.KeepalivedConfig;
import org.keepalive4j.config.text.ConfigNode;
import org.keepalive4j.config.text.ConfigReader;
import org.keepalive4j.config.text.LogicalLine;
import org.keepalive4j.config.text.TreeBuilder;

/**
 * Entry point: keepalived.conf in, an immutable {@link KeepalivedConfig} (or every error found) out.
 * Pure: reads the files it is pointed at and nothing else, so it is safe for -t and for reload.
 */
public final class ConfigParser {

    private final ParseOptions options;

    public ConfigParser(ParseOptions options) {
        this.options = options;
    }

    public ParsedConfig parse(Path file) throws ConfigException {
        Diagnostics d = new Diagnostics();
        List<LogicalLine> lines = new ConfigReader(options, d).read(file);
        return bind(lines, d);
    }

    /** Parses text as if it were the file {@code pretendFile} (relative includes resolve beside it). */
    public ParsedConfig parse(String text, Path pretendFile) throws ConfigException {
        Diagnostics d = new Diagnostics();
        List<LogicalLine> lines = new ConfigReader(options, d).read(text, pretendFile);
        return bind(lines, d);
    }

    private static ParsedConfig bind(List<LogicalLine> lines, Diagnostics d) throws ConfigException {
        List<ConfigNode> tree = TreeBuilder.build(lines, d);
        KeepalivedConfig config = new ConfigBinder(d).bind(tree);
        if (d.hasErrors()) {
            throw new ConfigException(d.all());
        }
        return new ParsedConfig(config, d.warnings());
    }
}
