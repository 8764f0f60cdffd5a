package org.keepalive4j.config.model.check;

import java.util.List;
import org.keepalive4j.config.SourceLocation;

/**
 * One url of an HTTP/SSL checker.
 *
 * @param digest       lower-case MD5 hex of the body; null when not checked
 * @param statusCodes  accepted codes; 200-299 when none was configured
 * @param virtualhost  null: the checker's
 * @param regex        null when not checked
 */
public record HttpUrl(
        String path,
        String digest,
        List<StatusCodeRange> statusCodes,
        String virtualhost,
        String regex,
        boolean regexNoMatch,
        List<String> regexOptions,
        Integer regexMinOffset,
        Integer regexMaxOffset,
        SourceLocation location) {

    public static final List<StatusCodeRange> DEFAULT_STATUS_CODES = List.of(new StatusCodeRange(200, 299));

    public HttpUrl {
        statusCodes = List.copyOf(statusCodes);
        regexOptions = List.copyOf(regexOptions);
    }

    public boolean accepts(int status) {
        return statusCodes.stream().anyMatch(r -> r.contains(status));
    }
}
