package org.keepalive4j.daemon;

import java.util.Locale;

/** The syslog facilities keepalived's -S accepts, with their syslog(3) codes. */
public enum SyslogFacility {
    USER(1), DAEMON(3),
    LOCAL0(16), LOCAL1(17), LOCAL2(18), LOCAL3(19), LOCAL4(20), LOCAL5(21), LOCAL6(22), LOCAL7(23);

    private final int code;

    SyslogFacility(int code) {
        this.code = code;
    }

    /** The facility value as openlog(3) expects it (the code shifted into the facility bits). */
    public int openlogValue() {
        return code << 3;
    }

    /** Accepts "0".."7" (meaning local0..local7, as keepalived does), "local0".."local7", "user", "daemon". */
    public static SyslogFacility parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.length() == 1 && t.charAt(0) >= '0' && t.charAt(0) <= '7') {
            return valueOf("LOCAL" + t);
        }
        for (SyslogFacility f : values()) {
            if (f.name().toLowerCase(Locale.ROOT).equals(t)) {
                return f;
            }
        }
        throw new IllegalArgumentException("expected 0-7, local0-local7, user or daemon");
    }
}
