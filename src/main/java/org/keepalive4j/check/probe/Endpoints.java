package org.keepalive4j.check.probe;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import org.keepalive4j.config.model.check.CheckerCommon;

/** The address a checker connects to, and how addresses read in log lines. */
final class Endpoints {

    private Endpoints() {
    }

    /** connect_ip:connect_port, or null when the checker has no port. */
    static InetSocketAddress target(CheckerCommon c) {
        return c.connectPort() == null ? null : new InetSocketAddress(scoped(c.connectIp(), c.bindIf()), c.connectPort());
    }

    /**
     * A link-local IPv6 address is ambiguous without an interface; keepalived takes it from bind_if, and
     * so do we when the address does not name one itself.
     */
    static InetAddress scoped(InetAddress ip, String bindIf) {
        if (!(ip instanceof Inet6Address v6) || !v6.isLinkLocalAddress() || v6.getScopeId() != 0 || bindIf == null) {
            return ip;
        }
        try {
            NetworkInterface nif = NetworkInterface.getByName(bindIf);
            return nif == null ? ip : Inet6Address.getByAddress(null, v6.getAddress(), nif);
        } catch (IOException e) {
            return ip;
        }
    }

    /** "10.0.0.2:80", "[fd00::2]:53", or the bare address without a port. */
    static String format(CheckerCommon c) {
        return format(c.connectIp(), c.connectPort());
    }

    static String format(InetAddress ip, Integer port) {
        String a = ip == null ? "?" : ip.getHostAddress();
        if (ip instanceof Inet6Address) {
            a = "[" + a + "]";
        }
        return port == null ? a : a + ":" + port;
    }
}
