package org.keepalive4j.mib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keepalive4j.mib.check.RealServerRow;
import org.keepalive4j.mib.check.VirtualServerRow;
import org.keepalive4j.mib.schema.RealServerColumn;
import org.keepalive4j.mib.schema.VrrpInstanceColumn;
import org.keepalive4j.mib.vrrp.VrrpInstanceRow;
import org.keepalive4j.mib.vrrp.VrrpState;
import org.snmp4j.PDU;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.SMIConstants;

/** Row identity, index stability and runtime overrides across reloads. */
class MibReloadTest {

    static final String VI_3 = """
            vrrp_instance VI_3 {
              interface lo
              virtual_router_id 53
              version 3
              advert_int 0.5
              priority 90
              virtual_ipaddress {
                192.0.2.30/24
              }
            }
            """;
    static final String VI_4 = """
            vrrp_instance VI_4 {
              interface lo
              virtual_router_id 54
              virtual_ipaddress {
                192.0.2.40/24
              }
            }
            """;

    KeepalivedMib mib;
    SnmpHarness snmp;
    String original;

    @BeforeEach
    void start() throws Exception {
        original = MibFixtures.standard("");
        mib = KeepalivedMib.build(MibFixtures.parse(original), MibOptions.defaults());
        snmp = new SnmpHarness(mib.server());
    }

    @AfterEach
    void stop() throws Exception {
        snmp.close();
    }

    OID instanceCell(VrrpInstanceColumn c, int index) {
        return MibSetTest.cell(VrrpInstanceColumn.ENTRY, c, index);
    }

    OID realServerCell(RealServerColumn c, int vs, int rs) {
        return MibSetTest.cell(RealServerColumn.ENTRY, c, vs, rs);
    }

    void set(OID oid, int value) throws Exception {
        assertEquals(PDU.noError, snmp.set(oid, new Integer32(value)).getErrorStatus());
    }

    /** VI_2 loses nopreempt, VI_3 goes, VI_4 comes, 10.1.0.2 gets weight 5, a real server is inserted first. */
    String edited() {
        return "# moved every block two lines down\n\n" + original
                .replace("  nopreempt\n", "")
                .replace(VI_3, VI_4)
                .replace("""
                          real_server 10.1.0.2 80 {
                            weight 2
                        """, """
                          real_server 10.1.0.2 80 {
                            weight 5
                        """)
                .replace("""
                          hysteresis 1
                        """, """
                          hysteresis 1
                          real_server 10.1.0.9 80 {
                            weight 9
                          }
                        """);
    }

    @Test
    void unchangedObjectsKeepIndexStateAndOverrides() throws Exception {
        assertTrue(original.contains(VI_3));
        VrrpInstanceRow vi1 = mib.vrrp().instance("VI_1").orElseThrow();
        set(instanceCell(VrrpInstanceColumn.BASE_PRIORITY, 1), 200);
        vi1.setState(VrrpState.MASTER);
        set(realServerCell(RealServerColumn.WEIGHT, 1, 1), 0);

        MibReload r = mib.reload(MibFixtures.parse(edited()));

        assertEquals(vi1, mib.vrrp().instance("VI_1").orElseThrow(), "same row view");
        assertEquals(200, snmp.get(instanceCell(VrrpInstanceColumn.BASE_PRIORITY, 1)).toInt());
        assertEquals(200, vi1.basePriority());
        assertEquals(VrrpState.MASTER.value(), snmp.get(instanceCell(VrrpInstanceColumn.STATE, 1)).toInt());
        assertEquals(0, snmp.get(realServerCell(RealServerColumn.WEIGHT, 1, 1)).toInt());
        assertEquals(0, mib.check().realServer(new OID("1.1")).orElseThrow().weight());
        assertFalse(r.vrrp().instances().changed().contains(vi1), "moving lines is no change");
    }

    @Test
    void aFieldChangedInTheFileDropsItsOverrideOnly() throws Exception {
        set(instanceCell(VrrpInstanceColumn.PREEMPT, 2), 1);
        set(instanceCell(VrrpInstanceColumn.BASE_PRIORITY, 2), 111);
        set(realServerCell(RealServerColumn.WEIGHT, 1, 2), 0);

        MibReload r = mib.reload(MibFixtures.parse(edited()));

        VrrpInstanceRow vi2 = mib.vrrp().instance("VI_2").orElseThrow();
        assertNull(vi2.preemptOverride(), "preempt changed in the file: its override is gone");
        assertEquals(true, vi2.preempt());
        assertEquals(111, vi2.basePriority(), "priority did not change in the file: its override stays");
        assertEquals(111, snmp.get(instanceCell(VrrpInstanceColumn.BASE_PRIORITY, 2)).toInt());
        assertEquals(List.of(vi2), r.vrrp().instances().changed());
        RealServerRow rs2 = mib.check().realServer(new OID("1.2")).orElseThrow();
        assertNull(rs2.weightOverride());
        assertEquals(5, rs2.weight());
        assertEquals(5, snmp.get(realServerCell(RealServerColumn.WEIGHT, 1, 2)).toInt());
        assertTrue(r.check().realServers().changed().contains(rs2));
    }

    @Test
    void removedRowsDisappearAndNewRowsNeverReuseAnIndex() throws Exception {
        VrrpInstanceRow vi3 = mib.vrrp().instance("VI_3").orElseThrow();
        MibReload r = mib.reload(MibFixtures.parse(edited()));

        assertEquals(List.of(vi3), r.vrrp().instances().removed());
        assertEquals(SMIConstants.EXCEPTION_NO_SUCH_INSTANCE,
                snmp.get(instanceCell(VrrpInstanceColumn.NAME, 3)).getSyntax());
        VrrpInstanceRow vi4 = mib.vrrp().instance("VI_4").orElseThrow();
        assertEquals(List.of(vi4), r.vrrp().instances().added());
        assertEquals(new OID("4"), vi4.index());
        assertEquals("VI_4", snmp.get(instanceCell(VrrpInstanceColumn.NAME, 4)).toString());

        // a real server inserted before the others: theirs stay, it gets the next number
        VirtualServerRow vs1 = mib.check().virtualServers().get(0);
        assertEquals("10.1.0.9", vs1.realServers().get(0).address().getHostAddress());
        assertEquals(new OID("1.4"), vs1.realServers().get(0).index());
        assertEquals(new OID("1.1"), vs1.realServers().get(1).index());
        assertEquals(4, snmp.get(MibSetTest.cell(org.keepalive4j.mib.schema.VirtualServerColumn.ENTRY,
                org.keepalive4j.mib.schema.VirtualServerColumn.REAL_SERVERS_TOTAL, 1)).toLong());

        // VI_3 comes back: a new index, not its old 3
        mib.reload(MibFixtures.parse(original));
        assertEquals(new OID("5"), mib.vrrp().instance("VI_3").orElseThrow().index());
        assertEquals(SMIConstants.EXCEPTION_NO_SUCH_INSTANCE,
                snmp.get(instanceCell(VrrpInstanceColumn.NAME, 4)).getSyntax());
        assertEquals(SMIConstants.EXCEPTION_NO_SUCH_INSTANCE,
                snmp.get(realServerCell(RealServerColumn.ADDRESS, 1, 4)).getSyntax());
    }

    @Test
    void addressRowsFollowTheirIdentity() throws Exception {
        VrrpInstanceRow vi1 = mib.vrrp().instance("VI_1").orElseThrow();
        vi1.addresses().get(1).setStatus(true);
        String text = original.replace("    192.0.2.10/24 dev lo label lo:vip\n", "");
        mib.reload(MibFixtures.parse(text));
        assertEquals(2, vi1.addresses().size());
        assertEquals(new OID("1.2"), vi1.addresses().get(0).index(), "192.0.2.11 keeps its row");
        assertTrue(vi1.addresses().get(0).isSet(), "and its status");
    }
}
