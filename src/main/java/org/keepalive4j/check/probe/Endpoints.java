package org.keepalive4j.check.probe;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.NoRouteToHostException;
import java.nio.channels.AsynchronousChannelGroup;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.AsynchronousSocketChannel;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.Locale;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.keepalive4j.config.model.check.CheckerCommon;

/** The addresses a checker connects to and from, and how connection failures read in log lines. */
final class Endpoints {

    private static final Logger LOG = LogManager.getLogger(Endpoints.class);
    /** Threads completing the TCP connects, reads and writes of every TCP and SMTP probe. */
    static final int CHANNEL_THREADS = 2;
    private static AsynchronousChannelGroup group;

    private Endpoints() {
    }

    /**
     * A channel in the probes' own group: a fixed pool of {@value #CHANNEL_THREADS} threads runs every
     * completion handler (they never block), where the JDK's default group would add threads under load.
     */
    static AsynchronousSocketChannel openChannel() throws IOException {
        synchronized (Endpoints.class) {
            if (group == null) {
                AtomicInteger n = new AtomicInteger();
                group = AsynchronousChannelGroup.withFixedThreadPool(CHANNEL_THREADS, r -> {
                    Thread t = new Thread(r, "check-tcp-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
            }
        }
        return AsynchronousSocketChannel.open(group);
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

    /** bindto and bind_port as a local address, or null when neither is set (the kernel chooses). */
    static InetSocketAddress local(CheckerCommon c) {
        if (c.bindto() == null && c.bindPort() == null) {
            return null;
        }
        int port = c.bindPort() == null ? 0 : c.bindPort();
        return c.bindto() == null ? new InetSocketAddress(port) : new InetSocketAddress(c.bindto(), port);
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

    /**
     * The JDK's TCP channels (TCP_CHECK, SMTP_CHECK) offer neither SO_MARK nor SO_BINDTODEVICE; the probe
     * still runs, without them, and the operator is told once when the checker is created. (The datagram
     * and ICMP probes use the linux package's sockets, which apply both.)
     */
    static void warnUnsupportedOptions(CheckerCommon c, String what) {
        if (c.fwmark() != null) {
            LOG.warn("{}: fwmark {} is not applied to TCP check connections yet; checking without it", what,
                    c.fwmark());
        }
        if (c.bindIf() != null) {
            LOG.warn("{}: bind_if {} is not applied to TCP check connections yet (it only scopes a link-local"
                    + " connect_ip); checking without it", what, c.bindIf());
        }
    }

    /** A short reason for a failed connect or exchange: "connection refused", "no route to host", ... */
    static String connectFailure(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getMessage() == null) {
            t = t.getCause();
        }
        if (t instanceof AsynchronousCloseException) {
            return "connection closed";
        }
        String msg = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        String lower = msg.toLowerCase(Locale.ROOT);
        if (lower.contains("connection refused")) {
            return "connection refused";
        }
        if (t instanceof NoRouteToHostException || lower.contains("no route to host")) {
            return "no route to host";
        }
        if (t instanceof ConnectException) {
            return "connect failed: " + msg;
        }
        return msg;
    }
}
