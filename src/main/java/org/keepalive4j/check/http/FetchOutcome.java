package org.keepalive4j.check.http;

/**
 * How an exchange ended: a failure before a response could be judged, or the scanned response.
 *
 * @param failure  null when the stream was read to its end
 * @param cause    the exception text behind a failure, for operators ("Connection refused"); may be null
 * @param response the scan so far (never null; empty when nothing came)
 * @param cleanEnd the server closed the stream in order (FIN; close_notify for TLS)
 */
public record FetchOutcome(FetchFailure failure, String cause, ResponseScanner response, boolean cleanEnd) {

    public boolean ok() {
        return failure == null;
    }
}
