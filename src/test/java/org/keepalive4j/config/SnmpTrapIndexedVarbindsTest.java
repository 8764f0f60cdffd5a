package org.keepalive4j.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** keepalive4j's one global_defs addition: snmp_trap_indexed_varbinds, a flag. */
class SnmpTrapIndexedVarbindsTest {

    @Test
    void offByDefault() {
        assertFalse(ConfigTesting.parse("global_defs {\n enable_traps\n}\n").config().global().snmpTrapIndexedVarbinds());
    }

    @Test
    void theFlagTurnsItOn() {
        ParsedConfig p = ConfigTesting.parse("global_defs {\n enable_traps\n snmp_trap_indexed_varbinds\n}\n");
        assertTrue(p.config().global().snmpTrapIndexedVarbinds());
        assertTrue(p.config().global().enableTraps());
        assertEquals(List.of(), p.warnings());
    }

    @Test
    void anArgumentIsIgnoredWithAWarningLikeEveryFlag() {
        ParsedConfig p = ConfigTesting.parse("global_defs {\n snmp_trap_indexed_varbinds yes\n}\n");
        assertTrue(p.config().global().snmpTrapIndexedVarbinds());
        assertEquals(1, p.warnings().size(), p.warnings().toString());
        assertTrue(p.warnings().get(0).toString().contains(":2: warning"), p.warnings().toString());
    }
}
