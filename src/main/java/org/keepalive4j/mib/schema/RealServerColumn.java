package org.keepalive4j.mib.schema;

import static org.keepalive4j.mib.schema.Syntax.COUNTER32;
import static org.keepalive4j.mib.schema.Syntax.COUNTER64;
import static org.keepalive4j.mib.schema.Syntax.GAUGE32;
import static org.keepalive4j.mib.schema.Syntax.INTEGER;
import static org.keepalive4j.mib.schema.Syntax.OCTET_STRING;

import org.keepalive4j.mib.table.ColumnSpec;
import org.snmp4j.smi.OID;

/**
 * The columns of KEEPALIVED-MIB realServerTable (real_server and sorry_server entries of each virtual server), as the reference module numbers and types them.
 * Index: virtualServerIndex, realServerIndex.
 */
public enum RealServerColumn implements ColumnSpec {
    /** realServerType: INTEGER { regular(1), sorry(2) } */
    TYPE(2, INTEGER),
    /** realServerAddrType: InetAddressType */
    ADDR_TYPE(3, INTEGER),
    /** realServerAddress: InetAddress */
    ADDRESS(4, OCTET_STRING),
    /** realServerPort: InetPortNumber */
    PORT(5, GAUGE32),
    /** realServerStatus: INTEGER { alive(1), dead(2) } */
    STATUS(6, INTEGER),
    /** realServerWeight: Integer32 (read-write) */
    WEIGHT(7, INTEGER, true),
    /** realServerUpperConnectionLimit: Unsigned32 */
    UPPER_CONNECTION_LIMIT(8, GAUGE32),
    /** realServerLowerConnectionLimit: Unsigned32 */
    LOWER_CONNECTION_LIMIT(9, GAUGE32),
    /** realServerActionWhenDown: INTEGER { remove(1), inhibit(2) } */
    ACTION_WHEN_DOWN(10, INTEGER),
    /** realServerNotifyUp: DisplayString */
    NOTIFY_UP(11, OCTET_STRING),
    /** realServerNotifyDown: DisplayString */
    NOTIFY_DOWN(12, OCTET_STRING),
    /** realServerFailedChecks: Unsigned32 */
    FAILED_CHECKS(13, GAUGE32),
    /** realServerStatsConns: Gauge32 */
    STATS_CONNS(14, GAUGE32),
    /** realServerStatsActiveConns: Gauge32 */
    STATS_ACTIVE_CONNS(15, GAUGE32),
    /** realServerStatsInactiveConns: Gauge32 */
    STATS_INACTIVE_CONNS(16, GAUGE32),
    /** realServerStatsPersistentConns: Gauge32 */
    STATS_PERSISTENT_CONNS(17, GAUGE32),
    /** realServerStatsInPkts: Counter32 */
    STATS_IN_PKTS(18, COUNTER32),
    /** realServerStatsOutPkts: Counter32 */
    STATS_OUT_PKTS(19, COUNTER32),
    /** realServerStatsInBytes: Counter64 */
    STATS_IN_BYTES(20, COUNTER64),
    /** realServerStatsOutBytes: Counter64 */
    STATS_OUT_BYTES(21, COUNTER64),
    /** realServerRateCps: Gauge32 */
    RATE_CPS(22, GAUGE32),
    /** realServerRateInPPS: Gauge32 */
    RATE_IN_PPS(23, GAUGE32),
    /** realServerRateOutPPS: Gauge32 */
    RATE_OUT_PPS(24, GAUGE32),
    /** realServerRateInBPS: Gauge32 */
    RATE_IN_BPS(25, GAUGE32),
    /** realServerRateOutBPS: Gauge32 */
    RATE_OUT_BPS(26, GAUGE32),
    /** realServerStatsConns64: Counter64 */
    STATS_CONNS64(27, COUNTER64),
    /** realServerStatsInPkts64: Counter64 */
    STATS_IN_PKTS64(28, COUNTER64),
    /** realServerStatsOutPkts64: Counter64 */
    STATS_OUT_PKTS64(29, COUNTER64),
    /** realServerRateCpsLow: Unsigned32 */
    RATE_CPS_LOW(30, GAUGE32),
    /** realServerRateCpsHigh: Unsigned32 */
    RATE_CPS_HIGH(31, GAUGE32),
    /** realServerRateInPPSLow: Unsigned32 */
    RATE_IN_PPS_LOW(32, GAUGE32),
    /** realServerRateInPPSHigh: Unsigned32 */
    RATE_IN_PPS_HIGH(33, GAUGE32),
    /** realServerRateOutPPSLow: Unsigned32 */
    RATE_OUT_PPS_LOW(34, GAUGE32),
    /** realServerRateOutPPSHigh: Unsigned32 */
    RATE_OUT_PPS_HIGH(35, GAUGE32),
    /** realServerRateInBPSLow: Unsigned32 */
    RATE_IN_BPS_LOW(36, GAUGE32),
    /** realServerRateInBPSHigh: Unsigned32 */
    RATE_IN_BPS_HIGH(37, GAUGE32),
    /** realServerRateOutBPSLow: Unsigned32 */
    RATE_OUT_BPS_LOW(38, GAUGE32),
    /** realServerRateOutBPSHigh: Unsigned32 */
    RATE_OUT_BPS_HIGH(39, GAUGE32),
    /** realServerForwardingMethod: INTEGER { nat(1), dr(2), tun(3) } */
    FORWARDING_METHOD(40, INTEGER),
    /** realServerVirtualHost: DisplayString */
    VIRTUAL_HOST(41, OCTET_STRING),
    /** realServerAlpha: INTEGER { enabled(1), disabled(2) } */
    ALPHA(42, INTEGER),
    /** realServerRetry: Unsigned32 */
    RETRY(43, GAUGE32),
    /** realServerDelayBeforeRetry: Unsigned32 */
    DELAY_BEFORE_RETRY(44, GAUGE32),
    /** realServerWarmup: Unsigned32 */
    WARMUP(45, GAUGE32),
    /** realServerDelayLoop: Unsigned32 */
    DELAY_LOOP(46, GAUGE32),
    /** realServerSmtpAlert: INTEGER { enabled(1), disabled(2) } */
    SMTP_ALERT(47, INTEGER),
    /** realServerDelayBeforeRetryUsec: Unsigned32 */
    DELAY_BEFORE_RETRY_USEC(48, GAUGE32),
    /** realServerWarmupUsec: Unsigned32 */
    WARMUP_USEC(49, GAUGE32),
    /** realServerDelayLoopUsec: Unsigned32 */
    DELAY_LOOP_USEC(50, GAUGE32),
    /** realServerConnTimeoutUsec: Unsigned32 */
    CONN_TIMEOUT_USEC(51, GAUGE32),
    /** realServerTunnelType: INTEGER { ipip(1), gue(2), gre(3) } */
    TUNNEL_TYPE(52, INTEGER),
    /** realServerTunnelPort: InetPortNumber */
    TUNNEL_PORT(53, GAUGE32),
    /** realServerTunnelCsum: INTEGER { nocsum(1), csum(2), remcsum(3) } */
    TUNNEL_CSUM(54, INTEGER),
    /** realServerName: DisplayString */
    NAME(55, OCTET_STRING);

    /** realServerEntry. */
    public static final OID ENTRY = new OID("1.3.6.1.4.1.9586.100.5.3.4.1");
    /** The number of sub-identifiers in a row index. */
    public static final int INDEX_LENGTH = 2;

    private final int id;
    private final int syntax;
    private final boolean writable;

    RealServerColumn(int id, int syntax) {
        this(id, syntax, false);
    }

    RealServerColumn(int id, int syntax, boolean writable) {
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
