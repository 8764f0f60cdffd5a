package org.keepalive4j.check.http;

/**
 * Why an exchange ended without a response to judge. {@link #genhashText} is what keepalived's genhash
 * prints for it (scripts compare it); {@link #operatorText} is what our logs say.
 */
public enum FetchFailure {
    CONNECT_TIMEOUT("Timeout connecting", "timeout connecting"),
    /** Refused, unreachable, reset: the server is not there. */
    CONNECT_FAILED("Connection failed", "connection failed"),
    /** The socket could not even be set up (bind to bindto failed, ...). */
    CONNECT_ERROR("Error connecting", "cannot connect"),
    TLS_HANDSHAKE("SSL handshake/communication error connecting to", "TLS handshake failed"),
    SEND_FAILED("Cannot send get request to", "cannot send the request"),
    /** Nothing at all came back in time. */
    RESPONSE_TIMEOUT("Timeout WEB read", "timeout waiting for the response"),
    /** The response started but stalled. */
    READ_TIMEOUT("Timeout HTTP read", "timeout reading the response"),
    TLS_READ_TIMEOUT("Timeout SSL read", "timeout reading the response"),
    READ_ERROR("Read error with", "read error"),
    /** The probe was closed while the exchange ran. */
    ABORTED("Aborted", "aborted");

    public final String genhashText;
    public final String operatorText;

    FetchFailure(String genhashText, String operatorText) {
        this.genhashText = genhashText;
        this.operatorText = operatorText;
    }

    public boolean isTimeout() {
        return this == CONNECT_TIMEOUT || this == RESPONSE_TIMEOUT || this == READ_TIMEOUT || this == TLS_READ_TIMEOUT;
    }
}
