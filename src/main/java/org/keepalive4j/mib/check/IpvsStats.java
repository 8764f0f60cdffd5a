package org.keepalive4j.mib.check;

/**
 * One reading of IPVS counters and rates for a service or destination (ip_vs_stats_user): totals
 * since the service was added, and rates per second. Connection gauges apply to destinations only
 * and are 0 for services.
 */
public record IpvsStats(long conns, long inPkts, long outPkts, long inBytes, long outBytes,
                        long cps, long inPps, long outPps, long inBps, long outBps,
                        long activeConns, long inactiveConns, long persistentConns) {

    public static final IpvsStats ZERO = new IpvsStats(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
}
