package org.keepalive4j.config.model.check;

import java.util.List;
import org.keepalive4j.config.SourceLocation;

/**
 * SMTP_CHECK: connects and exchanges HELO/QUIT. keepalived checks the checker's own connection and,
 * in addition, every (deprecated) host block, each with its own connection settings.
 */
public record SmtpCheck(CheckerCommon common, String heloName, List<CheckerCommon> hosts, SourceLocation location)
        implements Checker {

    public static final String DEFAULT_HELO = "smtpchecker.keepalived.org";

    public SmtpCheck {
        hosts = List.copyOf(hosts);
    }
}
