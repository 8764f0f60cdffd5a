package org.keepalive4j.vrrp.it;

import java.util.List;
import org.keepalive4j.testlib.Host;

/**
 * Which daemon the interop tests put in keepalive4j's place. By default keepalive4j itself; with
 * {@code -Dkeepalive4j.interop.daemon=keepalived} Debian's keepalived, which validates the tests (and
 * this harness) against the reference before the engine exists: every assertion that keepalived
 * passes is one keepalive4j must pass to be a drop-in replacement.
 */
final class DaemonUnderTest {

    static final String PROPERTY = "keepalive4j.interop.daemon";

    private DaemonUnderTest() {
    }

    static boolean isKeepalived() {
        String value = System.getProperty(PROPERTY, "keepalive4j");
        return switch (value) {
            case "keepalive4j" -> false;
            case "keepalived" -> true;
            default -> throw new IllegalArgumentException(PROPERTY + " must be keepalive4j or keepalived: " + value);
        };
    }

    static VrrpPeer on(Host host, VrrpSetup setup, List<Host> peers) {
        return isKeepalived() ? new KeepalivedPeer(host, setup, peers) : new K4jPeer(host, setup, peers);
    }
}
