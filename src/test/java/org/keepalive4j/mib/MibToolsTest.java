package org.keepalive4j.mib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real tools load our module: net-snmp's snmptranslate resolves names to the same OIDs as with
 * keepalived's module, and libsmi's smilint has nothing to say at level 3. The IETF modules it
 * imports come from ../shared/ietf-mibs when that exists, otherwise from the tools' default paths.
 * A missing tool skips, except under CI=true where it fails.
 */
class MibToolsTest {

    /** Names and the OIDs keepalived's own module gives them. */
    private static final Map<String, String> KNOWN = Map.of(
            "vrrpInstanceBasePriority", ".1.3.6.1.4.1.9586.100.5.2.3.1.7",
            "realServerWeight", ".1.3.6.1.4.1.9586.100.5.3.4.1.7",
            "vrrpInstanceStateChange", ".1.3.6.1.4.1.9586.100.5.2.10.0.2",
            "realServerStateChange", ".1.3.6.1.4.1.9586.100.5.3.5.0.1",
            "virtualServerQuorumStateChange", ".1.3.6.1.4.1.9586.100.5.3.5.0.2",
            "lvsTimeoutUdp", ".1.3.6.1.4.1.9586.100.5.3.7.3",
            "keepalived", ".1.3.6.1.4.1.9586.100.5");

    private record Result(int exit, String out, String err) {
        /** stderr without net-snmp's harmless notes about directories it created. */
        String problems() {
            return err.lines().filter(l -> !l.startsWith("Created directory:")).collect(Collectors.joining("\n"));
        }
    }

    @Test
    void snmptranslateLoadsTheModuleAndPrintsItsTree() throws Exception {
        Result r = run(List.of(tool("snmptranslate"), "-M", mibPath("mibs"), "-m", "KEEPALIVED-MIB", "-Tp",
                "KEEPALIVED-MIB::keepalived"));
        assertEquals(0, r.exit(), r.err());
        assertEquals("", r.problems());
        assertTrue(r.out().contains("vrrpInstanceBasePriority(7)"), r.out());
        assertTrue(r.out().contains("realServerWeight(7)"), r.out());
        assertTrue(r.out().contains("-RW-"), "read-write objects shown as such");

        // it is our text that was loaded, not keepalived's module from net-snmp's default directory
        Result d = run(List.of(tool("snmptranslate"), "-M", mibPath("mibs"), "-m", "KEEPALIVED-MIB", "-Td",
                "KEEPALIVED-MIB::vrrpInstanceBasePriority"));
        assertEquals("", d.problems());
        assertTrue(d.out().contains("MAX-ACCESS\tread-write"), d.out());
        assertTrue(d.out().contains("keepalive4j"), d.out());
    }

    @Test
    void snmptranslateResolvesNamesToKeepalivedsOids() throws Exception {
        for (Map.Entry<String, String> e : KNOWN.entrySet()) {
            Result r = run(List.of(tool("snmptranslate"), "-M", mibPath("mibs"), "-m", "KEEPALIVED-MIB", "-On",
                    "KEEPALIVED-MIB::" + e.getKey()));
            assertEquals(0, r.exit(), e.getKey() + ": " + r.err());
            assertEquals("", r.problems(), e.getKey());
            assertEquals(e.getValue(), r.out().strip(), e.getKey());
        }
        Result back = run(List.of(tool("snmptranslate"), "-M", mibPath("mibs"), "-m", "KEEPALIVED-MIB", "-OS",
                ".1.3.6.1.4.1.9586.100.5.2.3.1.7.1"));
        assertEquals("KEEPALIVED-MIB::vrrpInstanceBasePriority.1", back.out().strip(), back.err());
    }

    /** The same names, translated with keepalived's module alone, give the same OIDs. */
    @Test
    void theReferenceModuleAgreesOnThoseOids() throws Exception {
        MibFiles.readReference(); // skip or CI failure when absent
        Path dir = MibFiles.REFERENCE.getParent();
        for (Map.Entry<String, String> e : KNOWN.entrySet()) {
            Result r = run(List.of(tool("snmptranslate"), "-M", mibPath(dir.toString()).substring(1), "-m",
                    "KEEPALIVED-MIB", "-On", "KEEPALIVED-MIB::" + e.getKey()));
            assertEquals(e.getValue(), r.out().strip(), e.getKey() + ": " + r.err());
        }
    }

    @Test
    void smilintReportsNothingAtLevel3() throws Exception {
        Result r = smilint(3, MibFiles.ours());
        assertEquals("", r.out() + r.err(), "smilint -l 3 on " + MibFiles.ours());
    }

    /** The lint check is not vacuous: a copy with an undefined SYNTAX type gets an error. */
    @Test
    void smilintReportsABrokenCopy(@TempDir Path dir) throws Exception {
        Path broken = dir.resolve("KEEPALIVED-MIB.txt");
        Files.writeString(broken, Files.readString(MibFiles.ours())
                .replaceFirst("SYNTAX      InetPortNumber", "SYNTAX      InetPortNumbr"));
        Result r = smilint(3, broken);
        assertTrue((r.out() + r.err()).contains("InetPortNumbr"), r.out() + r.err());
    }

    /** For the record: keepalived's own module is also silent, so any message on ours is ours to fix. */
    @Test
    void smilintIsSilentOnTheReferenceToo() throws Exception {
        MibFiles.readReference();
        Result r = smilint(3, MibFiles.REFERENCE);
        assertEquals("", r.out() + r.err());
    }

    private static Result smilint(int level, Path file) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(tool("smilint"), "-l", String.valueOf(level), "-s", "-m"));
        cmd.add(file.toString());
        return run(cmd);
    }

    /** The command for a tool; -Dkeepalive4j.snmptranslate=... / -Dkeepalive4j.smilint=... override it. */
    private static String tool(String name) {
        return System.getProperty("keepalive4j." + name, name);
    }

    /** -M argument: the given directory first, then ../shared/ietf-mibs if present, then net-snmp's default. */
    private static String mibPath(String dir) {
        Path ietf = MibFiles.ietfMibs();
        return "+" + dir + (Files.isDirectory(ietf) ? ":" + ietf : "");
    }

    private static Result run(List<String> cmd) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(MibFiles.baseDir().toFile());
        Path ietf = MibFiles.ietfMibs();
        if (Files.isDirectory(ietf)) {
            // libsmi: a leading ':' keeps the compiled-in default path after ours
            pb.environment().put("SMIPATH", ietf + ":");
        }
        pb.environment().remove("MIBS");
        pb.environment().remove("MIBDIRS");
        Path errFile = Files.createTempFile("mibtools", ".err");
        pb.redirectError(errFile.toFile());
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            MibFiles.missing(cmd.get(0) + " is not installed (" + e.getMessage()
                    + "); Debian packages snmp and smitools provide snmptranslate and smilint");
            throw e;
        }
        p.getOutputStream().close();
        try {
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(cmd + " did not finish");
            }
            return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8),
                    Files.readString(errFile, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(errFile);
        }
    }
}
