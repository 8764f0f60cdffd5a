package org.keepalive4j.systemd;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.keepalive4j.linux.UnixDatagramSocket;

/**
 * What systemd tells a service through its environment (sd_notify(3), sd_watchdog_enabled(3)):
 * {@code NOTIFY_SOCKET} (a path, or {@code @name} in the abstract namespace) and, with WatchdogSec=,
 * {@code WATCHDOG_USEC} and {@code WATCHDOG_PID} (the process the watchdog is meant for; a child that
 * inherited the variables must not ping in its parent's place).
 *
 * @param socket   where notifications go; null: not started by a service manager that listens
 * @param watchdog the watchdog timeout; null: no watchdog, or one meant for another process
 * @param problem  why a variable that is present was ignored (for one warning in the log); null: none
 */
public record NotifyEnvironment(UnixDatagramSocket.Address socket, Duration watchdog, String problem) {

    public static final String NOTIFY_SOCKET = "NOTIFY_SOCKET";
    public static final String WATCHDOG_USEC = "WATCHDOG_USEC";
    public static final String WATCHDOG_PID = "WATCHDOG_PID";

    public static final NotifyEnvironment NONE = new NotifyEnvironment(null, null, null);

    /** Reads the variables of {@code env} for the process {@code ownPid}. */
    public static NotifyEnvironment parse(Map<String, String> env, long ownPid) {
        String socketValue = env.get(NOTIFY_SOCKET);
        if (socketValue == null || socketValue.isEmpty()) {
            return NONE;
        }
        UnixDatagramSocket.Address socket;
        try {
            socket = socketAddress(socketValue);
        } catch (IllegalArgumentException e) {
            return new NotifyEnvironment(null, null, NOTIFY_SOCKET + " ignored: " + e.getMessage());
        }
        String usec = env.get(WATCHDOG_USEC);
        if (usec == null || usec.isEmpty()) {
            return new NotifyEnvironment(socket, null, null);
        }
        String pid = env.get(WATCHDOG_PID);
        if (pid != null && !pid.isEmpty() && !pid.equals(Long.toString(ownPid))) {
            // systemd sets it for the main process; we are someone else (a child that inherited it)
            return new NotifyEnvironment(socket, null, WATCHDOG_USEC + " ignored: " + WATCHDOG_PID + " is " + pid
                    + ", not this process (" + ownPid + ")");
        }
        long micros;
        try {
            micros = Long.parseLong(usec);
        } catch (NumberFormatException e) {
            micros = 0;
        }
        if (micros <= 0) {
            return new NotifyEnvironment(socket, null, WATCHDOG_USEC + " ignored: '" + usec
                    + "' is not a positive number of microseconds");
        }
        return new NotifyEnvironment(socket, Duration.ofNanos(Math.multiplyExact(micros, 1000L)), null);
    }

    /** "/run/systemd/notify" or "@name"; systemd accepts nothing else (a relative path is an error). */
    static UnixDatagramSocket.Address socketAddress(String value) {
        if (value.startsWith("@")) {
            return UnixDatagramSocket.Address.abstractName(value.substring(1));
        }
        if (!value.startsWith("/")) {
            throw new IllegalArgumentException("'" + value + "' is neither an absolute path nor @name");
        }
        return UnixDatagramSocket.Address.path(value);
    }

    /**
     * How often to ping: half the timeout, as sd_watchdog_enabled(3) advises, so one late ping still
     * arrives in time. Empty without a watchdog.
     */
    public Optional<Duration> pingInterval() {
        return Optional.ofNullable(watchdog).map(w -> w.dividedBy(2));
    }
}
