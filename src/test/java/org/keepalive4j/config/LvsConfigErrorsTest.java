package org.keepalive4j.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each snippet makes one LVS mistake; the first error must name its file, line and keyword. */
class LvsConfigErrorsTest {

    private static final Path FILE = Path.of("/tmp/x/keepalived.conf");

    /** A virtual server at line 1 whose line 2 is {@code vsLine} and whose real server (line 3) holds {@code rsBody}. */
    private static String vs(String header, String vsLine, String rsLine, String rsBody) {
        return "virtual_server " + header + " {\n"
                + "  " + vsLine + "\n"
                + "  real_server " + rsLine + " {\n"
                + "    " + rsBody + "\n"
                + "  }\n"
                + "}\n";
    }

    private static String ok(String vsLine) {
        return vs("10.0.0.1 80", vsLine, "10.0.1.1 80", "TCP_CHECK { }");
    }

    private static String check(String checker) {
        return vs("10.0.0.1 80", "protocol TCP", "10.0.1.1 80", checker);
    }

    static Stream<Arguments> mistakes() {
        return Stream.of(
                Arguments.of("bad virtual server address", vs("10.0.0.256 80", "protocol TCP", "10.0.1.1 80", ""),
                        1, "virtual_server"),
                Arguments.of("port out of range", vs("10.0.0.1 70000", "protocol TCP", "10.0.1.1 80", ""),
                        1, "virtual_server"),
                Arguments.of("port not a number", vs("10.0.0.1 http", "protocol TCP", "10.0.1.1 80", ""),
                        1, "virtual_server"),
                Arguments.of("unknown lb_algo", ok("lb_algo fastest"), 2, "lb_algo"),
                Arguments.of("unknown lb_kind", ok("lb_kind BRIDGE"), 2, "lb_kind"),
                Arguments.of("unknown protocol", ok("protocol ICMP"), 2, "protocol"),
                Arguments.of("real server weight too large",
                        vs("10.0.0.1 80", "protocol TCP", "10.0.1.1 80", "weight 4294967296"), 4, "weight"),
                Arguments.of("real server weight negative",
                        vs("10.0.0.1 80", "protocol TCP", "10.0.1.1 80", "weight -1"), 4, "weight"),
                Arguments.of("real server without address",
                        "virtual_server 10.0.0.1 80 {\n  protocol TCP\n  real_server {\n    weight 1\n  }\n}\n",
                        3, "real_server"),
                Arguments.of("real server bad address", vs("10.0.0.1 80", "protocol TCP", "10.0.1 80", ""),
                        3, "real_server"),
                Arguments.of("real server bad port", vs("10.0.0.1 80", "protocol TCP", "10.0.1.1 0x50", ""),
                        3, "real_server"),
                Arguments.of("group naming nothing", vs("group NOPE", "protocol TCP", "10.0.1.1 80", ""),
                        1, "virtual_server"),
                Arguments.of("connect_port not a number", check("TCP_CHECK {\n connect_port eighty\n }"),
                        5, "connect_port"),
                Arguments.of("connect_timeout not a time", check("TCP_CHECK {\n connect_timeout soon\n }"),
                        5, "connect_timeout"),
                Arguments.of("retry negative", check("HTTP_GET {\n retry -2\n url {\n path /\n }\n }"),
                        5, "retry"),
                Arguments.of("status code out of range",
                        check("HTTP_GET {\n url {\n path /\n status_code 200-700\n }\n }"), 7, "status_code"),
                Arguments.of("digest not hex", check("SSL_GET {\n url {\n path /\n digest xyz\n }\n }"),
                        7, "digest"),
                Arguments.of("bindto not an address", check("TCP_CHECK {\n bindto eth0\n }"), 5, "bindto"),
                Arguments.of("misc_timeout not a number", check("MISC_CHECK {\n misc_path /bin/true\n misc_timeout 1s\n }"),
                        6, "misc_timeout"),
                Arguments.of("unknown DNS type", check("DNS_CHECK {\n type BOGUS\n }"), 5, "type"),
                Arguments.of("bad group range",
                        "virtual_server_group G {\n  10.0.0.9-3 80\n}\n", 2, "10.0.0.9-3"),
                Arguments.of("bad group fwmark", "virtual_server_group G {\n  fwmark many\n}\n", 2, "fwmark"),
                Arguments.of("duplicate virtual server", ok("protocol TCP") + ok("protocol TCP"), 7, "virtual_server"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    void reportsTheMistake(String what, String text, int line, String keyword) {
        ConfigException e = assertThrows(ConfigException.class,
                () -> new ConfigParser(ParseOptions.defaults()).parse(text, FILE), what);
        assertTrue(!e.errors().isEmpty());
        Diagnostic d = e.errors().get(0);
        assertEquals(FILE, d.location().file(), e.getMessage());
        assertEquals(line, d.location().line(), e.getMessage());
        assertEquals(keyword, d.keyword(), e.getMessage());
    }
}
