package org.keepalive4j.dataplane;

/**
 * Traffic counters of a service or destination as the backend reads them back: totals since it was
 * added, rates per second, and (destinations only) connection gauges. Shaped like IPVS's
 * ip_vs_stats_user so the MIB's statistics columns map one to one.
 */
public record Counters(long conns, long inPackets, long outPackets, long inBytes, long outBytes,
                       long cps, long inPps, long outPps, long inBps, long outBps,
                       long activeConns, long inactiveConns, long persistentConns) {

    public static final Counters ZERO = new Counters(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /** Field by field sum: a group's services add up to its virtual server's figures. */
    public Counters plus(Counters o) {
        return new Counters(conns + o.conns, inPackets + o.inPackets, outPackets + o.outPackets,
                inBytes + o.inBytes, outBytes + o.outBytes, cps + o.cps, inPps + o.inPps, outPps + o.outPps,
                inBps + o.inBps, outBps + o.outBps, activeConns + o.activeConns, inactiveConns + o.inactiveConns,
                persistentConns + o.persistentConns);
    }
}
