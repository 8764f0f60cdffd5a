package org.keepalive4j.vrrp.fsm;

import java.net.InetAddress;

/** Orders primary addresses for the equal-priority tie-break (RFC 5798 §6.4.3: higher address wins). */
final class AddressOrder {

    private AddressOrder() {
    }

    /**
     * Compares as unsigned numbers in network byte order; addresses of different families do not
     * compete (keepalived's vrrp_saddr_cmp returns 0).
     */
    static int compare(InetAddress a, InetAddress b) {
        byte[] x = a.getAddress();
        byte[] y = b.getAddress();
        if (x.length != y.length) {
            return 0;
        }
        for (int i = 0; i < x.length; i++) {
            int d = Integer.compare(x[i] & 0xff, y[i] & 0xff);
            if (d != 0) {
                return d;
            }
        }
        return 0;
    }
}
