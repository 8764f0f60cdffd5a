package org.keepalive4j.daemon;

import com.sun.jna.Memory;
import java.nio.charset.StandardCharsets;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;
import org.apache.logging.log4j.core.layout.PatternLayout;

/**
 * Logs through libc's syslog(3) to /dev/log, as keepalived does. log4j's own syslog appender only
 * speaks UDP/TCP, and the JDK cannot open the datagram unix socket journald and rsyslog listen on.
 */
final class SyslogAppender extends AbstractAppender {

    private static final String IDENT = "keepalive4j";
    private static final int LOG_ERR = 3;
    private static final int LOG_WARNING = 4;
    private static final int LOG_INFO = 6;
    private static final int LOG_DEBUG = 7;

    /** Referenced for the life of the process: openlog keeps the pointer. */
    private static Memory ident;

    SyslogAppender(String name, PatternLayout layout, SyslogFacility facility) {
        super(name, null, layout, true, Property.EMPTY_ARRAY);
        openlog(facility);
    }

    private static synchronized void openlog(SyslogFacility facility) {
        if (ident == null) {
            byte[] bytes = IDENT.getBytes(StandardCharsets.US_ASCII);
            ident = new Memory(bytes.length + 1L);
            ident.write(0, bytes, 0, bytes.length);
            ident.setByte(bytes.length, (byte) 0);
        }
        LibC.INSTANCE.openlog(ident, LibC.LOG_PID | LibC.LOG_NDELAY, facility.openlogValue());
    }

    @Override
    public void append(LogEvent event) {
        String text = new String(getLayout().toByteArray(event), StandardCharsets.UTF_8);
        // "%s" so that a '%' in a message is never read as a format directive
        LibC.INSTANCE.syslog(priority(event.getLevel()), "%s", text);
    }

    private static int priority(Level level) {
        if (level.isMoreSpecificThan(Level.ERROR)) {
            return LOG_ERR;
        }
        if (level.isMoreSpecificThan(Level.WARN)) {
            return LOG_WARNING;
        }
        return level.isMoreSpecificThan(Level.INFO) ? LOG_INFO : LOG_DEBUG;
    }
}
