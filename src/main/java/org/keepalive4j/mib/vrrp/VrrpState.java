package org.keepalive4j.mib.vrrp;

/** KEEPALIVED-MIB VrrpState, with its numeric values. */
public enum VrrpState {
    INIT(0), BACKUP(1), MASTER(2), FAULT(3), UNKNOWN(4), SHUTDOWN(5), DELETED(6);

    private final int value;

    VrrpState(int value) {
        this.value = value;
    }

    public int value() {
        return value;
    }

    public static VrrpState of(int value) {
        for (VrrpState s : values()) {
            if (s.value == value) {
                return s;
            }
        }
        throw new IllegalArgumentException("no VrrpState " + value);
    }
}
