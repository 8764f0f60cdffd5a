package org.keepalive4j.mib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.keepalive4j.mib.SmiReader.Definition;
import org.keepalive4j.mib.SmiReader.Module;

/**
 * mibs/KEEPALIVED-MIB.txt against keepalived 2.2's module, object by object: name, numeric OID,
 * SYNTAX (enumeration labels and values, ranges, sizes), UNITS, MAX-ACCESS, STATUS, INDEX, the
 * OBJECTS of notifications, and everything else the reference declares. Our file must declare the
 * whole module.
 */
class MibCompatibilityTest {

    private static final String BASE = "1.3.6.1.4.1.9586.100.5";

    @Test
    void ourModuleHasTheShapeOfKeepalivedMib() {
        Module ours = MibFiles.readOurs();
        assertEquals("KEEPALIVED-MIB", ours.name());
        assertEquals(464, ours.ofKind("OBJECT-TYPE").size(), "OBJECT-TYPEs");
        assertEquals(4, ours.ofKind("NOTIFICATION-TYPE").size(), "NOTIFICATION-TYPEs");
        assertEquals(BASE, ours.oids().get("keepalived"));
        assertEquals(BASE + ".2.3.1.7", ours.oids().get("vrrpInstanceBasePriority"));
        assertEquals(BASE + ".3.4.1.7", ours.oids().get("realServerWeight"));
        assertEquals(BASE + ".2.10.0.2", ours.oids().get("vrrpInstanceStateChange"));
        assertEquals(BASE + ".3.5.0.1", ours.oids().get("realServerStateChange"));
        Definition identity = ours.definitions().get("keepalived");
        assertTrue(identity.get("ORGANIZATION").contains("keepalive4j"), identity.get("ORGANIZATION"));
        assertTrue(identity.get("CONTACT-INFO").contains("keepalive4j"), identity.get("CONTACT-INFO"));
        for (Definition d : ours.definitions().values()) {
            if (!d.kind().equals("SEQUENCE") && !d.kind().equals("OBJECT IDENTIFIER")) {
                assertTrue(d.all("DESCRIPTION").stream().allMatch(c -> !c.string().isBlank()),
                        d.name() + " has an empty DESCRIPTION");
                assertTrue(!d.all("DESCRIPTION").isEmpty(), d.name() + " has no DESCRIPTION");
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> everyObjectTypeMatchesTheReference() {
        return perDefinition("OBJECT-TYPE");
    }

    @TestFactory
    Stream<DynamicTest> everyNotificationTypeMatchesTheReference() {
        return perDefinition("NOTIFICATION-TYPE");
    }

    @Test
    void writableObjectsAreThoseOfTheReference() {
        Module ref = MibFiles.readReference();
        Module ours = MibFiles.readOurs();
        assertEquals(writable(ref), writable(ours));
        assertTrue(writable(ours).contains("vrrpInstanceBasePriority"));
        assertTrue(writable(ours).contains("realServerWeight"));
    }

    /** The whole module: TCs, OBJECT IDENTIFIERs, SEQUENCEs, groups, compliances, imports; nothing left out. */
    @Test
    void nothingTheReferenceDeclaresIsMissingOrDifferent() {
        Module ref = MibFiles.readReference();
        Module ours = MibFiles.readOurs();
        List<String> diffs = MibComparison.differences(ref, ours);
        assertTrue(diffs.isEmpty(), diffs.size() + " differences:\n" + String.join("\n", diffs));
        assertEquals(ref.definitions().keySet(), ours.definitions().keySet());
        assertEquals(ref.oids(), ours.oids());
    }

    /** The comparison is not vacuous: each kind of change to a copy of our text is reported. */
    @Test
    void theComparisonReportsEachKindOfDifference() throws IOException {
        String text = Files.readString(MibFiles.ours());
        Module ours = SmiReader.parse(text);
        assertEquals(List.of(), MibComparison.differences(ours, ours));

        assertReported(ours, text, "    ::= { vrrpInstanceEntry 7 }", "    ::= { vrrpInstanceEntry 70 }",
                "vrrpInstanceBasePriority", "OID");
        assertReported(ours, text, "Integer32 (-254..254)", "Integer32 (-254..255)", "vrrpSyncTrackedFileWeight",
                "SYNTAX");
        assertReported(ours, text, "master(2)", "master(7)", "VrrpState", "SYNTAX");
        assertReported(ours, text, "master(2)", "primary(2)", "VrrpState", "SYNTAX");
        assertReported(ours, text, "UNITS       \"seconds\"", "UNITS       \"minutes\"", "smtpServerTimeout",
                "UNITS");
        int rw = text.indexOf("read-write");
        assertReported(ours, text.substring(0, rw) + "read-only" + text.substring(rw + "read-write".length()),
                "vrrpInstanceBasePriority", "MAX-ACCESS");
        assertReported(ours, text, "        vrrpInstanceInitialState,\n        routerId",
                "        routerId", "vrrpInstanceStateChange", "OBJECTS");
        assertReported(ours, text, "INDEX       { virtualServerIndex, realServerIndex }",
                "INDEX       { realServerIndex }", "realServerEntry", "INDEX");

        int start = text.indexOf("realServerName OBJECT-TYPE");
        int end = text.indexOf("::= { realServerEntry 55 }", start) + "::= { realServerEntry 55 }".length();
        assertReported(ours, text.substring(0, start) + text.substring(end), "realServerName", "missing");
    }

    @Test
    void theReaderHandlesCommentsRangesAndNamedNumbers() {
        Module m = SmiReader.parse("""
                TEST-MIB DEFINITIONS ::= BEGIN
                IMPORTS OBJECT-TYPE, enterprises FROM SNMPv2-SMI; -- a comment
                t OBJECT -- a comment closed on its line -- IDENTIFIER ::= { enterprises 9586 100 }
                x OBJECT-TYPE
                    SYNTAX Integer32 (-5..5 | 10) -- ranges
                    MAX-ACCESS read-only
                    STATUS current
                    DESCRIPTION "has -- no comment
                       inside"
                    ::= { t 7 }
                END
                """);
        assertEquals("1.3.6.1.4.1.9586.100.7", m.oids().get("x"));
        Definition x = m.definitions().get("x");
        assertNotNull(x);
        assertEquals("Integer32 ( -5 .. 5 | 10 )", x.get("SYNTAX"));
        assertEquals("read-only", x.get("MAX-ACCESS"));
        assertEquals("has -- no comment inside", x.prose().get(0).replaceAll("\\s+", " "));
        assertEquals(List.of("OBJECT-TYPE", "enterprises"), m.imports().get("SNMPv2-SMI"));
    }

    private static void assertReported(Module ours, String text, String from, String to, String name,
                                       String what) {
        assertTrue(text.contains(from), "test setup: our text lacks " + from);
        assertReported(ours, text.replaceFirst(java.util.regex.Pattern.quote(from),
                java.util.regex.Matcher.quoteReplacement(to)), name, what);
    }

    private static void assertReported(Module ours, String changed, String name, String what) {
        List<String> diffs = MibComparison.differences(ours, SmiReader.parse(changed));
        assertTrue(diffs.stream().anyMatch(d -> d.contains(name) && d.contains(what)),
                "expected a " + what + " difference for " + name + ", got " + diffs);
    }

    private static List<String> writable(Module m) {
        return m.ofKind("OBJECT-TYPE").stream()
                .filter(d -> !List.of("read-only", "not-accessible", "accessible-for-notify")
                        .contains(d.get("MAX-ACCESS")))
                .map(Definition::name).toList();
    }

    private static Stream<DynamicTest> perDefinition(String kind) {
        Module ref = MibFiles.readReference();
        Module ours = MibFiles.readOurs();
        return ref.ofKind(kind).stream().map(r -> dynamicTest(r.name() + " " + ref.oids().get(r.name()), () -> {
            Definition o = ours.definitions().get(r.name());
            assertNotNull(o, r.name() + " is declared by the reference but missing from ours");
            List<String> diffs = MibComparison.differences(ref, r, ours, o);
            assertTrue(diffs.isEmpty(), String.join("\n", diffs));
        }));
    }
}
