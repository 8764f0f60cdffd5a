package org.keepalive4j.zabbix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * scripts/zabbix-trap-handler fed the way snmptrapd's traphandle feeds it (host name line, transport
 * line, one "NAME VALUE" line per varbind), checked against the record format Zabbix's SNMP trapper
 * reads: a "ZBXTRAP address" header and the varbinds.
 */
class ZabbixTrapHandlerTest {

    private static final Path HANDLER = Path.of(System.getProperty("keepalive4j.basedir", "."))
            .resolve("scripts/zabbix-trap-handler").toAbsolutePath();

    @TempDir
    Path dir;

    @Test
    void anIpv4SenderBecomesTheHeaderAndInetAddressesAreWrittenAsAddresses() throws Exception {
        Path file = dir.resolve("traps");
        run(file, "director2\nUDP: [10.77.0.12]:43100->[10.77.0.13]:162\n"
                + "SNMPv2-MIB::snmpTrapOID.0 KEEPALIVED-MIB::realServerStateChange\n"
                + "KEEPALIVED-MIB::realServerAddrType ipv4\nKEEPALIVED-MIB::realServerAddress \"0A 4D 00 0D \"\n"
                + "KEEPALIVED-MIB::realServerPort 8080\nKEEPALIVED-MIB::virtualServerAddress \"0A 4D 00 64 \"\n");
        String text = Files.readString(file);
        assertTrue(text.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d ZBXTRAP 10\\.77\\.0\\.12\n(?s).*"), text);
        assertTrue(text.endsWith("SNMPv2-MIB::snmpTrapOID.0 KEEPALIVED-MIB::realServerStateChange\n"
                + "KEEPALIVED-MIB::realServerAddrType ipv4\nKEEPALIVED-MIB::realServerAddress 10.77.0.13\n"
                + "KEEPALIVED-MIB::realServerPort 8080\nKEEPALIVED-MIB::virtualServerAddress 10.77.0.100\n"), text);
    }

    @Test
    void anIpv6SenderAndAddressAndAStringThatOnlyLooksLikeHexWithoutAnAddressType() throws Exception {
        Path file = dir.resolve("traps");
        run(file, "director2\nUDP/IPv6: [fd00:77::12]:43100->[fd00:77::13]:162\n"
                + "KEEPALIVED-MIB::vrrpInstanceName \"0A 0B \"\n"
                + "KEEPALIVED-MIB::realServerAddrType ipv6\n"
                + "KEEPALIVED-MIB::realServerAddress \"FD 00 00 77 00 00 00 00 00 00 00 00 00 00 00 13 \"\n");
        String text = Files.readString(file);
        assertTrue(text.contains(" ZBXTRAP fd00:77::12\n"), text);
        assertTrue(text.contains("KEEPALIVED-MIB::vrrpInstanceName \"0A 0B \"\n"), "no address type yet: " + text);
        assertTrue(text.contains("KEEPALIVED-MIB::realServerAddress fd00:77:0:0:0:0:0:13\n"), text);
    }

    @Test
    void handlersRunningAtOnceAppendWholeRecords() throws Exception {
        Path file = dir.resolve("traps");
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            many.append("KEEPALIVED-MIB::vrrpInstanceName VI_").append(i).append('\n');
        }
        List<Process> running = new ArrayList<>();
        for (int h = 0; h < 20; h++) {
            Process p = new ProcessBuilder(HANDLER.toString(), file.toString()).redirectErrorStream(true).start();
            try (OutputStream in = p.getOutputStream()) {
                in.write(("d\nUDP: [10.77.0." + h + "]:1->[10.77.0.13]:162\n" + many).getBytes(StandardCharsets.UTF_8));
            }
            running.add(p);
        }
        for (Process p : running) {
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            assertEquals(0, p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        }
        String[] records = Files.readString(file).split("(?m)^(?=\\S+ ZBXTRAP )");
        assertEquals(20, records.length);
        Pattern record = Pattern.compile("\\S+ ZBXTRAP 10\\.77\\.0\\.\\d+\n((?:KEEPALIVED-MIB::vrrpInstanceName VI_\\d+\n)*)");
        for (String r : records) {
            Matcher m = record.matcher(r);
            assertTrue(m.matches(), "an interleaved record: " + r.substring(0, Math.min(200, r.length())));
            assertEquals(many.toString(), m.group(1));
        }
    }

    private void run(Path file, String stdin) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(HANDLER.toString(), file.toString()).redirectErrorStream(true).start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        assertTrue(p.waitFor(10, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }
}
