/**
 * The service manager's side of a keepalive4j run: the sd_notify(3) protocol spoken to systemd over its
 * notify socket ({@code $NOTIFY_SOCKET}), without libsystemd. {@link org.keepalive4j.systemd.NotifyEnvironment}
 * reads what systemd put in the environment, {@link org.keepalive4j.systemd.NotifyMessages} builds the
 * datagrams, {@link org.keepalive4j.systemd.SystemdNotifier} sends them.
 *
 * <p>Who sends what: the daemon's lifecycle thread sends READY=1 once every subsystem has started,
 * RELOADING=1 / READY=1 around a SIGHUP reload and STOPPING=1 at an orderly stop. The watchdog ping
 * (WATCHDOG=1) comes from the VRRP event loop, so a loop that stalls stops the pings and systemd
 * restarts the daemon; with {@code -C} (no VRRP engine) it comes from the check engine's owner thread.
 */
package org.keepalive4j.systemd;
