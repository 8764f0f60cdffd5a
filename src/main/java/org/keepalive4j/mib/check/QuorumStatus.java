package org.keepalive4j.mib.check;

/** virtualServerQuorumStatus. */
public enum QuorumStatus {
    MET(1), NOT_MET(2), SHUTDOWN(3);

    private final int value;

    QuorumStatus(int value) {
        this.value = value;
    }

    public int value() {
        return value;
    }
}
