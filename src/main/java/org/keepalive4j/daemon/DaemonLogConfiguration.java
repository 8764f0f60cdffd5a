package org.keepalive4j.daemon;

import java.util.ArrayList;
import java.util.List;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.appender.ConsoleAppender;
import org.apache.logging.log4j.core.config.AbstractConfiguration;
import org.apache.logging.log4j.core.config.ConfigurationSource;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.layout.PatternLayout;

/**
 * The whole log4j2 configuration, built from the command line rather than read from a file, because
 * keepalived's -l, -D, -S and -G decide it. One line per event; stack traces only with -D. The sinks sit
 * behind a {@link QueuedAppender}, so logging never blocks the thread that logs.
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
        List<Appender> sinks = new ArrayList<>();
        if (settings.console()) {
            sinks.add(ConsoleAppender.newBuilder()
                    .setName("console")
                    .setTarget(ConsoleAppender.Target.SYSTEM_ERR)
                    .setLayout(layout("%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level %msg%n"))
                    .setConfiguration(this)
                    .build());
        }
        if (settings.syslog()) {
            sinks.add(new SyslogAppender("syslog", layout("%msg"), settings.facility()));
        }
        sinks.forEach(Appender::start);
        // no thread that logs (above all the real-time VRRP loop) ever waits for a sink
        Appender queued = new QueuedAppender("queued", sinks, QueuedAppender.DEFAULT_CAPACITY);
        queued.start();
        addAppender(queued);
        root.addAppender(queued, null, null);
    }

    private PatternLayout layout(String pattern) {
        return PatternLayout.newBuilder()
                .withPattern(pattern)
                .withAlwaysWriteExceptions(settings.detail())
                .withConfiguration(this)
                .build();
    }
}
