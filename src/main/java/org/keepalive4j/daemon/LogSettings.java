package org.keepalive4j.daemon;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where log lines go and how detailed they are.
 *
 * @param console  stderr: -l, or the fallback when syslog was wanted but there is no /dev/log
 * @param syslog   the local syslog socket, unless -G
 * @param detail   -D: debug level, exceptions with their traces
 * @param syslogMissing syslog was wanted but /dev/log does not exist
 */
record LogSettings(boolean console, boolean syslog, boolean detail, SyslogFacility facility, boolean syslogMissing) {

    static final Path SYSLOG_SOCKET = Path.of("/dev/log");

    static LogSettings forCommandLine(CommandLine cl) {
        return choose(cl, Files.exists(SYSLOG_SOCKET));
    }

    static LogSettings choose(CommandLine cl, boolean syslogSocketExists) {
        boolean wantSyslog = !cl.noSyslog();
        boolean syslog = wantSyslog && syslogSocketExists;
        boolean missing = wantSyslog && !syslogSocketExists;
        // never run with nowhere to log: -G without -l still logs to stderr
        boolean console = cl.logConsole() || !syslog;
        return new LogSettings(console, syslog, cl.logDetail(), cl.logFacility(), missing);
    }
}
