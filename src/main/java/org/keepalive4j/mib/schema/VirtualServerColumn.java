package org.keepalive4j.mib.schema;

import static org.keepalive4j.mib.schema.Syntax.COUNTER32;
import static org.keepalive4j.mib.schema.Syntax.COUNTER64;
import static org.keepalive4j.mib.schema.Syntax.GAUGE32;
import static org.keepalive4j.mib.schema.Syntax.INTEGER;
import static org.keepalive4j.mib.schema.Syntax.OCTET_STRING;

import org.keepalive4j.mib.table.ColumnSpec;
import org.snmp4j.smi.OID;

/**
 * The columns of KEEPALIVED-MIB virtualServerTable (virtual_server blocks), as the reference module numbers and types them.
 * Index: virtualServerIndex.
 */
public enum VirtualServerColumn implements ColumnSpec {
    /** virtualServerType: INTEGER { fwmark(1), ip(2), group(3) } */
    TYPE(2, INTEGER),
    /** virtualServerNameOfGroup: DisplayString */
    NAME_OF_GROUP(3, OCTET_STRING),
    /** virtualServerFwMark: Unsigned32 */
    FW_MARK(4, GAUGE32),
    /** virtualServerAddrType: InetAddressType */
    ADDR_TYPE(5, INTEGER),
    /** virtualServerAddress: InetAddress */
    ADDRESS(6, OCTET_STRING),
    /** virtualServerPort: InetPortNumber */
    PORT(7, GAUGE32),
    /** virtualServerProtocol: INTEGER { tcp(1), udp(2), sctp(3), none(4) } */
    PROTOCOL(8, INTEGER),
    /** virtualServerLoadBalancingAlgo: INTEGER { rr(1), wrr(2), lc(3), wlc(4), lblc(5), lblcr(6), dh(7), sh(8), sed(9), nq(10), fo(11), ovf(12), mh(13), twos(14), unknown(99) } */
    LOAD_BALANCING_ALGO(9, INTEGER),
    /** virtualServerLoadBalancingKind: INTEGER { nat(1), dr(2), tun(3) } */
    LOAD_BALANCING_KIND(10, INTEGER),
    /** virtualServerStatus: INTEGER { alive(1), dead(2) } */
    STATUS(11, INTEGER),
    /** virtualServerVirtualHost: DisplayString */
    VIRTUAL_HOST(12, OCTET_STRING),
    /** virtualServerPersist: INTEGER { enabled(1), disabled(2) } */
    PERSIST(13, INTEGER),
    /** virtualServerPersistTimeout: Unsigned32 */
    PERSIST_TIMEOUT(14, GAUGE32),
    /** virtualServerPersistGranularity: InetAddress */
    PERSIST_GRANULARITY(15, OCTET_STRING),
    /** virtualServerDelayLoop: Unsigned32 */
    DELAY_LOOP(16, GAUGE32),
    /** virtualServerHaSuspend: TruthValue */
    HA_SUSPEND(17, INTEGER),
    /** virtualServerAlpha: INTEGER { enabled(1), disabled(2) } */
    ALPHA(18, INTEGER),
    /** virtualServerOmega: INTEGER { enabled(1), disabled(2) } */
    OMEGA(19, INTEGER),
    /** virtualServerRealServersTotal: Unsigned32 */
    REAL_SERVERS_TOTAL(20, GAUGE32),
    /** virtualServerRealServersUp: Unsigned32 */
    REAL_SERVERS_UP(21, GAUGE32),
    /** virtualServerQuorum: Unsigned32 */
    QUORUM(22, GAUGE32),
    /** virtualServerQuorumStatus: INTEGER { met(1), notMet(2), shutdown(3) } */
    QUORUM_STATUS(23, INTEGER),
    /** virtualServerQuorumUp: DisplayString */
    QUORUM_UP(24, OCTET_STRING),
    /** virtualServerQuorumDown: DisplayString */
    QUORUM_DOWN(25, OCTET_STRING),
    /** virtualServerHysteresis: Unsigned32 */
    HYSTERESIS(26, GAUGE32),
    /** virtualServerStatsConns: Gauge32 */
    STATS_CONNS(27, GAUGE32),
    /** virtualServerStatsInPkts: Counter32 */
    STATS_IN_PKTS(28, COUNTER32),
    /** virtualServerStatsOutPkts: Counter32 */
    STATS_OUT_PKTS(29, COUNTER32),
    /** virtualServerStatsInBytes: Counter64 */
    STATS_IN_BYTES(30, COUNTER64),
    /** virtualServerStatsOutBytes: Counter64 */
    STATS_OUT_BYTES(31, COUNTER64),
    /** virtualServerRateCps: Gauge32 */
    RATE_CPS(32, GAUGE32),
    /** virtualServerRateInPPS: Gauge32 */
    RATE_IN_PPS(33, GAUGE32),
    /** virtualServerRateOutPPS: Gauge32 */
    RATE_OUT_PPS(34, GAUGE32),
    /** virtualServerRateInBPS: Gauge32 */
    RATE_IN_BPS(35, GAUGE32),
    /** virtualServerRateOutBPS: Gauge32 */
    RATE_OUT_BPS(36, GAUGE32),
    /** virtualServerOPS: TruthValue */
    OPS(37, INTEGER),
    /** virtualServerStatsConns64: Counter64 */
    STATS_CONNS64(38, COUNTER64),
    /** virtualServerStatsInPkts64: Counter64 */
    STATS_IN_PKTS64(39, COUNTER64),
    /** virtualServerStatsOutPkts64: Counter64 */
    STATS_OUT_PKTS64(40, COUNTER64),
    /** virtualServerRateCpsLow: Unsigned32 */
    RATE_CPS_LOW(41, GAUGE32),
    /** virtualServerRateCpsHigh: Unsigned32 */
    RATE_CPS_HIGH(42, GAUGE32),
    /** virtualServerRateInPPSLow: Unsigned32 */
    RATE_IN_PPS_LOW(43, GAUGE32),
    /** virtualServerRateInPPSHigh: Unsigned32 */
    RATE_IN_PPS_HIGH(44, GAUGE32),
    /** virtualServerRateOutPPSLow: Unsigned32 */
    RATE_OUT_PPS_LOW(45, GAUGE32),
    /** virtualServerRateOutPPSHigh: Unsigned32 */
    RATE_OUT_PPS_HIGH(46, GAUGE32),
    /** virtualServerRateInBPSLow: Unsigned32 */
    RATE_IN_BPS_LOW(47, GAUGE32),
    /** virtualServerRateInBPSHigh: Unsigned32 */
    RATE_IN_BPS_HIGH(48, GAUGE32),
    /** virtualServerRateOutBPSLow: Unsigned32 */
    RATE_OUT_BPS_LOW(49, GAUGE32),
    /** virtualServerRateOutBPSHigh: Unsigned32 */
    RATE_OUT_BPS_HIGH(50, GAUGE32),
    /** virtualServerPersistGranularity6: Unsigned32 */
    PERSIST_GRANULARITY6(51, GAUGE32),
    /** virtualServerHashed: TruthValue */
    HASHED(52, INTEGER),
    /** virtualServerSHFallback: TruthValue */
    SH_FALLBACK(53, INTEGER),
    /** virtualServerSHPort: TruthValue */
    SH_PORT(54, INTEGER),
    /** virtualServerSched3: TruthValue */
    SCHED3(55, INTEGER),
    /** virtualServerActionWhenDown: INTEGER { remove(1), inhibit(2) } */
    ACTION_WHEN_DOWN(56, INTEGER),
    /** virtualServerRetry: Unsigned32 */
    RETRY(57, GAUGE32),
    /** virtualServerDelayBeforeRetry: Unsigned32 */
    DELAY_BEFORE_RETRY(58, GAUGE32),
    /** virtualServerWarmup: Unsigned32 */
    WARMUP(59, GAUGE32),
    /** virtualServerWeight: Integer32 */
    WEIGHT(60, INTEGER),
    /** virtualServerSmtpAlert: INTEGER { enabled(1), disabled(2) } */
    SMTP_ALERT(61, INTEGER),
    /** virtualServerMHFallback: TruthValue */
    MH_FALLBACK(62, INTEGER),
    /** virtualServerMHPort: TruthValue */
    MH_PORT(63, INTEGER),
    /** virtualServerDelayLoopUsec: Unsigned32 */
    DELAY_LOOP_USEC(64, GAUGE32),
    /** virtualServerDelayBeforeRetrUsec: Unsigned32 */
    DELAY_BEFORE_RETR_USEC(65, GAUGE32),
    /** virtualServerWarmupUsec: Unsigned32 */
    WARMUP_USEC(66, GAUGE32),
    /** virtualServerConnTimeoutUsec: Unsigned32 */
    CONN_TIMEOUT_USEC(67, GAUGE32),
    /** virtualServerTunnelType: INTEGER { ipip(1), gue(2), gre(3) } */
    TUNNEL_TYPE(68, INTEGER),
    /** virtualServerTunnelPort: InetPortNumber */
    TUNNEL_PORT(69, GAUGE32),
    /** virtualServerTunnelCsum: INTEGER { nocsum(1), csum(2), remcsum(3) } */
    TUNNEL_CSUM(70, INTEGER),
    /** virtualServerName: DisplayString */
    NAME(71, OCTET_STRING);

    /** virtualServerEntry. */
    public static final OID ENTRY = new OID("1.3.6.1.4.1.9586.100.5.3.3.1");
    /** The number of sub-identifiers in a row index. */
    public static final int INDEX_LENGTH = 1;

    private final int id;
    private final int syntax;
    private final boolean writable;

    VirtualServerColumn(int id, int syntax) {
        this(id, syntax, false);
    }

    VirtualServerColumn(int id, int syntax, boolean writable) {
        this.id = id;
        this.syntax = syntax;
        this.writable = writable;
    }

    @Override
    public int id() {
        return id;
    }

    @Override
    public int syntax() {
        return syntax;
    }

    @Override
    public boolean writable() {
        return writable;
    }
}
