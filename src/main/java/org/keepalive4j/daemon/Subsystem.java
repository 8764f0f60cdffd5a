package org.keepalive4j.daemon;

import org.keepalive4j.config.model.KeepalivedConfig;

/**
 * An engine the daemon runs: the VRRP engine, the health checkers, the SNMP agent. {@link Daemon}
 * calls every method from its single lifecycle thread, in list order for start and reload and in
 * reverse order for stop, so an implementation needs no locking for what these methods touch.
 */
public interface Subsystem {

    /** Short name for log lines and dump headings, e.g. "VRRP". */
    String name();

    void start(KeepalivedConfig config) throws Exception;

    /** Called after SIGHUP with a configuration that parsed without errors. */
    void reload(KeepalivedConfig config) throws Exception;

    /** Must not throw: the remaining subsystems still have to stop. */
    void stop();

    /** Runtime state for the SIGUSR1 data dump. */
    default void appendData(StringBuilder out) {
    }

    /** Counters for the SIGUSR2 statistics dump. */
    default void appendStats(StringBuilder out) {
    }
}
