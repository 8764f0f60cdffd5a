package org.keepalive4j.mib.schema;

import static org.keepalive4j.mib.schema.Syntax.COUNTER64;
import static org.keepalive4j.mib.schema.Syntax.GAUGE32;
import static org.keepalive4j.mib.schema.Syntax.INTEGER;
import static org.keepalive4j.mib.schema.Syntax.OCTET_STRING;

import org.keepalive4j.mib.table.ColumnSpec;
import org.snmp4j.smi.OID;

/**
 * The columns of KEEPALIVED-MIB vrrpRouteTable (virtual_routes of each instance), as the reference module numbers and types them.
 * Index: vrrpInstanceIndex, vrrpRouteIndex.
 */
public enum VrrpRouteColumn implements ColumnSpec {
    /** vrrpRouteAddressType: InetAddressType */
    ADDRESS_TYPE(2, INTEGER),
    /** vrrpRouteDestination: InetAddress */
    DESTINATION(3, OCTET_STRING),
    /** vrrpRouteDestinationMask: InetAddressPrefixLength */
    DESTINATION_MASK(4, GAUGE32),
    /** vrrpRouteGateway: InetAddress */
    GATEWAY(5, OCTET_STRING),
    /** vrrpRouteSecondaryGateway: InetAddress */
    SECONDARY_GATEWAY(6, OCTET_STRING),
    /** vrrpRouteSource: InetAddress */
    SOURCE(7, OCTET_STRING),
    /** vrrpRouteMetric: Unsigned32 */
    METRIC(8, GAUGE32),
    /** vrrpRouteScope: InetScopeType */
    SCOPE(9, INTEGER),
    /** vrrpRouteType: RouteType */
    TYPE(10, INTEGER),
    /** vrrpRouteIfIndex: InterfaceIndex */
    IF_INDEX(11, INTEGER),
    /** vrrpRouteIfName: DisplayString */
    IF_NAME(12, OCTET_STRING),
    /** vrrpRouteRoutingTable: Unsigned32 */
    ROUTING_TABLE(13, GAUGE32),
    /** vrrpRouteStatus: INTEGER { set(1), unset(2) } */
    STATUS(14, INTEGER),
    /** vrrpRouteFromAddress: InetAddress */
    FROM_ADDRESS(15, OCTET_STRING),
    /** vrrpRouteFromAddressMask: InetAddressPrefixLength */
    FROM_ADDRESS_MASK(16, GAUGE32),
    /** vrrpRouteTos: Unsigned32 (0..255) */
    TOS(17, GAUGE32),
    /** vrrpRouteProtocol: INTEGER { unspec(1), redirect(2), kernel(3), boot(4), static(5), gated(9), ra(10), mrt(11), zebra(12), bird(13), dnrouted(14), xorp(15), ntk(16), dhcp(17), keepalived(112) } */
    PROTOCOL(18, INTEGER),
    /** vrrpRouteECN: TruthValue */
    ECN(19, INTEGER),
    /** vrrpRouteQuickAck: TruthValue */
    QUICK_ACK(20, INTEGER),
    /** vrrpRouteExpires: Integer32 (1..2147483647) */
    EXPIRES(21, INTEGER),
    /** vrrpRouteMTU: Unsigned32 */
    MTU(22, GAUGE32),
    /** vrrpRouteMTULock: TruthValue */
    MTU_LOCK(23, INTEGER),
    /** vrrpRouteHopLimit: Unsigned32 (1..256) */
    HOP_LIMIT(24, GAUGE32),
    /** vrrpRouteAdvmss: Unsigned32 */
    ADVMSS(25, GAUGE32),
    /** vrrpRouteAdvmssLock: TruthValue */
    ADVMSS_LOCK(26, INTEGER),
    /** vrrpRouteRTT: Unsigned32 (1..536870) */
    RTT(27, GAUGE32),
    /** vrrpRouteRTTLock: TruthValue */
    RTT_LOCK(28, INTEGER),
    /** vrrpRouteRTTvar: Unsigned32 (1..1073741) */
    RT_TVAR(29, GAUGE32),
    /** vrrpRouteRTTvarLock: TruthValue */
    RT_TVAR_LOCK(30, INTEGER),
    /** vrrpRouteReordering: Unsigned32 */
    REORDERING(31, GAUGE32),
    /** vrrpRouteReorderingLock: TruthValue */
    REORDERING_LOCK(32, INTEGER),
    /** vrrpRouteWindow: Unsigned32 */
    WINDOW(33, GAUGE32),
    /** vrrpRouteCwnd: Unsigned32 */
    CWND(34, GAUGE32),
    /** vrrpRouteCwndLock: TruthValue */
    CWND_LOCK(35, INTEGER),
    /** vrrpRouteSSthresh: Unsigned32 */
    S_STHRESH(36, GAUGE32),
    /** vrrpRouteSSthreshLock: TruthValue */
    S_STHRESH_LOCK(37, INTEGER),
    /** vrrpRouteRTOMin: Unsigned32 */
    RTO_MIN(38, GAUGE32),
    /** vrrpRouteRTOMinLock: TruthValue */
    RTO_MIN_LOCK(39, INTEGER),
    /** vrrpRouteInitCwnd: Unsigned32 */
    INIT_CWND(40, GAUGE32),
    /** vrrpRouteInitRwnd: Unsigned32 */
    INIT_RWND(41, GAUGE32),
    /** vrrpRouteCongCtl: DisplayString */
    CONG_CTL(42, OCTET_STRING),
    /** vrrpRoutePref: PrefType */
    PREF(43, INTEGER),
    /** vrrpRouteRealmDst: Realm */
    REALM_DST(44, GAUGE32),
    /** vrrpRouteRealmSrc: Realm */
    REALM_SRC(45, GAUGE32),
    /** vrrpRouteEncapType: EncapType */
    ENCAP_TYPE(46, INTEGER),
    /** vrrpRouteEncapMplsLabels: DisplayString */
    ENCAP_MPLS_LABELS(47, OCTET_STRING),
    /** vrrpRouteEncapId: Counter64 */
    ENCAP_ID(48, COUNTER64),
    /** vrrpRouteEncapDstAddress: InetAddress */
    ENCAP_DST_ADDRESS(49, OCTET_STRING),
    /** vrrpRouteEncapSrcAddress: InetAddress */
    ENCAP_SRC_ADDRESS(50, OCTET_STRING),
    /** vrrpRouteEncapTOS: Unsigned32 (0..255) */
    ENCAP_TOS(51, GAUGE32),
    /** vrrpRouteEncapTTL: Unsigned32 (1..255) */
    ENCAP_TTL(52, GAUGE32),
    /** vrrpRouteEncapFlags: Unsigned32 */
    ENCAP_FLAGS(53, GAUGE32),
    /** vrrpRouteEncapIlaLocator: Counter64 */
    ENCAP_ILA_LOCATOR(54, COUNTER64),
    /** vrrpRouteFastOpenNoCookie: TruthValue */
    FAST_OPEN_NO_COOKIE(55, INTEGER);

    /** vrrpRouteEntry. */
    public static final OID ENTRY = new OID("1.3.6.1.4.1.9586.100.5.2.7.1");
    /** The number of sub-identifiers in a row index. */
    public static final int INDEX_LENGTH = 2;

    private final int id;
    private final int syntax;
    private final boolean writable;

    VrrpRouteColumn(int id, int syntax) {
        this(id, syntax, false);
    }

    VrrpRouteColumn(int id, int syntax, boolean writable) {
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
