package org.keepalive4j.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.apache.logging.log4j.message.SimpleMessage;
import org.junit.jupiter.api.Test;

class LogSettingsTest {

    @Test
    void syslogByDefaultConsoleWithL() throws Exception {
        LogSettings s = LogSettings.choose(CommandLineParser.parse(), true);
        assertTrue(s.syslog());
        assertFalse(s.console());
        LogSettings both = LogSettings.choose(CommandLineParser.parse("-l", "-D", "-S", "local2"), true);
        assertTrue(both.syslog());
        assertTrue(both.console());
        assertTrue(both.detail());
        assertEquals(SyslogFacility.LOCAL2, both.facility());
    }

    @Test
    void withoutDevLogTheConsoleTakesOver() throws Exception {
        LogSettings s = LogSettings.choose(CommandLineParser.parse(), false);
        assertFalse(s.syslog());
        assertTrue(s.console());
        assertTrue(s.syslogMissing());
    }

    @Test
    void noSyslogStillLogsSomewhere() throws Exception {
        LogSettings s = LogSettings.choose(CommandLineParser.parse("-G"), true);
        assertFalse(s.syslog());
        assertTrue(s.console());
        assertFalse(s.syslogMissing());
    }

    @Test
    void facilityValuesAreTheSyslogCodesShifted() {
        assertEquals(3 << 3, SyslogFacility.DAEMON.openlogValue());
        assertEquals(16 << 3, SyslogFacility.LOCAL0.openlogValue());
        assertEquals(23 << 3, SyslogFacility.LOCAL7.openlogValue());
    }

    /** Calls the real libc through JNA; with no syslog daemon listening libc drops the line quietly. */
    @Test
    void syslogAppenderCallsLibcWithoutFailing() {
        SyslogAppender appender = new SyslogAppender("t", PatternLayout.newBuilder().withPattern("%msg").build(),
                SyslogFacility.LOCAL7);
        appender.start();
        appender.append(Log4jLogEvent.newBuilder().setLevel(Level.WARN)
                .setMessage(new SimpleMessage("keepalive4j unit test, 100% harmless")).build());
        appender.stop();
    }
}
