package org.keepalive4j.vrrp.it;

import org.keepalive4j.testlib.Host;

/** Packets the kernel dropped because a raw socket's receive queue was full: /proc/net/raw, column "drops". */
final class RawSocketDrops {

    /** Raw sockets show their protocol as the local "port": 0x0070 = 112, VRRP. */
    private static final String VRRP_LOCAL_PORT = ":0070";

    private RawSocketDrops() {
    }

    /** The sum over the host's raw VRRP sockets (the /proc/net of the host's namespace). */
    static long vrrp(Host host) {
        long sum = 0;
        for (String line : host.exec("cat", "/proc/net/raw").orThrow().stdout().split("\n")) {
            String[] f = line.strip().split("\\s+");
            if (f.length >= 13 && f[1].endsWith(VRRP_LOCAL_PORT)) {
                sum += Long.parseLong(f[f.length - 1]);
            }
        }
        return sum;
    }
}
