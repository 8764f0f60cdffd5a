package org.keepalive4j.vrrp.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.keepalive4j.testlib.Host;
import org.keepalive4j.testlib.ManagedProcess;

/**
 * tcpdump on a lab host's eth0, recording every VRRP advert it sees (sent or received) with the kernel's
 * capture timestamp, so that tests can measure the gaps between a master's adverts on the wire; ARP too,
 * for gratuitous ARP.
 */
final class AdvertCapture implements AutoCloseable {

    /** One advert as tcpdump saw it; {@code micros} is wall-clock time (epoch microseconds). */
    record Advert(long micros, String source, int vrid, int priority) {
    }

    private static final Pattern LINE = Pattern.compile(
            "^(\\d+)\\.(\\d{6}) IP (\\S+) > \\S+: VRRPv\\d, Advertisement, vrid (\\d+), prio (\\d+)",
            Pattern.MULTILINE);

    private final ManagedProcess tcpdump;

    private AdvertCapture(ManagedProcess tcpdump) {
        this.tcpdump = tcpdump;
    }

    static AdvertCapture start(Host host) {
        ManagedProcess p = host.start("tcpdump-vrrp", List.of("tcpdump", "-i", "eth0", "-n", "-l", "-tt",
                "--immediate-mode", "ip proto 112 or arp"), Map.of());
        p.waitForOutput("listening on eth0", Duration.ofSeconds(10));
        return new AdvertCapture(p);
    }

    List<Advert> adverts() {
        List<Advert> out = new ArrayList<>();
        Matcher m = LINE.matcher(tcpdump.stdout());
        while (m.find()) {
            out.add(new Advert(Long.parseLong(m.group(1)) * 1_000_000 + Long.parseLong(m.group(2)), m.group(3),
                    Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5))));
        }
        return out;
    }

    /** Whether a gratuitous ARP request for {@code ipv4} was seen (keepalived's and our form: who-has A tell A). */
    boolean sawGratuitousArp(String ipv4) {
        return tcpdump.stdout().contains("Request who-has " + ipv4 + " tell " + ipv4);
    }

    /** The adverts from {@code source} for {@code vrid} at or after {@code fromMicros}. */
    List<Advert> from(String source, int vrid, long fromMicros) {
        return adverts().stream()
                .filter(a -> a.source().equals(source) && a.vrid() == vrid && a.micros() >= fromMicros)
                .toList();
    }

    /** The largest time between two consecutive adverts of the list; zero for fewer than two. */
    static Duration largestGap(List<Advert> adverts) {
        long gap = 0;
        for (int i = 1; i < adverts.size(); i++) {
            gap = Math.max(gap, adverts.get(i).micros() - adverts.get(i - 1).micros());
        }
        return Duration.ofNanos(gap * 1000);
    }

    static long nowMicros() {
        java.time.Instant now = java.time.Instant.now();
        return now.getEpochSecond() * 1_000_000 + now.getNano() / 1000;
    }

    @Override
    public void close() {
        tcpdump.stop();
    }
}
