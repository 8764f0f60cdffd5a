package org.keepalive4j.config;

/**
 * One finding of the parser. Errors stop the configuration from being used; warnings are
 * reported (as keepalived does for unknown keywords and facts about this host) and parsing goes on.
 */
public record Diagnostic(Severity severity, SourceLocation location, String keyword, String message) {

    public enum Severity { WARNING, ERROR }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** e.g. {@code /etc/keepalived/keepalived.conf:12: error: 'priority': 300 is outside 1..255}. */
    @Override
    public String toString() {
        String kw = keyword == null || keyword.isEmpty() ? "" : "'" + keyword + "': ";
        return location + ": " + severity.name().toLowerCase() + ": " + kw + message;
    }
}
