package org.keepalive4j.mib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keepalive4j.mib.check.RealServerRow;
import org.keepalive4j.mib.schema.RealServerColumn;
import org.keepalive4j.mib.schema.VirtualServerColumn;
import org.keepalive4j.mib.schema.VrrpInstanceColumn;
import org.keepalive4j.mib.table.ColumnSpec;
import org.keepalive4j.mib.vrrp.VrrpInstanceRow;
import org.snmp4j.PDU;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.SMIConstants;
import org.snmp4j.smi.UnsignedInteger32;
import org.snmp4j.smi.Variable;
import org.snmp4j.smi.VariableBinding;

/** SETs through snmp4j-agent: accepted values, the error codes of rejected ones, and the listeners. */
class MibSetTest {

    KeepalivedMib mib;
    SnmpHarness snmp;
    VrrpInstanceRow vi1;
    RealServerRow rs;
    final List<Integer> priorities = new CopyOnWriteArrayList<>();
    final List<Boolean> preempts = new CopyOnWriteArrayList<>();
    final List<Integer> weights = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        mib = KeepalivedMib.build(MibFixtures.parse(MibFixtures.standard("")), MibOptions.defaults());
        snmp = new SnmpHarness(mib.server());
        vi1 = mib.vrrp().instance("VI_1").orElseThrow();
        vi1.onBasePriorityChanged(priorities::add);
        vi1.onPreemptChanged(preempts::add);
        rs = mib.check().virtualServers().get(0).realServers().get(0);
        rs.onWeightChanged(weights::add);
    }

    @AfterEach
    void stop() throws Exception {
        snmp.close();
    }

    static OID cell(OID entry, ColumnSpec c, int... index) {
        OID o = KeepalivedOids.sub(entry, c.id());
        for (int i : index) {
            o.append(i);
        }
        return o;
    }

    static final OID PRIORITY_1 = cell(VrrpInstanceColumn.ENTRY, VrrpInstanceColumn.BASE_PRIORITY, 1);
    static final OID PREEMPT_1 = cell(VrrpInstanceColumn.ENTRY, VrrpInstanceColumn.PREEMPT, 1);
    static final OID WEIGHT_1_1 = cell(RealServerColumn.ENTRY, RealServerColumn.WEIGHT, 1, 1);

    @Test
    void basePriorityReadsBackAndReachesTheEngineOnce() throws Exception {
        PDU r = snmp.set(PRIORITY_1, new Integer32(200));
        assertEquals(PDU.noError, r.getErrorStatus(), r.toString());
        assertEquals(200, snmp.get(PRIORITY_1).toInt());
        assertEquals(List.of(200), priorities);
        assertEquals(200, vi1.basePriority());
        assertEquals(200, vi1.basePriorityOverride());
    }

    @Test
    void basePriorityOutOfRangeIsWrongValueAndChangesNothing() throws Exception {
        for (int bad : new int[] {0, 255, -1, 1000}) {
            PDU r = snmp.set(PRIORITY_1, new Integer32(bad));
            assertEquals(PDU.wrongValue, r.getErrorStatus(), "priority " + bad);
            assertEquals(1, r.getErrorIndex());
        }
        assertEquals(150, snmp.get(PRIORITY_1).toInt());
        assertEquals(List.of(), priorities);
        assertNull(vi1.basePriorityOverride());
    }

    @Test
    void basePriorityOfWrongTypeIsWrongType() throws Exception {
        assertEquals(PDU.wrongType, snmp.set(PRIORITY_1, new OctetString("100")).getErrorStatus());
        assertEquals(PDU.wrongType, snmp.set(PRIORITY_1, new UnsignedInteger32(100)).getErrorStatus());
        assertEquals(150, snmp.get(PRIORITY_1).toInt());
        assertEquals(List.of(), priorities);
    }

    @Test
    void preemptTakesTheEnumerationOnly() throws Exception {
        assertEquals(PDU.wrongValue, snmp.set(PREEMPT_1, new Integer32(3)).getErrorStatus());
        assertEquals(PDU.wrongValue, snmp.set(PREEMPT_1, new Integer32(0)).getErrorStatus());
        assertEquals(PDU.wrongType, snmp.set(PREEMPT_1, new OctetString("x")).getErrorStatus());
        assertEquals(List.of(), preempts);
        assertEquals(PDU.noError, snmp.set(PREEMPT_1, new Integer32(2)).getErrorStatus());
        assertEquals(2, snmp.get(PREEMPT_1).toInt());
        assertEquals(List.of(false), preempts);
        assertEquals(false, vi1.preempt());
    }

    @Test
    void weightZeroDrainsAndRestoringPutsBack() throws Exception {
        assertEquals(PDU.noError, snmp.set(WEIGHT_1_1, new Integer32(0)).getErrorStatus());
        assertEquals(0, snmp.get(WEIGHT_1_1).toInt());
        assertEquals(0, rs.weight());
        assertEquals(PDU.noError, snmp.set(WEIGHT_1_1, new Integer32(3)).getErrorStatus());
        assertEquals(3, snmp.get(WEIGHT_1_1).toInt());
        assertEquals(List.of(0, 3), weights);
    }

    @Test
    void weightOutsideIpvsRangeIsWrongValue() throws Exception {
        assertEquals(PDU.wrongValue, snmp.set(WEIGHT_1_1, new Integer32(65536)).getErrorStatus());
        assertEquals(PDU.wrongValue, snmp.set(WEIGHT_1_1, new Integer32(-1)).getErrorStatus());
        assertEquals(PDU.noError, snmp.set(WEIGHT_1_1, new Integer32(65535)).getErrorStatus());
        assertEquals(PDU.wrongType, snmp.set(WEIGHT_1_1, new OctetString("1")).getErrorStatus());
        assertEquals(65535, snmp.get(WEIGHT_1_1).toInt());
        assertEquals(List.of(65535), weights);
    }

    @Test
    void sorryServerWeightIsNotWritable() throws Exception {
        OID sorryWeight = cell(RealServerColumn.ENTRY, RealServerColumn.WEIGHT, 2, 1);
        assertEquals(PDU.notWritable, snmp.set(sorryWeight, new Integer32(1)).getErrorStatus());
        assertEquals(SMIConstants.EXCEPTION_NO_SUCH_INSTANCE, snmp.get(sorryWeight).getSyntax());
    }

    @Test
    void readOnlyObjectsAreNotWritable() throws Exception {
        List<OID> readOnly = List.of(
                cell(VrrpInstanceColumn.ENTRY, VrrpInstanceColumn.NAME, 1),
                cell(VrrpInstanceColumn.ENTRY, VrrpInstanceColumn.EFFECTIVE_PRIORITY, 1),
                // read-write in the reference MIB, not supported by keepalive4j
                cell(VrrpInstanceColumn.ENTRY, VrrpInstanceColumn.ACCEPT, 3),
                cell(VrrpInstanceColumn.ENTRY, VrrpInstanceColumn.PROMOTE_SECONDARIES, 1),
                cell(VrrpInstanceColumn.ENTRY, VrrpInstanceColumn.USE_LINKBEAT, 1),
                cell(VrrpInstanceColumn.ENTRY, VrrpInstanceColumn.NOTIFY_DELETED, 1),
                cell(VirtualServerColumn.ENTRY, VirtualServerColumn.QUORUM, 1),
                cell(RealServerColumn.ENTRY, RealServerColumn.STATUS, 1, 1));
        for (OID oid : readOnly) {
            Variable before = snmp.get(oid);
            PDU r = snmp.set(oid, new Integer32(1));
            assertEquals(PDU.notWritable, r.getErrorStatus(), oid.toString());
            assertEquals(before, snmp.get(oid));
        }
        assertEquals(PDU.notWritable, snmp.set(new OID(KeepalivedOids.ROUTER_ID + ".0"), new OctetString("x"))
                .getErrorStatus());
    }

    @Test
    void aFailedVarbindLeavesTheOtherVarbindsOfTheSetUncommitted() throws Exception {
        PDU r = snmp.send(PDU.SET, List.of(new VariableBinding(PRIORITY_1, new Integer32(120)),
                new VariableBinding(PREEMPT_1, new Integer32(9))), 0);
        assertEquals(PDU.wrongValue, r.getErrorStatus());
        assertEquals(2, r.getErrorIndex());
        assertEquals(150, snmp.get(PRIORITY_1).toInt());
        assertEquals(List.of(), priorities);
        assertEquals(List.of(), preempts);
    }

    @Test
    void engineReadsTheConfiguredValuesUntilASet() {
        assertEquals(150, vi1.basePriority());
        assertEquals(true, vi1.preempt());
        assertEquals(3, rs.weight());
    }
}
