package org.keepalive4j.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keepalive4j.testlib.CommandResult;
import org.keepalive4j.testlib.Host;
import org.keepalive4j.testlib.ManagedProcess;
import org.keepalive4j.testlib.NetnsLab;
import org.keepalive4j.testlib.Root;

/**
 * The package against a real kernel: every native call runs in {@link LinuxProbeMain} inside a lab
 * host's namespace, and the test checks what it prints against what {@code ip} and {@code tcpdump} see.
 */
class LinuxIoIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    /** How soon after the command that caused it a link or address event must reach the listener. */
    private static final long EVENT_DEADLINE_MILLIS = 100;

    @BeforeEach
    void root() {
        Root.assume();
    }

    @Test
    void ipv4VrrpDatagramsArriveWithTtl255AndTheirArrivalInfo() {
        try (NetnsLab lab = NetnsLab.builder().hosts(2).start()) {
            Host h1 = lab.host(1);
            Host h2 = lab.host(2);
            ManagedProcess receiver = probe(h2, "receiver", "receive", "v4", "eth0", "224.0.0.18", "2", "15000");
            receiver.waitForOutput("ready", WAIT);
            assertTrue(h2.exec("ip", "maddr", "show", "dev", "eth0").orThrow().stdout().contains("224.0.0.18"),
                    "the receiver's membership is the kernel's");

            String sender = probeAndWait(h1, "send", "v4", "eth0", "224.0.0.18", "multicast",
                    "--", "send", "v4", "eth0", h2.ipv4(), "unicast", h1.ipv4(),
                    "--", "own", "v4", "eth0", "224.0.0.18", "300");
            assertTrue(sender.contains("own 0"), "the sender must not receive its own multicast:\n" + sender);

            receiver.waitForOutput("received [2-9]", WAIT);
            String ifindex = Integer.toString(ifindex(h2));
            assertPacket(receiver.stdout(), "multicast", h1.ipv4(), "224.0.0.18", ifindex);
            assertPacket(receiver.stdout(), "unicast", h1.ipv4(), h2.ipv4(), ifindex);
        }
    }

    @Test
    void ipv6VrrpDatagramsArriveWithHopLimit255AndTheChosenSource() {
        try (NetnsLab lab = NetnsLab.builder().hosts(2).ipv6().start()) {
            Host h1 = lab.host(1);
            Host h2 = lab.host(2);
            ManagedProcess receiver = probe(h2, "receiver", "receive", "v6", "eth0", "ff02::12", "2", "15000");
            receiver.waitForOutput("ready", WAIT);

            String sender = probeAndWait(h1, "send", "v6", "eth0", "ff02::12", "multicast", h1.ipv6(),
                    "--", "send", "v6", "eth0", h2.ipv6(), "unicast",
                    "--", "own", "v6", "eth0", "ff02::12", "300");
            assertTrue(sender.contains("own 0"), "the sender must not receive its own multicast:\n" + sender);

            receiver.waitForOutput("received [2-9]", WAIT);
            String ifindex = Integer.toString(ifindex(h2));
            assertPacket(receiver.stdout(), "multicast", h1.ipv6(), "ff02::12", ifindex);
            assertPacket(receiver.stdout(), "unicast", h1.ipv6(), h2.ipv6(), ifindex);
        }
    }

    @Test
    void anIpv4SenderMayBuildItsOwnHeaderForAh() {
        try (NetnsLab lab = NetnsLab.builder().hosts(2).start()) {
            Host h1 = lab.host(1);
            Host h2 = lab.host(2);
            ManagedProcess receiver = probe(h2, "receiver", "receive", "v4", "eth0", "224.0.0.18", "1", "15000",
                    Integer.toString(RawIpSocket.PROTOCOL_AH));
            receiver.waitForOutput("ready", WAIT);
            probeAndWait(h1, "send-ah", "eth0", h1.ipv4(), "224.0.0.18", "authenticated");
            receiver.waitForOutput("received 1", WAIT);
            // 20 bytes of header, completed by the kernel, and the payload after it
            assertTrue(receiver.stdout().contains("length=33 payload=authenticated"), receiver.stdout());
            assertPacket(receiver.stdout(), "authenticated", h1.ipv4(), "224.0.0.18", Integer.toString(ifindex(h2)));
        }
    }

    @Test
    void thePollerWakesOnTheEventFdFromAnotherThreadAndOnReadableSockets() {
        try (NetnsLab lab = NetnsLab.builder().hosts(2).start()) {
            ManagedProcess receiver = probe(lab.host(2), "receiver", "receive", "v4", "eth0", "224.0.0.18", "1",
                    "15000");
            String woken = receiver.waitForOutput("woken by eventfd after \\d+ ms, ready \\d+", WAIT);
            Matcher m = Pattern.compile("after (\\d+) ms, ready (\\d+)").matcher(woken);
            assertTrue(m.find());
            long millis = Long.parseLong(m.group(1));
            assertTrue(millis >= 90 && millis < 1_000, woken);
            assertEquals("0", m.group(2), "a wake-up alone makes nothing ready");

            receiver.waitForOutput("ready\n", WAIT);
            probeAndWait(lab.host(1), "send", "v4", "eth0", "224.0.0.18", "wake");
            String line = receiver.waitForOutput("packet .* payload=wake polled=\\d+ms", WAIT);
            long polled = Long.parseLong(line.replaceAll(".*polled=(\\d+)ms", "$1"));
            assertTrue(polled < 15_000, line);
        }
    }

    @Test
    void rtnetlinkAddsAndDeletesAnIpv4AddressWithLabel() throws IOException {
        try (NetnsLab lab = NetnsLab.builder().hosts(1).start()) {
            Host h1 = lab.host(1);
            Path go = h1.workDir().resolve("go");
            ManagedProcess p = probe(h1, "addresses",
                    "add", "eth0", "10.77.0.200/24", "label=eth0:vip", "brd=10.77.0.255",
                    "--", "add", "eth0", "10.77.0.200/24", "label=eth0:vip",
                    "--", "await", go.toString(),
                    "--", "delete", "eth0", "10.77.0.200/24",
                    "--", "delete", "eth0", "10.77.0.200/24",
                    "--", "links");
            p.waitForOutput("added false", WAIT);
            String out = p.stdout();
            assertTrue(out.contains("added true 10.77.0.200/24"), out);
            assertTrue(out.contains("listed 10.77.0.200/24 ifindex " + ifindex(h1)
                    + " brd 10.77.0.255 label eth0:vip scope 0"), "the dump shows it:\n" + out);

            String json = addressJson(h1, "10.77.0.200");
            assertTrue(json.contains("\"prefixlen\":24"), json);
            assertTrue(json.contains("\"label\":\"eth0:vip\""), json);
            assertTrue(json.contains("\"scope\":\"global\""), json);
            assertTrue(json.contains("\"broadcast\":\"10.77.0.255\""), json);
            // same subnet as the host's own address: the kernel makes it secondary
            assertTrue(json.contains("\"secondary\":true"), json);

            Files.createFile(go);
            p.waitForOutput("probe done", WAIT);
            assertTrue(p.stdout().contains("deleted true"), p.stdout());
            assertTrue(p.stdout().contains("deleted false"), "a second delete finds nothing:\n" + p.stdout());
            assertFalse(h1.hasAddress("10.77.0.200"));
            assertTrue(h1.hasAddress("10.77.0.11/24"), "the host's own address stays");
            assertTrue(p.stdout().contains("link " + ifindex(h1) + " eth0 " + mac(h1) + " up=true"), p.stdout());
            assertTrue(p.stdout().contains("link 1 lo 00:00:00:00:00:00 up=true"), p.stdout());
        }
    }

    @Test
    void rtnetlinkAddsAnIpv6AddressWithoutDuplicateAddressDetection() throws IOException {
        try (NetnsLab lab = NetnsLab.builder().hosts(1).ipv6().start()) {
            Host h1 = lab.host(1);
            Path go = h1.workDir().resolve("go");
            ManagedProcess p = probe(h1, "addresses",
                    "add", "eth0", "fd00:77::200/64", "nodad", "noprefixroute",
                    "--", "await", go.toString(),
                    "--", "delete", "eth0", "fd00:77::200/64");
            p.waitForOutput("added (true|false)", WAIT);
            assertTrue(p.stdout().contains("added true fd00:77:0:0:0:0:0:200/64"), p.stdout());

            String json = addressJson(h1, "fd00:77::200");
            assertTrue(json.contains("\"prefixlen\":64"), json);
            assertTrue(json.contains("\"nodad\":true"), json);
            assertTrue(json.contains("\"noprefixroute\":true"), json);
            assertFalse(json.contains("tentative"), "usable at once: " + json);

            Files.createFile(go);
            p.waitForOutput("deleted true", WAIT);
            assertFalse(h1.hasAddress("fd00:77::200"));
        }
    }

    @Test
    void linkAndAddressChangesArriveAsTypedEventsWithin100Ms() {
        try (NetnsLab lab = NetnsLab.builder().hosts(1).start()) {
            Host h1 = lab.host(1);
            ManagedProcess events = probe(h1, "events", "events", "20000");
            events.waitForOutput("ready", WAIT);

            assertEventSoonAfter(events, () -> h1.exec("ip", "link", "set", "eth0", "down").orThrow(),
                    "link eth0 index=\\d+ up=false running=false");
            assertEventSoonAfter(events, () -> h1.exec("ip", "link", "set", "eth0", "up").orThrow(),
                    "link eth0 index=\\d+ up=true running=true carrier=true");
            assertEventSoonAfter(events, h1::linkDown, "link eth0 index=\\d+ up=true running=false carrier=false");
            assertEventSoonAfter(events, h1::linkUp, "link eth0 index=\\d+ up=true running=true carrier=true");
            assertEventSoonAfter(events,
                    () -> h1.exec("ip", "addr", "add", "10.77.0.201/24", "dev", "eth0", "label", "eth0:x").orThrow(),
                    "address-added 10\\.77\\.0\\.201/24 ifindex \\d+ .*label eth0:x");
            assertEventSoonAfter(events,
                    () -> h1.exec("ip", "addr", "del", "10.77.0.201/24", "dev", "eth0").orThrow(),
                    "address-removed 10\\.77\\.0\\.201/24");
        }
    }

    @Test
    void gratuitousArpAndUnsolicitedNeighbourAdvertisementReachThePeer() {
        try (NetnsLab lab = NetnsLab.builder().hosts(2).ipv6().start()) {
            Host h1 = lab.host(1);
            Host h2 = lab.host(2);
            String mac = mac(h1);
            h1.exec("ip", "addr", "add", "fd00:77::200/64", "dev", "eth0", "nodad").orThrow();
            // h2 has stale entries for both addresses; the announcements must override them
            h2.exec("ip", "neigh", "replace", "10.77.0.200", "lladdr", "02:00:00:00:00:99", "dev", "eth0", "nud",
                    "stale").orThrow();
            h2.exec("ip", "neigh", "replace", "fd00:77::200", "lladdr", "02:00:00:00:00:99", "dev", "eth0", "nud",
                    "stale").orThrow();
            ManagedProcess capture = h2.start("tcpdump", List.of("tcpdump", "-i", "eth0", "-n", "-e", "-vv", "-l",
                    "-c", "3", "arp or (icmp6 and ip6[40] == 136)"), Map.of());
            capture.waitForOutput("listening on eth0", WAIT);

            String out = probeAndWait(h1, "garp", "eth0", "10.77.0.200", "request",
                    "--", "garp", "eth0", "10.77.0.200", "reply",
                    "--", "na", "eth0", "fd00:77::200");
            assertTrue(out.contains("announced 10.77.0.200 at " + mac), out);

            capture.waitForOutput("3 packets captured", WAIT);
            String seen = capture.stdout();
            assertTrue(seen.contains(mac + " > ff:ff:ff:ff:ff:ff, ethertype ARP"), seen);
            assertTrue(seen.contains("Request who-has 10.77.0.200 tell 10.77.0.200"), seen);
            assertTrue(seen.contains("Reply 10.77.0.200 is-at " + mac), seen);
            assertTrue(seen.contains(mac + " > 33:33:00:00:00:01, ethertype IPv6"), seen);
            assertTrue(seen.contains("hlim 255"), seen);
            assertTrue(seen.contains("fd00:77::200 > ff02::1: [icmp6 sum ok] ICMP6, neighbor advertisement"), seen);
            assertTrue(seen.contains("tgt is fd00:77::200, Flags [override]"), seen);
            assertTrue(seen.contains("destination link-address option (2), length 8 (1): " + mac), seen);

            assertTrue(h2.exec("ip", "neigh", "show", "10.77.0.200", "dev", "eth0").orThrow().stdout().contains(mac),
                    "h2's ARP cache follows the announcement");
            assertTrue(h2.exec("ip", "neigh", "show", "fd00:77::200", "dev", "eth0").orThrow().stdout().contains(mac),
                    "h2's neighbour cache follows the advertisement");
        }
    }

    // ------------------------------------------------------------------ helpers

    private static ManagedProcess probe(Host host, String label, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp",
                System.getProperty("java.class.path"), LinuxProbeMain.class.getName()));
        command.addAll(List.of(args));
        return host.start(label, command, Map.of());
    }

    /** Runs a probe to completion and returns what it printed. */
    private static String probeAndWait(Host host, String... args) {
        ManagedProcess p = probe(host, "probe-" + System.nanoTime(), args);
        int exit = p.waitForExit(WAIT);
        assertEquals(0, exit, p + " failed:\n" + p.stdout() + p.stderr());
        return p.stdout();
    }

    /** A line "packet src=SOURCE dst=DESTINATION ifindex=N ttl=255 ... payload=PAYLOAD". */
    private static void assertPacket(String output, String payload, String source, String destination,
            String ifindex) {
        Optional<String> line = output.lines().filter(l -> l.startsWith("packet ") && l.contains("payload=" + payload))
                .findFirst();
        assertTrue(line.isPresent(), "no packet " + payload + " in:\n" + output);
        Map<String, String> fields = new HashMap<>();
        for (String field : line.get().split(" ")) {
            int eq = field.indexOf('=');
            if (eq > 0) {
                fields.put(field.substring(0, eq), field.substring(eq + 1));
            }
        }
        assertEquals(address(source), address(fields.get("src")), line.get());
        assertEquals(address(destination), address(fields.get("dst")), line.get());
        assertEquals(ifindex, fields.get("ifindex"), line.get());
        assertEquals("255", fields.get("ttl"), line.get());
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (IOException e) {
            throw new AssertionError(literal, e);
        }
    }

    private interface Action {
        void run();
    }

    /** Runs the action and expects an event line matching {@code regex} at most 100 ms after it finished. */
    private static void assertEventSoonAfter(ManagedProcess events, Action action, String regex) {
        int before = events.stdout().length();
        action.run();
        long done = System.currentTimeMillis();
        Pattern event = Pattern.compile("event (\\d+) (?:" + regex + ")");
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            Matcher m = event.matcher(events.stdout().substring(before));
            if (m.find()) {
                long at = Long.parseLong(m.group(1));
                assertTrue(at <= done + EVENT_DEADLINE_MILLIS,
                        "event " + (at - done) + " ms after the change: " + m.group());
                return;
            }
            assertTrue(System.nanoTime() < deadline, "no event /" + regex + "/ in:\n" + events.stdout());
            sleep(10);
        }
    }

    private static int ifindex(Host host) {
        CommandResult r = host.exec("cat", "/sys/class/net/eth0/ifindex").orThrow();
        return Integer.parseInt(r.stdout().strip());
    }

    private static String mac(Host host) {
        return host.exec("cat", "/sys/class/net/eth0/address").orThrow().stdout().strip();
    }

    /** The addr_info object of {@code address} in {@code ip -j addr show dev eth0}. */
    private static String addressJson(Host host, String address) {
        String json = host.exec("ip", "-j", "addr", "show", "dev", "eth0").orThrow().stdout();
        Matcher m = Pattern.compile("\\{[^{}]*\"local\":\"" + Pattern.quote(address) + "\"[^{}]*\\}").matcher(json);
        assertTrue(m.find(), address + " not in " + json);
        return m.group();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
