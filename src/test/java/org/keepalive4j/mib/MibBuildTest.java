package org.keepalive4j.mib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.keepalive4j.mib.schema.EmailColumn;
import org.keepalive4j.mib.schema.RealServerColumn;
import org.keepalive4j.mib.schema.VirtualServerColumn;
import org.keepalive4j.mib.schema.VirtualServerGroupColumn;
import org.keepalive4j.mib.schema.VirtualServerGroupMemberColumn;
import org.keepalive4j.mib.schema.VrrpAddressColumn;
import org.keepalive4j.mib.schema.VrrpInstanceColumn;
import org.keepalive4j.mib.schema.VrrpRouteColumn;
import org.keepalive4j.mib.schema.VrrpRuleColumn;
import org.keepalive4j.mib.schema.VrrpScriptColumn;
import org.keepalive4j.mib.schema.VrrpSyncGroupColumn;
import org.keepalive4j.mib.schema.VrrpSyncGroupMemberColumn;
import org.keepalive4j.mib.schema.VrrpTrackedInterfaceColumn;
import org.keepalive4j.mib.schema.VrrpTrackedScriptColumn;
import org.keepalive4j.mib.table.ColumnSpec;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.SMIConstants;
import org.snmp4j.smi.Variable;
import org.snmp4j.smi.VariableBinding;

/** Every table of the standard configuration, read back by OID through snmp4j-agent over UDP. */
class MibBuildTest {

    private static final OID K = KeepalivedOids.KEEPALIVED;

    static KeepalivedMib mib;
    static SnmpHarness snmp;
    /** The whole MIB as walked once by GETBULK. */
    static Map<OID, Variable> walked = new TreeMap<>();

    @BeforeAll
    static void start() throws Exception {
        mib = KeepalivedMib.build(MibFixtures.parse(MibFixtures.standard("")), MibOptions.defaults());
        snmp = new SnmpHarness(mib.server());
        for (VariableBinding vb : snmp.walk(K, 25)) {
            walked.put(vb.getOid(), vb.getVariable());
        }
    }

    @AfterAll
    static void stop() throws Exception {
        snmp.close();
    }

    static OID cell(OID entry, ColumnSpec column, int... index) {
        OID o = KeepalivedOids.sub(entry, column.id());
        for (int i : index) {
            o.append(i);
        }
        return o;
    }

    static Variable value(OID entry, ColumnSpec column, int... index) {
        Variable v = walked.get(cell(entry, column, index));
        assertNotNull(v, "no value for " + column + " " + java.util.Arrays.toString(index));
        return v;
    }

    static void assertCell(Object expected, OID entry, ColumnSpec column, int... index) {
        Variable v = value(entry, column, index);
        assertEquals(column.syntax(), v.getSyntax(), column + " syntax");
        if (expected instanceof Integer || expected instanceof Long) {
            assertEquals(((Number) expected).longValue(), v.toLong(), column.toString());
        } else if (expected.toString().matches("([0-9a-f]{2}:)+[0-9a-f]{2}")) {
            assertEquals(expected.toString(), ((OctetString) v).toHexString(), column.toString());
        } else {
            assertEquals(expected.toString(), v.toString(), column.toString());
        }
    }

    static void assertAbsent(OID entry, ColumnSpec column, int... index) {
        assertTrue(!walked.containsKey(cell(entry, column, index)), column + " should have no value");
    }

    @Test
    void globalScalars() throws Exception {
        assertEquals("lb01", snmp.get(new OID(K + ".1.2.0")).toString());
        assertEquals("c0:00:02:19", snmp.get(new OID(K + ".1.3.2.0")).toString());
        assertEquals(1, snmp.get(new OID(K + ".1.3.1.0")).toInt());
        assertEquals(20, snmp.get(new OID(K + ".1.3.3.0")).toLong());
        assertEquals(SMIConstants.SYNTAX_GAUGE32, snmp.get(new OID(K + ".1.3.3.0")).getSyntax());
        assertEquals(2525, snmp.get(new OID(K + ".1.3.6.0")).toLong());
        assertEquals("keepalived@example.com", snmp.get(new OID(K + ".1.3.4.0")).toString());
        assertEquals(2, snmp.get(new OID(K + ".1.4.0")).toInt(), "trapEnable disabled");
        assertEquals(SMIConstants.EXCEPTION_NO_SUCH_INSTANCE, snmp.get(new OID(K + ".1.8.0")).getSyntax(),
                "no net_namespace");
        assertCell("ops@example.com", EmailColumn.ENTRY, EmailColumn.ADDRESS, 1);
        assertCell("noc@example.com", EmailColumn.ENTRY, EmailColumn.ADDRESS, 2);
        assertEquals(1, snmp.get(new OID(K + ".3.6.1.0")).toInt(), "lvsSyncDaemonEnabled");
        assertEquals("VI_1", snmp.get(new OID(K + ".3.6.3.0")).toString());
        assertEquals(7, snmp.get(new OID(K + ".3.6.4.0")).toInt());
    }

    @Test
    void syncGroups() {
        OID e = VrrpSyncGroupColumn.ENTRY;
        assertCell("G1", e, VrrpSyncGroupColumn.NAME, 1);
        assertCell(0, e, VrrpSyncGroupColumn.STATE, 1);
        assertCell(1, e, VrrpSyncGroupColumn.NOTIFY_EXEC, 1);
        assertCell("/etc/k/g1 master", e, VrrpSyncGroupColumn.SCRIPT_MASTER, 1);
        assertAbsent(e, VrrpSyncGroupColumn.SCRIPT_BACKUP, 1);
        assertCell("VI_1", VrrpSyncGroupMemberColumn.ENTRY, VrrpSyncGroupMemberColumn.NAME, 1, 1);
        assertCell("VI_2", VrrpSyncGroupMemberColumn.ENTRY, VrrpSyncGroupMemberColumn.NAME, 1, 2);
    }

    @Test
    void instances() {
        OID e = VrrpInstanceColumn.ENTRY;
        assertCell("VI_1", e, VrrpInstanceColumn.NAME, 1);
        assertCell("VI_3", e, VrrpInstanceColumn.NAME, 3);
        assertCell(51, e, VrrpInstanceColumn.VIRTUAL_ROUTER_ID, 1);
        assertCell(0, e, VrrpInstanceColumn.STATE, 1);
        assertCell(2, e, VrrpInstanceColumn.INITIAL_STATE, 1);
        assertCell(1, e, VrrpInstanceColumn.INITIAL_STATE, 2);
        assertCell(2, e, VrrpInstanceColumn.WANTED_STATE, 1);
        assertCell(150, e, VrrpInstanceColumn.BASE_PRIORITY, 1);
        assertCell(150, e, VrrpInstanceColumn.EFFECTIVE_PRIORITY, 1);
        assertCell(2, e, VrrpInstanceColumn.VIPS_STATUS, 1);
        assertCell("lo", e, VrrpInstanceColumn.PRIMARY_INTERFACE, 1);
        assertCell(1, e, VrrpInstanceColumn.ADVERTISEMENTS_INT, 1);
        assertCell(50, e, VrrpInstanceColumn.ADVERTISEMENTS_INT, 3);
        assertCell(1, e, VrrpInstanceColumn.PREEMPT, 1);
        assertCell(2, e, VrrpInstanceColumn.PREEMPT, 2);
        assertCell(1, e, VrrpInstanceColumn.AUTH_TYPE, 1);
        assertCell(0, e, VrrpInstanceColumn.AUTH_TYPE, 3);
        assertCell(1, e, VrrpInstanceColumn.LVS_SYNC_DAEMON, 1);
        assertCell("eth0", e, VrrpInstanceColumn.LVS_SYNC_INTERFACE, 1);
        assertAbsent(e, VrrpInstanceColumn.LVS_SYNC_INTERFACE, 2);
        assertCell("G1", e, VrrpInstanceColumn.SYNC_GROUP, 2);
        assertAbsent(e, VrrpInstanceColumn.SYNC_GROUP, 3);
        assertCell("/etc/k/vi1 master", e, VrrpInstanceColumn.SCRIPT_MASTER, 1);
        assertCell(2, e, VrrpInstanceColumn.VRRP_VERSION, 1);
        assertCell(3, e, VrrpInstanceColumn.VRRP_VERSION, 3);
        assertAbsent(e, VrrpInstanceColumn.ACCEPT, 1);
        assertCell(1, e, VrrpInstanceColumn.ACCEPT, 3);
        assertCell(1, e, VrrpInstanceColumn.MULTICAST_ADDRESS_TYPE, 1);
        assertCell("e0:00:00:12", e, VrrpInstanceColumn.MULTICAST_ADDRESS, 1);
    }

    @Test
    void trackedObjectsAndScripts() {
        assertCell("lo", VrrpTrackedInterfaceColumn.ENTRY, VrrpTrackedInterfaceColumn.NAME, 1, 1);
        assertCell(10, VrrpTrackedInterfaceColumn.ENTRY, VrrpTrackedInterfaceColumn.WEIGHT, 1, 1);
        assertCell("chk_app", VrrpTrackedScriptColumn.ENTRY, VrrpTrackedScriptColumn.NAME, 1, 1);
        assertCell(-20, VrrpTrackedScriptColumn.ENTRY, VrrpTrackedScriptColumn.WEIGHT, 1, 1);
        OID s = VrrpScriptColumn.ENTRY;
        assertCell("chk_app", s, VrrpScriptColumn.NAME, 1);
        assertCell("/usr/local/bin/check app", s, VrrpScriptColumn.COMMAND, 1);
        assertCell(2, s, VrrpScriptColumn.INTERVAL, 1);
        assertCell(-20, s, VrrpScriptColumn.WEIGHT, 1);
        assertCell(1, s, VrrpScriptColumn.RESULT, 1);
        assertCell(3, s, VrrpScriptColumn.RISE, 1);
        assertCell(2, s, VrrpScriptColumn.FALL, 1);
    }

    @Test
    void addressesAndRoutes() {
        OID e = VrrpAddressColumn.ENTRY;
        assertCell(1, e, VrrpAddressColumn.TYPE, 1, 1);
        assertCell("c0:00:02:0a", e, VrrpAddressColumn.VALUE, 1, 1);
        assertCell(24, e, VrrpAddressColumn.MASK, 1, 1);
        assertCell(14, e, VrrpAddressColumn.SCOPE, 1, 1);
        assertCell(1, e, VrrpAddressColumn.IF_INDEX, 1, 1);
        assertCell("lo", e, VrrpAddressColumn.IF_NAME, 1, 1);
        assertCell("lo:vip", e, VrrpAddressColumn.IF_ALIAS, 1, 1);
        assertCell(2, e, VrrpAddressColumn.STATUS, 1, 1);
        assertCell(1, e, VrrpAddressColumn.ADVERTISING, 1, 1);
        assertCell(2, e, VrrpAddressColumn.TYPE, 1, 3);
        assertCell(64, e, VrrpAddressColumn.MASK, 1, 3);
        assertCell(2, e, VrrpAddressColumn.ADVERTISING, 1, 3);
        assertCell("c0:00:02:14", e, VrrpAddressColumn.VALUE, 2, 1);
        OID r = VrrpRouteColumn.ENTRY;
        assertCell("c6:33:64:00", r, VrrpRouteColumn.DESTINATION, 1, 1);
        assertCell(24, r, VrrpRouteColumn.DESTINATION_MASK, 1, 1);
        assertCell("c0:00:02:01", r, VrrpRouteColumn.GATEWAY, 1, 1);
        assertCell("lo", r, VrrpRouteColumn.IF_NAME, 1, 1);
        assertCell(2, r, VrrpRouteColumn.STATUS, 1, 1);
        OID u = VrrpRuleColumn.ENTRY;
        assertCell(1, u, VrrpRuleColumn.SOURCE_ADDRESS_TYPE, 2, 1);
        assertCell("c0:00:02:80", u, VrrpRuleColumn.SOURCE_ADDRESS, 2, 1);
        assertCell(25, u, VrrpRuleColumn.SOURCE_ADDRESS_MASK, 2, 1);
        assertCell(100, u, VrrpRuleColumn.ROUTING_TABLE, 2, 1);
        assertCell(200, u, VrrpRuleColumn.PREFERENCE, 2, 1);
        assertCell(2, u, VrrpRuleColumn.STATUS, 2, 1);
        assertAbsent(u, VrrpRuleColumn.DESTINATION_ADDRESS, 2, 1);
    }

    @Test
    void virtualServerGroups() {
        assertCell("VSG_WEB", VirtualServerGroupColumn.ENTRY, VirtualServerGroupColumn.NAME, 1);
        OID m = VirtualServerGroupMemberColumn.ENTRY;
        assertCell(3, m, VirtualServerGroupMemberColumn.TYPE, 1, 1);
        assertCell("cb:00:71:0a", m, VirtualServerGroupMemberColumn.ADDR1, 1, 1);
        assertCell("cb:00:71:0c", m, VirtualServerGroupMemberColumn.ADDR2, 1, 1);
        assertCell(443, m, VirtualServerGroupMemberColumn.PORT, 1, 1);
        assertCell(1, m, VirtualServerGroupMemberColumn.TYPE, 1, 2);
        assertCell(7, m, VirtualServerGroupMemberColumn.FW_MARK, 1, 2);
    }

    @Test
    void virtualServers() {
        OID e = VirtualServerColumn.ENTRY;
        assertCell(2, e, VirtualServerColumn.TYPE, 1);
        assertCell("cb:00:71:01", e, VirtualServerColumn.ADDRESS, 1);
        assertCell(80, e, VirtualServerColumn.PORT, 1);
        assertCell(1, e, VirtualServerColumn.PROTOCOL, 1);
        assertCell(2, e, VirtualServerColumn.LOAD_BALANCING_ALGO, 1);
        assertCell(2, e, VirtualServerColumn.LOAD_BALANCING_KIND, 1);
        assertCell(10, e, VirtualServerColumn.DELAY_LOOP, 1);
        assertCell(10_000_000, e, VirtualServerColumn.DELAY_LOOP_USEC, 1);
        assertCell(3, e, VirtualServerColumn.REAL_SERVERS_TOTAL, 1);
        assertCell(3, e, VirtualServerColumn.REAL_SERVERS_UP, 1);
        assertCell(2, e, VirtualServerColumn.QUORUM, 1);
        assertCell(1, e, VirtualServerColumn.HYSTERESIS, 1);
        assertCell(1, e, VirtualServerColumn.QUORUM_STATUS, 1);
        assertCell(0, e, VirtualServerColumn.STATS_CONNS, 1);
        assertCell(0, e, VirtualServerColumn.STATS_IN_BYTES, 1);
        assertCell(3, e, VirtualServerColumn.TYPE, 2);
        assertCell("VSG_WEB", e, VirtualServerColumn.NAME_OF_GROUP, 2);
        assertAbsent(e, VirtualServerColumn.ADDRESS, 2);
        assertCell(1, e, VirtualServerColumn.LOAD_BALANCING_ALGO, 2);
        assertCell(1, e, VirtualServerColumn.ALPHA, 2);
        // alpha: the two servers with checkers start dead; the third (weight 1) alone meets quorum 1
        assertCell(1, e, VirtualServerColumn.REAL_SERVERS_UP, 2);
        assertCell(1, e, VirtualServerColumn.QUORUM_STATUS, 2);
    }

    @Test
    void realServers() {
        OID e = RealServerColumn.ENTRY;
        assertCell(1, e, RealServerColumn.TYPE, 1, 1);
        assertCell("0a:01:00:01", e, RealServerColumn.ADDRESS, 1, 1);
        assertCell(80, e, RealServerColumn.PORT, 1, 1);
        assertCell(1, e, RealServerColumn.STATUS, 1, 1);
        assertCell(3, e, RealServerColumn.WEIGHT, 1, 1);
        assertCell(1, e, RealServerColumn.ACTION_WHEN_DOWN, 1, 1);
        assertCell(2, e, RealServerColumn.ACTION_WHEN_DOWN, 1, 2);
        assertCell(100, e, RealServerColumn.UPPER_CONNECTION_LIMIT, 1, 3);
        assertAbsent(e, RealServerColumn.UPPER_CONNECTION_LIMIT, 1, 1);
        // DR forwarding: keepalived (and our parser) give the real server the service port
        assertCell(80, e, RealServerColumn.PORT, 1, 3);
        assertCell(2, e, RealServerColumn.FORWARDING_METHOD, 1, 1);
        assertCell(0, e, RealServerColumn.STATS_CONNS, 1, 1);
        // the sorry server is the group service's first row, without status or weight
        assertCell(2, e, RealServerColumn.TYPE, 2, 1);
        assertCell("0a:09:09:09", e, RealServerColumn.ADDRESS, 2, 1);
        assertAbsent(e, RealServerColumn.STATUS, 2, 1);
        assertAbsent(e, RealServerColumn.WEIGHT, 2, 1);
        // alpha mode: a server with a checker starts dead with its checker failed
        assertCell(2, e, RealServerColumn.STATUS, 2, 2);
        assertCell(1, e, RealServerColumn.FAILED_CHECKS, 2, 2);
        assertCell(1, e, RealServerColumn.STATUS, 2, 4);
        assertCell(0, e, RealServerColumn.FAILED_CHECKS, 2, 4);
    }

    @Test
    void everyValueHasItsColumnsSyntax() {
        List<Class<? extends ColumnSpec>> tables = List.of(VrrpSyncGroupColumn.class, VrrpSyncGroupMemberColumn.class,
                VrrpInstanceColumn.class, VrrpTrackedInterfaceColumn.class, VrrpTrackedScriptColumn.class,
                VrrpAddressColumn.class, VrrpRouteColumn.class, VrrpRuleColumn.class, VrrpScriptColumn.class, VirtualServerGroupColumn.class,
                VirtualServerGroupMemberColumn.class, VirtualServerColumn.class, RealServerColumn.class,
                EmailColumn.class);
        int checked = 0;
        for (Class<? extends ColumnSpec> t : tables) {
            for (ColumnSpec c : t.getEnumConstants()) {
                OID prefix = cell(entryOf(t), c);
                for (Map.Entry<OID, Variable> e : walked.entrySet()) {
                    if (e.getKey().startsWith(prefix) && e.getKey().size() > prefix.size()) {
                        assertEquals(c.syntax(), e.getValue().getSyntax(), e.getKey() + " " + c);
                        checked++;
                    }
                }
            }
        }
        assertTrue(checked > 300, "checked " + checked);
    }

    private static OID entryOf(Class<? extends ColumnSpec> t) {
        try {
            return (OID) t.getField("ENTRY").get(null);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
