package org.keepalive4j.agentx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.keepalive4j.mib.Notification;
import org.keepalive4j.testlib.Root;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.VariableBinding;

/** The subagent against a real snmpd as master: walks, sysORTable and notifications, over unix and tcp. */
class AgentXSnmpdIT {

    @TempDir
    Path dir;

    @Test
    void walkOverUnixSocketReturnsEveryRowAndSysORTableListsUs() {
        Root.assume();
        TestMib mib = new TestMib(200, 10);
        try (SnmpLab lab = SnmpLab.unix(dir)) {
            lab.startSnmpd();
            try (AgentXSubsystem agentx = AgentXSubsystem.start(mib.server, List.of(TestMib.CAPS), lab.master,
                    AgentXSettings.defaults())) {
                AgentXTesting.awaitConnected(agentx, Duration.ofSeconds(5));
                List<String> values = lab.bulkwalk(TestMib.ROOT.toDottedString());
                assertEquals(mib.valueCount(), values.size(), () -> "walk returned\n" + String.join("\n", values));
                assertTrue(values.contains("." + TestMib.TABLE + ".1.3.200 = STRING: \"rs200-c2\""), values::toString);
                List<String> sysOR = lab.walk("1.3.6.1.2.1.1.9");
                assertTrue(sysOR.stream().anyMatch(l -> l.endsWith("OID: ." + TestMib.CAPS.id())), sysOR::toString);
                assertTrue(sysOR.stream().anyMatch(l -> l.endsWith("STRING: \"keepalive4j test MIB\"")), sysOR::toString);
                AgentXStats stats = agentx.stats();
                assertEquals(SubagentState.CONNECTED, stats.state());
                assertEquals(3, stats.registeredRegions());
                assertTrue(stats.toText().contains(" State: CONNECTED\n Registered regions: 3\n"), stats.toText());
            }
        }
    }

    @Test
    void walkOverTcpReturnsEveryRow() {
        Root.assume();
        TestMib mib = new TestMib(100, 25);
        try (SnmpLab lab = SnmpLab.tcp(dir)) {
            lab.startSnmpd();
            try (AgentXSubsystem agentx = AgentXSubsystem.start(mib.server, List.of(TestMib.CAPS), lab.master,
                    AgentXSettings.defaults())) {
                AgentXTesting.awaitConnected(agentx, Duration.ofSeconds(5));
                assertEquals(mib.valueCount(), lab.bulkwalk(TestMib.ROOT.toDottedString()).size());
            }
        }
    }

    @Test
    void notificationReachesSnmptrapdWithTrapOidAndVarbinds() {
        Root.assume();
        TestMib mib = new TestMib(1, 1);
        try (SnmpLab lab = SnmpLab.unix(dir)) {
            lab.startSnmptrapd();
            lab.startSnmpd();
            try (AgentXSubsystem agentx = AgentXSubsystem.start(mib.server, List.of(), lab.master,
                    AgentXSettings.defaults())) {
                agentx.sink().send(new Notification(TestMib.TRAP_OID,
                        List.of(new VariableBinding(TestMib.TRAP_TAG, new OctetString("hello-trap")))));
                lab.snmptrapd().waitForOutput("\\.1\\.3\\.6\\.1\\.6\\.3\\.1\\.1\\.4\\.1\\.0 = OID: "
                        + AgentXTesting.quote("." + TestMib.TRAP_OID), Duration.ofSeconds(10));
                lab.snmptrapd().waitForOutput(AgentXTesting.quote("." + TestMib.TRAP_TAG + " = STRING: \"hello-trap\""),
                        Duration.ofSeconds(1));
                AgentXTesting.await(() -> agentx.stats().notificationsSent() == 1, Duration.ofSeconds(2), "sent count");
            }
        }
    }
}
