package org.keepalive4j.mib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
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
import org.snmp4j.smi.SMIConstants;

/**
 * Checks the schema enums and OID constants against the reference module Debian's keepalived
 * package installs: every column's sub-identifier, SYNTAX tag and access, and the entry's full set
 * of accessible columns. Skipped where the file is not installed.
 */
class ReferenceMibTest {

    static final Path REFERENCE = Path.of("/usr/share/snmp/mibs/KEEPALIVED-MIB.txt");
    static final Pattern OBJECT = Pattern.compile(
            "(\\w+)\\s+(OBJECT-TYPE|OBJECT IDENTIFIER|NOTIFICATION-TYPE|MODULE-IDENTITY)(.*?)::=\\s*\\{\\s*(\\w+)\\s+(\\d+)\\s*}",
            Pattern.DOTALL);

    record Definition(String name, String syntax, String access) {
    }

    /** Every defined object by OID. */
    static final Map<OID, Definition> byOid = new TreeMap<>();
    static final Map<String, OID> oidOf = new HashMap<>();

    @BeforeAll
    static void read() throws IOException {
        Assumptions.assumeTrue(Files.isReadable(REFERENCE), "reference KEEPALIVED-MIB not installed");
        // without comments, and without the IMPORTS clause, whose MODULE-IDENTITY would read as a definition
        String text = Files.readString(REFERENCE).replaceAll("--[^\\n]*", "").replaceFirst("(?s)IMPORTS.*?;", "");
        Map<String, String[]> parents = new HashMap<>();
        Map<String, Definition> defs = new HashMap<>();
        Matcher m = OBJECT.matcher(text);
        while (m.find()) {
            String body = m.group(3);
            Matcher syntax = Pattern.compile("SYNTAX\\s+(\\S+)").matcher(body);
            Matcher access = Pattern.compile("MAX-ACCESS\\s+(\\S+)").matcher(body);
            parents.put(m.group(1), new String[] {m.group(4), m.group(5)});
            defs.put(m.group(1), new Definition(m.group(1), syntax.find() ? syntax.group(1) : "",
                    access.find() ? access.group(1) : ""));
        }
        for (String name : parents.keySet()) {
            OID oid = resolve(name, parents);
            if (oid != null) {
                oidOf.put(name, oid);
                byOid.put(oid, defs.get(name));
            }
        }
    }

    private static OID resolve(String name, Map<String, String[]> parents) {
        if (name.equals("enterprises")) {
            return new OID("1.3.6.1.4.1");
        }
        String[] p = parents.get(name);
        if (p == null) {
            return null;
        }
        OID parent = resolve(p[0], parents);
        return parent == null ? null : KeepalivedOids.sub(parent, Integer.parseInt(p[1]));
    }

    /** The BER tag a reference SYNTAX encodes as. */
    static int tag(String syntax) {
        return switch (syntax) {
            case "DisplayString", "InetAddress", "OCTET" -> SMIConstants.SYNTAX_OCTET_STRING;
            case "Unsigned32", "Gauge32", "InetPortNumber", "InetAddressPrefixLength", "Realm" ->
                    SMIConstants.SYNTAX_GAUGE32;
            case "Counter32" -> SMIConstants.SYNTAX_COUNTER32;
            case "Counter64" -> SMIConstants.SYNTAX_COUNTER64;
            default -> SMIConstants.SYNTAX_INTEGER32; // Integer32, INTEGER enumerations, TruthValue, ...
        };
    }

    @Test
    void everyColumnMatchesTheReference() throws Exception {
        List<Class<? extends ColumnSpec>> tables = List.of(EmailColumn.class, VrrpSyncGroupColumn.class,
                VrrpSyncGroupMemberColumn.class, VrrpInstanceColumn.class, VrrpTrackedInterfaceColumn.class,
                VrrpTrackedScriptColumn.class, VrrpAddressColumn.class, VrrpRouteColumn.class, VrrpRuleColumn.class,
                VrrpScriptColumn.class, VirtualServerGroupColumn.class, VirtualServerGroupMemberColumn.class,
                VirtualServerColumn.class, RealServerColumn.class);
        for (Class<? extends ColumnSpec> t : tables) {
            OID entry = (OID) t.getField("ENTRY").get(null);
            assertNotNull(byOid.get(entry), t + " entry");
            long accessible = byOid.entrySet().stream()
                    .filter(e -> e.getKey().size() == entry.size() + 1 && e.getKey().startsWith(entry))
                    .filter(e -> !e.getValue().access().equals("not-accessible")).count();
            assertEquals(accessible, t.getEnumConstants().length, t + ": accessible columns");
            for (ColumnSpec c : t.getEnumConstants()) {
                Definition d = byOid.get(KeepalivedOids.sub(entry, c.id()));
                assertNotNull(d, t.getSimpleName() + "." + c);
                assertEquals(tag(d.syntax()), c.syntax(), d.name() + " syntax " + d.syntax());
                assertEquals(d.access().equals("read-write"), c.writable() || isUnsupportedReadWrite(d.name()),
                        d.name() + " access");
            }
        }
    }

    /** Read-write in the reference, read-only here (documented in the package). */
    private static boolean isUnsupportedReadWrite(String name) {
        return List.of("vrrpInstanceAccept", "vrrpInstancePromoteSecondaries", "vrrpInstanceUseLinkbeat",
                "vrrpInstanceNotifyDeleted").contains(name);
    }

    @Test
    void scalarAndNotificationOidsMatchTheReference() {
        assertEquals(oidOf.get("routerId"), KeepalivedOids.ROUTER_ID);
        assertEquals(oidOf.get("vrrpInstanceStateChange"), KeepalivedOids.VRRP_INSTANCE_STATE_CHANGE);
        assertEquals(oidOf.get("vrrpSyncGroupStateChange"), KeepalivedOids.VRRP_SYNC_GROUP_STATE_CHANGE);
        assertEquals(oidOf.get("realServerStateChange"), KeepalivedOids.REAL_SERVER_STATE_CHANGE);
        assertEquals(oidOf.get("virtualServerQuorumStateChange"), KeepalivedOids.VIRTUAL_SERVER_QUORUM_STATE_CHANGE);
        assertEquals(oidOf.get("version"), KeepalivedOids.sub(KeepalivedOids.GLOBAL, 1));
        assertEquals(oidOf.get("smtpServerPort"), KeepalivedOids.sub(KeepalivedOids.GLOBAL, 3, 6));
        assertEquals(oidOf.get("lvsSyncDaemonEnabled"), KeepalivedOids.sub(KeepalivedOids.CHECK, 6, 1));
        assertEquals(oidOf.get("lvsTimeoutUdp"), KeepalivedOids.sub(KeepalivedOids.CHECK, 7, 3));
    }

    @Test
    void everyServedScalarIsAReferenceScalar() throws Exception {
        KeepalivedMib mib = KeepalivedMib.build(MibFixtures.parse(MibFixtures.standard("")), MibOptions.defaults());
        try (SnmpHarness snmp = new SnmpHarness(mib.server())) {
            int scalars = 0;
            for (var vb : snmp.walk(KeepalivedOids.KEEPALIVED, 50)) {
                OID oid = vb.getOid();
                OID object = new OID(oid.getValue(), 0, oid.size() - 1);
                if (oid.last() == 0 && byOid.containsKey(object)) {
                    Definition d = byOid.get(object);
                    assertEquals(tag(d.syntax()), vb.getVariable().getSyntax(), d.name());
                    scalars++;
                }
            }
            // 18 global (no net_namespace) + 4 lvs_sync_daemon (id only, no maxlen/port/ttl/group); no lvs_timeouts
            assertEquals(22, scalars, "scalars served for the standard configuration");
        }
    }
}
