package org.keepalive4j.agentx;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.keepalive4j.config.ConfigParser;
import org.keepalive4j.config.ParseOptions;
import org.keepalive4j.config.model.KeepalivedConfig;
import org.keepalive4j.mib.KeepalivedMib;
import org.keepalive4j.mib.MibOptions;
import org.keepalive4j.mib.check.QuorumStatus;
import org.keepalive4j.mib.check.RealServerRow;
import org.keepalive4j.mib.check.VirtualServerRow;
import org.keepalive4j.mib.vrrp.VrrpState;
import org.keepalive4j.testlib.Root;

/**
 * The four KEEPALIVED-MIB notifications travel model row → AgentX → snmpd → snmptrapd, and arrive in
 * the form existing keepalived users' trap handling matches: varbinds named by their column OID
 * without an instance index (snmptrapd prints "KEEPALIVED-MIB::vrrpInstanceName", not "...Name.1").
 */
class TrapDeliveryIT {

    private static final Path CONF = Path.of(System.getProperty("keepalive4j.basedir", "."))
            .resolve("src/test/resources/snmp/agent.conf");

    @TempDir
    Path dir;

    private SnmpLab lab;
    private AgentXSubsystem agentx;

    @BeforeAll
    static void root() {
        Root.assume();
    }

    @AfterEach
    void close() {
        if (agentx != null) {
            agentx.stop();
        }
        if (lab != null) {
            lab.close();
        }
    }

    @Test
    void eachRowChangeReachesSnmptrapdWithKeepalivedsVarbinds() throws Exception {
        KeepalivedConfig config = new ConfigParser(ParseOptions.defaults()).parse(CONF).config();
        lab = SnmpLab.unix(dir);
        lab.startSnmptrapdWithNames();
        lab.startSnmpd();
        ForwardingTestSink sink = new ForwardingTestSink();
        KeepalivedMib mib = KeepalivedMib.build(config, MibOptions.defaults().withSink(sink));
        agentx = AgentXSubsystem.start(mib.server(), mib.sysOrEntries(), lab.master, AgentXSettings.defaults());
        sink.target = agentx.sink();
        awaitConnected();

        mib.vrrp().instance("VI_1").orElseThrow().setState(VrrpState.MASTER);
        mib.vrrp().syncGroups().get(0).setState(VrrpState.MASTER);
        VirtualServerRow vs = mib.check().virtualServers().get(0);
        RealServerRow rs = vs.realServers().get(1);
        rs.setAlive(!rs.isAlive());
        vs.setQuorumStatus(vs.quorumStatus() == QuorumStatus.MET ? QuorumStatus.NOT_MET : QuorumStatus.MET);

        lab.snmptrapd().waitForOutput("virtualServerQuorumStateChange.*routerId", Duration.ofSeconds(15));
        String trapd = lab.snmptrapd().stdout() + lab.snmptrapd().stderr();
        for (String expected : List.of(
                "KEEPALIVED-MIB::vrrpInstanceStateChange",
                "KEEPALIVED-MIB::vrrpInstanceName = STRING: VI_1",
                "KEEPALIVED-MIB::vrrpInstanceState = INTEGER: master(2)",
                "KEEPALIVED-MIB::vrrpInstanceInitialState = INTEGER: backup(1)",
                "KEEPALIVED-MIB::routerId.0 = STRING: k4j-it",
                "KEEPALIVED-MIB::vrrpSyncGroupStateChange",
                "KEEPALIVED-MIB::vrrpSyncGroupName = STRING: G1",
                "KEEPALIVED-MIB::vrrpSyncGroupState = INTEGER: master(2)",
                "KEEPALIVED-MIB::realServerStateChange",
                "KEEPALIVED-MIB::realServerPort = Gauge32: 8080",
                "KEEPALIVED-MIB::realServerStatus = INTEGER:",
                "KEEPALIVED-MIB::virtualServerPort = Gauge32: 80",
                "KEEPALIVED-MIB::virtualServerQuorumStateChange",
                "KEEPALIVED-MIB::virtualServerQuorumStatus = INTEGER:")) {
            assertTrue(trapd.contains(expected), "snmptrapd did not log \"" + expected + "\":\n" + trapd);
        }
    }

    private void awaitConnected() throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (agentx.state() != SubagentState.CONNECTED) {
            if (System.nanoTime() > end) {
                throw new AssertionError("subagent not connected: " + agentx.stats().toText());
            }
            Thread.sleep(20);
        }
    }

    /** The model needs its sink before the subagent that provides it exists (as in the daemon). */
    private static final class ForwardingTestSink implements org.keepalive4j.mib.NotificationSink {
        volatile org.keepalive4j.mib.NotificationSink target = org.keepalive4j.mib.NotificationSink.DISCARD;

        @Override
        public void send(org.keepalive4j.mib.Notification n) {
            target.send(n);
        }
    }
}
