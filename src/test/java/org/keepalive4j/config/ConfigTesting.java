package org.keepalive4j.config;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.List;

/** Small helpers shared by the parser tests. */
public final class ConfigTesting {

    public static final Path FILE = Path.of("/tmp/k4j-test/keepalived.conf");

    private ConfigTesting() {
    }

    public static ParsedConfig parse(String text) {
        return parse(text, "testhost");
    }

    public static ParsedConfig parse(String text, String configId) {
        try {
            return new ConfigParser(ParseOptions.defaults().withConfigId(configId)).parse(text, FILE);
        } catch (ConfigException e) {
            return fail("expected the configuration to parse, got:\n" + e.getMessage());
        }
    }

    public static List<Diagnostic> errors(String text) {
        try {
            ParsedConfig p = new ConfigParser(ParseOptions.defaults().withConfigId("testhost")).parse(text, FILE);
            return fail("expected errors, but it parsed; warnings: " + p.warnings());
        } catch (ConfigException e) {
            return e.errors();
        }
    }

    /** Minimal valid instance body, to embed in tests about other keywords. */
    public static String instance(String name, int vrid, String extra) {
        return "vrrp_instance " + name + " {\n interface eth0\n virtual_router_id " + vrid + "\n" + extra
                + "\n virtual_ipaddress {\n  10.0.0." + vrid + "/24\n }\n}\n";
    }
}
