package org.keepalive4j.dataplane;

/** The backend refused or failed a change (netlink error, nft exit status...). */
public class DataplaneException extends Exception {

    public DataplaneException(String message) {
        super(message);
    }

    public DataplaneException(String message, Throwable cause) {
        super(message, cause);
    }
}
