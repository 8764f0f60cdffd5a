package org.keepalive4j.mib.schema;

import static org.keepalive4j.mib.schema.Syntax.GAUGE32;
import static org.keepalive4j.mib.schema.Syntax.INTEGER;
import static org.keepalive4j.mib.schema.Syntax.OCTET_STRING;

import org.keepalive4j.mib.table.ColumnSpec;
import org.snmp4j.smi.OID;

/**
 * The columns of KEEPALIVED-MIB vrrpRuleTable (virtual_rules of each instance), as the reference module numbers and types them.
 * Index: vrrpInstanceIndex, vrrpRuleIndex.
 */
public enum VrrpRuleColumn implements ColumnSpec {
    /** vrrpRuleDirection: DisplayString */
    DIRECTION(2, OCTET_STRING),
    /** vrrpRuleAddressType: InetAddressType */
    ADDRESS_TYPE(3, INTEGER),
    /** vrrpRuleAddress: InetAddress */
    ADDRESS(4, OCTET_STRING),
    /** vrrpRuleAddressMask: InetAddressPrefixLength */
    ADDRESS_MASK(5, GAUGE32),
    /** vrrpRuleRoutingTable: Unsigned32 */
    ROUTING_TABLE(6, GAUGE32),
    /** vrrpRuleStatus: INTEGER { set(1), unset(2) } */
    STATUS(7, INTEGER),
    /** vrrpRuleInvert: TruthValue */
    INVERT(8, INTEGER),
    /** vrrpRuleDestinationAddressType: InetAddressType */
    DESTINATION_ADDRESS_TYPE(9, INTEGER),
    /** vrrpRuleDestinationAddress: InetAddress */
    DESTINATION_ADDRESS(10, OCTET_STRING),
    /** vrrpRuleDestinationAddressMask: InetAddressPrefixLength */
    DESTINATION_ADDRESS_MASK(11, GAUGE32),
    /** vrrpRuleSourceAddressType: InetAddressType */
    SOURCE_ADDRESS_TYPE(12, INTEGER),
    /** vrrpRuleSourceAddress: InetAddress */
    SOURCE_ADDRESS(13, OCTET_STRING),
    /** vrrpRuleSourceAddressMask: InetAddressPrefixLength */
    SOURCE_ADDRESS_MASK(14, GAUGE32),
    /** vrrpRuleTos: Unsigned32 (0..255) */
    TOS(15, GAUGE32),
    /** vrrpRuleFwmark: Unsigned32 (0..4294967295) */
    FWMARK(16, GAUGE32),
    /** vrrpRuleFwmask: Unsigned32 (0..4294967295) */
    FWMASK(17, GAUGE32),
    /** vrrpRuleRealmDst: Realm */
    REALM_DST(18, GAUGE32),
    /** vrrpRuleRealmSrc: Realm */
    REALM_SRC(19, GAUGE32),
    /** vrrpRuleInInterface: DisplayString */
    IN_INTERFACE(20, OCTET_STRING),
    /** vrrpRuleOutInterface: DisplayString */
    OUT_INTERFACE(21, OCTET_STRING),
    /** vrrpRuleTarget: Unsigned32 (0..4294967295) */
    TARGET(22, GAUGE32),
    /** vrrpRuleAction: RuleAction */
    ACTION(23, INTEGER),
    /** vrrpRuleTableNo: Unsigned32 */
    TABLE_NO(24, GAUGE32),
    /** vrrpRulePreference: Unsigned32 */
    PREFERENCE(25, GAUGE32),
    /** vrrpRuleSuppressPrefixLen: Unsigned32 (0..128) */
    SUPPRESS_PREFIX_LEN(26, GAUGE32),
    /** vrrpRuleSuppressGroup: DisplayString */
    SUPPRESS_GROUP(27, OCTET_STRING),
    /** vrrpRuleTunnelIdHigh: Unsigned32 */
    TUNNEL_ID_HIGH(28, GAUGE32),
    /** vrrpRuleTunnelIdLow: Unsigned32 */
    TUNNEL_ID_LOW(29, GAUGE32),
    /** vrrpRuleUidRangeStart: Unsigned32 */
    UID_RANGE_START(30, GAUGE32),
    /** vrrpRuleUidRangeEnd: Unsigned32 */
    UID_RANGE_END(31, GAUGE32),
    /** vrrpRuleL3mdev: TruthValue */
    L3MDEV(32, INTEGER),
    /** vrrpRuleProtocol: INTEGER { unspec(1), redirect(2), kernel(3), boot(4), static(5), gated(9), ra(10), mrt(11), zebra(12), bird(13), dnrouted(14), xorp(15), ntk(16), dhcp(17), keepalived(112) } */
    PROTOCOL(33, INTEGER),
    /** vrrpRuleIPProto: Unsigned32 */
    IP_PROTO(34, GAUGE32),
    /** vrrpRuleSrcPortStart: Unsigned32 */
    SRC_PORT_START(35, GAUGE32),
    /** vrrpRuleSrcPortEnd: Unsigned32 */
    SRC_PORT_END(36, GAUGE32),
    /** vrrpRuleDstPortStart: Unsigned32 */
    DST_PORT_START(37, GAUGE32),
    /** vrrpRuleDstPortEnd: Unsigned32 */
    DST_PORT_END(38, GAUGE32);

    /** vrrpRuleEntry. */
    public static final OID ENTRY = new OID("1.3.6.1.4.1.9586.100.5.2.8.1");
    /** The number of sub-identifiers in a row index. */
    public static final int INDEX_LENGTH = 2;

    private final int id;
    private final int syntax;
    private final boolean writable;

    VrrpRuleColumn(int id, int syntax) {
        this(id, syntax, false);
    }

    VrrpRuleColumn(int id, int syntax, boolean writable) {
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
