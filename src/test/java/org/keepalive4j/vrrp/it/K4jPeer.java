package org.keepalive4j.vrrp.it;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.keepalive4j.testlib.Host;

/** keepalive4j's shaded jar (system property keepalive4j.jar, set by failsafe) on a lab host. */
public final class K4jPeer extends VrrpPeer {

    static final Path JAR = Path.of(System.getProperty("keepalive4j.jar", "target/keepalive4j-0.1.0-SNAPSHOT.jar"));

    public K4jPeer(Host host, VrrpSetup setup, List<Host> peers) {
        super(host, setup, peers);
    }

    @Override
    public String daemonName() {
        return "keepalive4j";
    }

    /** The JVM flags of scripts/keepalive4j that shorten startup; the daemon's own command line as keepalived's. */
    @Override
    protected List<String> command(Path conf, Path dir) {
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", JAR.toString(),
                "-n", "-l", "-D", "-P", "-f", conf.toString(),
                "-p", dir.resolve("p.pid").toString(), "-r", dir.resolve("r.pid").toString(),
                "-c", dir.resolve("c.pid").toString());
    }

    @Override
    protected Map<String, String> environment(Path dir) {
        return Map.of("KEEPALIVE4J_DUMP_DIR", dir.toString());
    }

    @Override
    public PeerStats stats() {
        Path stats = dir().resolve("keepalived.stats");
        return dump(List.of(stats), List.of("USR2"), () -> K4jStatsFile.parse(read(stats)));
    }
}
