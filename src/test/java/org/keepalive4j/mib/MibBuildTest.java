package org.keepalive4j.mib;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.snmp4j.smi.OID;

class MibBuildTest {

    static KeepalivedMib mib;
    static SnmpHarness snmp;

    @BeforeAll
    static void start() throws Exception {
        mib = KeepalivedMib.build(MibFixtures.parse(MibFixtures.standard("")), MibOptions.defaults());
        snmp = new SnmpHarness(mib.server());
    }

    @AfterAll
    static void stop() throws Exception {
        snmp.close();
    }

    @Test
    void smoke() throws Exception {
        snmp.walk(KeepalivedOids.KEEPALIVED, 20).forEach(System.out::println);
        assertEquals("lb01", snmp.get(new OID("1.3.6.1.4.1.9586.100.5.1.2.0")).toString());
    }
}
