package org.keepalive4j.dataplane;

/** Traffic counters of a service or destination as the backend reads them back (cumulative). */
public record Counters(long conns, long inPackets, long outPackets, long inBytes, long outBytes) {

    public static final Counters ZERO = new Counters(0, 0, 0, 0, 0);
}
