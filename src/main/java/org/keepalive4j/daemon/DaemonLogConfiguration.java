package org.keepalive4j.daemon;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.appender.ConsoleAppender;
import org.apache.logging.log4j.core.config.AbstractConfiguration;
import org.apache.logging.log4j.core.config.ConfigurationSource;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.layout.PatternLayout;

/**
 * The whole log4j2 configuration, built from the command line rather than read from a file, because
 * keepalived's -l, -D, -S and -G decide it. One line per event; stack traces only with -D.
 */
final class DaemonLogConfiguration extends AbstractConfiguration {

    private final LogSettings settings;

    DaemonLogConfiguration(LogSettings settings) {
        super(null, ConfigurationSource.NULL_SOURCE);
        this.settings = settings;
        setName("keepalive4j");
    }

    @Override
    protected void doConfigure() {
        LoggerConfig root = getRootLogger();
        root.setLevel(settings.detail() ? Level.DEBUG : Level.INFO);
        if (settings.console()) {
            Appender console = ConsoleAppender.newBuilder()
                    .setName("console")
                    .setTarget(ConsoleAppender.Target.SYSTEM_ERR)
                    .setLayout(layout("%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level %msg%n"))
                    .setConfiguration(this)
                    .build();
            attach(root, console);
        }
        if (settings.syslog()) {
            attach(root, new SyslogAppender("syslog", layout("%msg"), settings.facility()));
        }
    }

    private PatternLayout layout(String pattern) {
        return PatternLayout.newBuilder()
                .withPattern(pattern)
                .withAlwaysWriteExceptions(settings.detail())
                .withConfiguration(this)
                .build();
    }

    private void attach(LoggerConfig root, Appender appender) {
        appender.start();
        addAppender(appender);
        root.addAppender(appender, null, null);
    }
}
