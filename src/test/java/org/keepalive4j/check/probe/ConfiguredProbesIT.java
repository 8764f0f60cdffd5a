package org.keepalive4j.check.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.keepalive4j.config.ConfigTesting;
import org.keepalive4j.config.model.RealServer;
import org.keepalive4j.config.model.check.Checker;
import org.keepalive4j.testlib.ManagedProcess;
import org.keepalive4j.testlib.Processes;
import org.keepalive4j.testlib.Root;

/**
 * From keepalived.conf text to probes: every checker the parser produces for a real server becomes a
 * working probe against servers this test starts on loopback, with the parser's forms of the settings
 * (hex payloads with spaces and lower case, misc_path with arguments, misc_dynamic).
 */
class ConfiguredProbesIT {

    @TempDir
    Path dir;

    @Test
    void everyCheckerOfAParsedRealServerRunsAndPasses() throws Exception {
        Root.assume();
        Path script = dir.resolve("weight.sh");
        Files.writeString(script, "#!/bin/sh\nexit \"$1\"\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        Path dns = dir.resolve("dns_responder.py");
        try (var in = getClass().getResourceAsStream("/probe/dns_responder.py")) {
            Files.copy(in, dns);
        }
        try (ProbeTesting t = new ProbeTesting();
             ServerSocket tcp = new ServerSocket(0, 50, ProbeTesting.loopback());
             SmtpResponder smtp = new SmtpResponder(ProbeTesting.loopback(), 0, "220 hi\r\n", "250 ok\r\n");
             UdpEchoServer udp = new UdpEchoServer(ProbeTesting.loopback(), 0, false);
             ManagedProcess named = Processes.start(dir, "dns", List.of("python3", dns.toString()), Map.of())) {
            named.waitForOutput("ready \\d+", Duration.ofSeconds(10));
            Matcher m = Pattern.compile("ready (\\d+)").matcher(named.stdout());
            m.find();
            String conf = "virtual_server 127.0.0.1 " + tcp.getLocalPort() + " {\n"
                    + " delay_loop 5\n lb_algo rr\n lb_kind NAT\n protocol TCP\n"
                    + " real_server 127.0.0.1 " + tcp.getLocalPort() + " {\n"
                    + "  TCP_CHECK {\n   connect_timeout 2\n  }\n"
                    + "  SMTP_CHECK {\n   connect_port " + smtp.port() + "\n   helo_name probe.test\n  }\n"
                    + "  DNS_CHECK {\n   connect_port " + m.group(1) + "\n   type a\n   name www.example.org\n  }\n"
                    + "  UDP_CHECK {\n   connect_port " + udp.port() + "\n   payload 01 02 ab\n   require_reply 0102Xb\n  }\n"
                    + "  MISC_CHECK {\n   misc_path \"" + script + " 12\"\n   misc_timeout 5\n   misc_dynamic\n  }\n"
                    + "  PING_CHECK {\n   connect_timeout 2\n  }\n"
                    + " }\n}\n";
            RealServer rs = ConfigTesting.parse(conf).config().virtualServers().get(0).realServers().get(0);
            assertEquals(6, rs.checkers().size(), "checkers parsed: " + rs.checkers());
            List<String> results = new ArrayList<>();
            for (Checker c : rs.checkers()) {
                try (Probe p = t.probes.create(c)) {
                    ProbeResult r = ProbeTesting.run(p).assertUp().result();
                    results.add(p.describe() + " -> " + r.detail() + (r.weight() == null ? "" : " [weight " + r.weight() + "]"));
                }
            }
            assertEquals(1, results.stream().filter(s -> s.startsWith("MISC_CHECK") && s.endsWith("[weight 10]")).count(),
                    String.join("\n", results));
            assertEquals(1, udp.received.get());
            assertEquals(List.of("HELO probe.test", "QUIT"), smtp.received);
            named.waitForOutput("qname=www.example.org. qtype=1 ", Duration.ofSeconds(5));
        }
    }
}
