package org.keepalive4j.systemd;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.keepalive4j.linux.Clocks;
import org.keepalive4j.linux.ErrnoException;
import org.keepalive4j.linux.UnixDatagramSocket;

/**
 * Sends sd_notify(3) messages to the service manager; does nothing when the process was not started with
 * {@code $NOTIFY_SOCKET}. A failed send is logged once (and its recovery once), never thrown: systemd
 * being away must not stop the daemon, and the watchdog ping runs on the VRRP loop.
 *
 * <p>Threading: any thread; the lifecycle thread sends the state changes while the VRRP loop pings.
 */
public final class SystemdNotifier implements AutoCloseable {

    private static final Logger LOG = LogManager.getLogger(SystemdNotifier.class);

    public static final SystemdNotifier DISABLED = new SystemdNotifier(NotifyEnvironment.NONE, null);

    private final NotifyEnvironment environment;
    private final UnixDatagramSocket socket; // null: disabled
    private volatile boolean failing;

    private SystemdNotifier(NotifyEnvironment environment, UnixDatagramSocket socket) {
        this.environment = environment;
        this.socket = socket;
    }

    /** From this process's environment, e.g. {@code fromEnvironment(System.getenv(), ProcessHandle.current().pid())}. */
    public static SystemdNotifier fromEnvironment(Map<String, String> env, long ownPid) {
        NotifyEnvironment parsed = NotifyEnvironment.parse(env, ownPid);
        if (parsed.problem() != null) {
            LOG.warn("systemd: {}", parsed.problem());
        }
        if (parsed.socket() == null) {
            return DISABLED;
        }
        try {
            SystemdNotifier n = new SystemdNotifier(parsed, UnixDatagramSocket.openTo(parsed.socket()));
            LOG.info("systemd: notifications to {}{}", parsed.socket(), parsed.watchdog() == null ? ""
                    : ", watchdog " + parsed.watchdog().toMillis() + " ms (pinged every "
                    + parsed.pingInterval().orElseThrow().toMillis() + " ms)");
            return n;
        } catch (ErrnoException e) {
            LOG.error("systemd: cannot open a socket for notifications to {}: {}", parsed.socket(), e.getMessage());
            return DISABLED;
        }
    }

    public boolean enabled() {
        return socket != null;
    }

    /** How often {@link #watchdogPing()} must be called; empty when systemd runs no watchdog for us. */
    public Optional<Duration> watchdogPingInterval() {
        return socket == null ? Optional.empty() : environment.pingInterval();
    }

    public void ready(String status) {
        send(NotifyMessages.ready(status), "READY");
    }

    /** Before a reload; systemd shows the unit as "reloading" until the next {@link #ready}. */
    public void reloading(String status) {
        if (socket == null) {
            return;
        }
        long now;
        try {
            now = Clocks.monotonicMicros();
        } catch (ErrnoException e) {
            LOG.warn("systemd: no CLOCK_MONOTONIC for RELOADING: {}", e.getMessage());
            now = System.nanoTime() / 1000;
        }
        send(NotifyMessages.reloading(now, status), "RELOADING");
    }

    public void stopping(String status) {
        send(NotifyMessages.stopping(status), "STOPPING");
    }

    public void status(String status) {
        send(NotifyMessages.status(status), "STATUS");
    }

    /** WATCHDOG=1. Cheap: one sendto(2) of a constant datagram, never blocking. */
    public void watchdogPing() {
        if (socket != null) {
            send(NotifyMessages.WATCHDOG, "WATCHDOG");
        }
    }

    private void send(String message, String what) {
        if (socket != null) {
            send(NotifyMessages.bytes(message), what);
        }
    }

    private void send(byte[] datagram, String what) {
        try {
            socket.send(datagram);
            if (failing) {
                failing = false;
                LOG.info("systemd: notifications to {} work again", socket.peer());
            }
        } catch (ErrnoException e) {
            if (!failing) {
                failing = true;
                LOG.warn("systemd: cannot send {} to {}: {} (further failures are not logged until one succeeds)",
                        what, socket.peer(), e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        if (socket != null) {
            socket.close();
        }
    }
}
