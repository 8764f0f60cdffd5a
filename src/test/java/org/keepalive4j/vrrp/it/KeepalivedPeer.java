package org.keepalive4j.vrrp.it;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.keepalive4j.testlib.Host;

/** Debian's keepalived 2.2.7 (the reference) on a lab host. */
public final class KeepalivedPeer extends VrrpPeer {

    public KeepalivedPeer(Host host, VrrpSetup setup, List<Host> peers) {
        super(host, setup, peers);
    }

    @Override
    public String daemonName() {
        return "keepalived";
    }

    @Override
    protected List<String> command(Path conf, Path dir) {
        return List.of("keepalived", "-n", "-l", "-D", "-P", "-f", conf.toString(),
                "-p", dir.resolve("p.pid").toString(), "-r", dir.resolve("r.pid").toString(),
                "-c", dir.resolve("c.pid").toString());
    }

    /** keepalived writes keepalived.stats and keepalived.data to $TMPDIR (default /tmp). */
    @Override
    protected Map<String, String> environment(Path dir) {
        return Map.of("TMPDIR", dir.toString());
    }

    /** USR2 writes the counters, USR1 the data file that has each instance's state. */
    @Override
    public PeerStats stats() {
        Path stats = dir().resolve("keepalived.stats");
        Path data = dir().resolve("keepalived.data");
        return dump(List.of(stats, data), List.of("USR2", "USR1"),
                () -> KeepalivedDump.parse(read(stats), read(data)));
    }
}
