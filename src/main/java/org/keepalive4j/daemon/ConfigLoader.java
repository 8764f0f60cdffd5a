package org.keepalive4j.daemon;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.keepalive4j.config.ConfigException;
import org.keepalive4j.config.ConfigParser;
import org.keepalive4j.config.Diagnostic;
import org.keepalive4j.config.HostFacts;
import org.keepalive4j.config.ParseOptions;
import org.keepalive4j.config.ParsedConfig;
import org.keepalive4j.config.model.KeepalivedConfig;

/** Reads the configuration file named on the command line, as at start, on -t and on SIGHUP. */
final class ConfigLoader {

    /**
     * @param config      null when there were errors
     * @param diagnostics every error and warning, host facts included, in the order found
     */
    record Result(KeepalivedConfig config, List<Diagnostic> diagnostics) {
        Result {
            diagnostics = List.copyOf(diagnostics);
        }

        boolean ok() {
            return config != null;
        }

        List<Diagnostic> errors() {
            return diagnostics.stream().filter(Diagnostic::isError).toList();
        }
    }

    private final Path file;
    private final ParseOptions options;
    private final HostFacts hostFacts;

    ConfigLoader(Path file, ParseOptions options, HostFacts hostFacts) {
        this.file = file;
        this.options = options;
        this.hostFacts = hostFacts;
    }

    static ConfigLoader forCommandLine(CommandLine cl) {
        ParseOptions options = ParseOptions.defaults().withStrictIncludes(cl.allConfig());
        if (cl.configId() != null) {
            options = options.withConfigId(cl.configId());
        }
        return new ConfigLoader(cl.configFile(), options, HostFacts.ofThisHost());
    }

    Path file() {
        return file;
    }

    Result load() {
        try {
            ParsedConfig parsed = new ConfigParser(options).parse(file);
            List<Diagnostic> all = new ArrayList<>(parsed.warnings());
            all.addAll(hostFacts.check(parsed.config()));
            return new Result(parsed.config(), all);
        } catch (ConfigException e) {
            return new Result(null, e.diagnostics());
        }
    }
}
