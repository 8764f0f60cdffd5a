package org.keepalive4j.mib;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.keepalive4j.mib.check.QuorumStatus;
import org.keepalive4j.mib.check.RealServerRow;
import org.keepalive4j.mib.check.VirtualServerRow;
import org.keepalive4j.mib.trap.RealServerFacts;
import org.keepalive4j.mib.trap.TrapBuilder;
import org.keepalive4j.mib.trap.VirtualServerFacts;
import org.keepalive4j.mib.vrrp.VrrpInstanceRow;
import org.keepalive4j.mib.vrrp.VrrpState;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.SMIConstants;
import org.snmp4j.smi.VariableBinding;

/** The four notifications: OIDs and varbinds as keepalived sends them, and when the rows send them. */
class TrapTest {

    static final String K = "1.3.6.1.4.1.9586.100.5";

    /** "oid=value" lines, values by their snmp4j text (addresses in hex). */
    static List<String> render(Notification n) {
        return n.varbinds().stream().map(TrapTest::render).toList();
    }

    static String render(VariableBinding vb) {
        String v = vb.getVariable() instanceof OctetString o && o.length() == 4 && !o.isPrintable()
                ? o.toHexString() : vb.getVariable().toString();
        return vb.getOid() + "=" + v + " (" + tag(vb.getVariable().getSyntax()) + ")";
    }

    /** The BER tag as the MIB names it (snmp4j calls the shared Unsigned32/Gauge32 tag "Gauge"). */
    static String tag(int syntax) {
        return switch (syntax) {
            case SMIConstants.SYNTAX_INTEGER -> "INTEGER";
            case SMIConstants.SYNTAX_OCTET_STRING -> "OCTET STRING";
            case SMIConstants.SYNTAX_GAUGE32 -> "Unsigned32";
            default -> "tag " + syntax;
        };
    }

    @Test
    void vrrpInstanceStateChangeUnindexed() {
        Notification n = new TrapBuilder(false).vrrpInstanceStateChange(new OID("3"), "VI_1", VrrpState.MASTER,
                VrrpState.BACKUP, "lb01");
        assertEquals(new OID(K + ".2.10.0.2"), n.trapOid());
        assertEquals(List.of(
                K + ".2.3.1.2=VI_1 (OCTET STRING)",
                K + ".2.3.1.4=2 (INTEGER)",
                K + ".2.3.1.5=1 (INTEGER)",
                K + ".1.2.0=lb01 (OCTET STRING)"), render(n));
    }

    @Test
    void vrrpInstanceStateChangeIndexed() {
        Notification n = new TrapBuilder(true).vrrpInstanceStateChange(new OID("3"), "VI_1", VrrpState.FAULT,
                VrrpState.MASTER, "lb01");
        assertEquals(List.of(
                K + ".2.3.1.2.3=VI_1 (OCTET STRING)",
                K + ".2.3.1.4.3=3 (INTEGER)",
                K + ".2.3.1.5.3=2 (INTEGER)",
                K + ".1.2.0=lb01 (OCTET STRING)"), render(n));
    }

    @Test
    void vrrpSyncGroupStateChange() {
        TrapBuilder plain = new TrapBuilder(false);
        Notification n = plain.vrrpSyncGroupStateChange(new OID("2"), "G1", VrrpState.BACKUP, "lb01");
        assertEquals(new OID(K + ".2.10.0.1"), n.trapOid());
        assertEquals(List.of(
                K + ".2.1.1.2=G1 (OCTET STRING)",
                K + ".2.1.1.3=1 (INTEGER)",
                K + ".1.2.0=lb01 (OCTET STRING)"), render(n));
        assertEquals(List.of(
                K + ".2.1.1.2.2=G1 (OCTET STRING)",
                K + ".2.1.1.3.2=1 (INTEGER)",
                K + ".1.2.0=lb01 (OCTET STRING)"),
                render(new TrapBuilder(true).vrrpSyncGroupStateChange(new OID("2"), "G1", VrrpState.BACKUP, "lb01")));
    }

    @Test
    void realServerStateChangeForAnAddressService() throws Exception {
        VirtualServerFacts vs = new VirtualServerFacts(new OID("4"), VirtualServerFacts.TYPE_IP, null, 0,
                InetAddress.getByName("203.0.113.1"), 80, 1, 2, 3);
        RealServerFacts rs = new RealServerFacts(new OID("4.2"), InetAddress.getByName("10.1.0.2"), 80, false);
        Notification n = new TrapBuilder(false).realServerStateChange(rs, vs, "lb01");
        assertEquals(new OID(K + ".3.5.0.1"), n.trapOid());
        assertEquals(List.of(
                K + ".3.4.1.3=1 (INTEGER)",
                K + ".3.4.1.4=0a:01:00:02 (OCTET STRING)",
                K + ".3.4.1.5=80 (Unsigned32)",
                K + ".3.4.1.6=2 (INTEGER)",
                K + ".3.3.1.2=2 (INTEGER)",
                K + ".3.3.1.5=1 (INTEGER)",
                K + ".3.3.1.6=cb:00:71:01 (OCTET STRING)",
                K + ".3.3.1.7=80 (Unsigned32)",
                K + ".3.3.1.8=1 (INTEGER)",
                K + ".3.3.1.21=2 (Unsigned32)",
                K + ".3.3.1.20=3 (Unsigned32)",
                K + ".1.2.0=lb01 (OCTET STRING)"), render(n));
        List<String> indexed = render(new TrapBuilder(true).realServerStateChange(rs, vs, "lb01"));
        assertEquals(K + ".3.4.1.3.4.2=1 (INTEGER)", indexed.get(0));
        assertEquals(K + ".3.3.1.2.4=2 (INTEGER)", indexed.get(4));
        assertEquals(K + ".1.2.0=lb01 (OCTET STRING)", indexed.get(11));
    }

    @Test
    void quorumStateChangeForGroupAndFwmarkServices() {
        VirtualServerFacts group = new VirtualServerFacts(new OID("2"), VirtualServerFacts.TYPE_GROUP, "VSG_WEB", 0,
                null, 0, 1, 0, 3);
        Notification n = new TrapBuilder(false).virtualServerQuorumStateChange(group, 2, 1, "lb01");
        assertEquals(new OID(K + ".3.5.0.2"), n.trapOid());
        assertEquals(List.of(
                K + ".3.3.1.2=3 (INTEGER)",
                K + ".3.3.1.3=VSG_WEB (OCTET STRING)",
                K + ".3.3.1.8=1 (INTEGER)",
                K + ".3.3.1.23=2 (INTEGER)",
                K + ".3.3.1.22=1 (Unsigned32)",
                K + ".3.3.1.21=0 (Unsigned32)",
                K + ".3.3.1.20=3 (Unsigned32)",
                K + ".1.2.0=lb01 (OCTET STRING)"), render(n));
        VirtualServerFacts fwmark = new VirtualServerFacts(new OID("5"), VirtualServerFacts.TYPE_FWMARK, null, 7,
                null, 0, 4, 1, 1);
        assertEquals(List.of(
                K + ".3.3.1.2.5=1 (INTEGER)",
                K + ".3.3.1.4.5=7 (Unsigned32)",
                K + ".3.3.1.8.5=4 (INTEGER)",
                K + ".3.3.1.23.5=1 (INTEGER)",
                K + ".3.3.1.22.5=1 (Unsigned32)",
                K + ".3.3.1.21.5=1 (Unsigned32)",
                K + ".3.3.1.20.5=1 (Unsigned32)",
                K + ".1.2.0=lb01 (OCTET STRING)"),
                render(new TrapBuilder(true).virtualServerQuorumStateChange(fwmark, 1, 1, "lb01")));
    }

    static KeepalivedMib build(String globalExtra, MibOptions options, List<Notification> sink) {
        return KeepalivedMib.build(MibFixtures.parse(MibFixtures.standard(globalExtra)), options.withSink(sink::add));
    }

    @Test
    void stateSettersSendOneNotificationPerRealChange() {
        List<Notification> sent = new CopyOnWriteArrayList<>();
        KeepalivedMib mib = build("  enable_traps", MibOptions.defaults(), sent);
        VrrpInstanceRow vi1 = mib.vrrp().instance("VI_1").orElseThrow();
        vi1.setState(VrrpState.INIT);
        assertEquals(0, sent.size(), "init is the starting state");
        vi1.setState(VrrpState.BACKUP);
        vi1.setState(VrrpState.BACKUP);
        vi1.setState(VrrpState.MASTER);
        mib.vrrp().syncGroup("G1").orElseThrow().setState(VrrpState.MASTER);
        mib.vrrp().syncGroup("G1").orElseThrow().setState(VrrpState.MASTER);
        VirtualServerRow vs1 = mib.check().virtualServers().get(0);
        RealServerRow rs1 = vs1.realServers().get(0);
        rs1.setAlive(true);
        rs1.setAlive(false);
        rs1.setAlive(false);
        vs1.setQuorumStatus(QuorumStatus.MET);
        vs1.setQuorumStatus(QuorumStatus.NOT_MET);
        vs1.setQuorumStatus(QuorumStatus.NOT_MET);
        assertEquals(List.of(
                new OID(K + ".2.10.0.2"), new OID(K + ".2.10.0.2"), new OID(K + ".2.10.0.1"),
                new OID(K + ".3.5.0.1"), new OID(K + ".3.5.0.2")),
                sent.stream().map(Notification::trapOid).toList());
        assertEquals(K + ".2.3.1.4=1 (INTEGER)", render(sent.get(0)).get(1));
        assertEquals(K + ".2.3.1.4=2 (INTEGER)", render(sent.get(1)).get(1));
        assertEquals(K + ".3.4.1.6=2 (INTEGER)", render(sent.get(3)).get(3), "realServerStatus dead");
        assertEquals(K + ".3.3.1.21=2 (Unsigned32)", render(sent.get(3)).get(9), "up count after the change");
        assertEquals(2, vs1.realServersUp());
    }

    @Test
    void nothingIsSentWithoutEnableTraps() {
        List<Notification> sent = new CopyOnWriteArrayList<>();
        KeepalivedMib mib = build("", MibOptions.defaults(), sent);
        mib.vrrp().instance("VI_1").orElseThrow().setState(VrrpState.MASTER);
        mib.vrrp().syncGroup("G1").orElseThrow().setState(VrrpState.MASTER);
        mib.check().virtualServers().get(0).realServers().get(0).setAlive(false);
        mib.check().virtualServers().get(0).setQuorumStatus(QuorumStatus.NOT_MET);
        assertEquals(List.of(), sent);
        assertEquals(VrrpState.MASTER, mib.vrrp().instance("VI_1").orElseThrow().state(), "the row still changes");
    }

    @Test
    void indexedFormByOptionOrByGlobalDefs() {
        List<Notification> byOption = new CopyOnWriteArrayList<>();
        build("  enable_traps", MibOptions.defaults().withIndexedTrapVarbinds(true), byOption)
                .vrrp().instance("VI_2").orElseThrow().setState(VrrpState.BACKUP);
        List<Notification> byConfig = new CopyOnWriteArrayList<>();
        build("  enable_traps\n  snmp_trap_indexed_varbinds", MibOptions.defaults(), byConfig)
                .vrrp().instance("VI_2").orElseThrow().setState(VrrpState.BACKUP);
        for (List<Notification> sent : List.of(byOption, byConfig)) {
            assertEquals(K + ".2.3.1.2.2=VI_2 (OCTET STRING)", render(sent.get(0)).get(0));
        }
    }
}
