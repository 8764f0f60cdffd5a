package org.keepalive4j.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class CommandLineParserTest {

    private static CommandLine parse(String... args) throws UsageException {
        return CommandLineParser.parse(args);
    }

    @Test
    void defaultsMatchKeepalived() throws UsageException {
        CommandLine cl = parse();
        assertEquals(CommandLine.Action.RUN, cl.action());
        assertEquals(Path.of("/etc/keepalived/keepalived.conf"), cl.configFile());
        assertEquals(Path.of("/run/keepalived.pid"), cl.pidFile());
        assertEquals(Path.of("/run/keepalived_vrrp.pid"), cl.vrrpPidFile());
        assertEquals(Path.of("/run/keepalived_checkers.pid"), cl.checkersPidFile());
        assertEquals(SyslogFacility.DAEMON, cl.logFacility());
        assertTrue(cl.runsVrrp());
        assertTrue(cl.runsChecker());
        assertNull(cl.umask());
        assertNull(cl.configId());
    }

    /** Every flag without an argument, in its short and long spelling. */
    static Stream<Arguments> switches() {
        return Stream.of(
                sw("-P", "--vrrp", CommandLine::vrrpOnly),
                sw("-C", "--check", CommandLine::checkOnly),
                sw("-B", "--no_bfd", CommandLine::noBfd),
                sw("-l", "--log-console", CommandLine::logConsole),
                sw("-D", "--log-detail", CommandLine::logDetail),
                sw("-G", "--no-syslog", CommandLine::noSyslog),
                sw("-X", "--release-vips", CommandLine::releaseVips),
                sw("-V", "--dont-release-vrrp", CommandLine::dontReleaseVrrp),
                sw("-I", "--dont-release-ipvs", CommandLine::dontReleaseIpvs),
                sw("-R", "--dont-respawn", CommandLine::dontRespawn),
                sw("-n", "--dont-fork", CommandLine::dontFork),
                sw("-d", "--dump-conf", CommandLine::dumpConf),
                sw("-a", "--address-monitoring", CommandLine::addressMonitoring),
                sw("-x", "--snmp", CommandLine::snmp),
                sw("-m", "--core-dump", CommandLine::coreDump),
                sw("-e", "--all-config", CommandLine::allConfig));
    }

    private static Arguments sw(String shortForm, String longForm, Predicate<CommandLine> flag) {
        return Arguments.of(shortForm, longForm, flag);
    }

    @ParameterizedTest(name = "{0} / {1}")
    @MethodSource("switches")
    void switchesInBothForms(String shortForm, String longForm, Predicate<CommandLine> flag) throws UsageException {
        assertFalse(flag.test(parse()));
        assertTrue(flag.test(parse(shortForm)));
        assertTrue(flag.test(parse(longForm)));
    }

    @Test
    void allHasOnlyALongForm() throws UsageException {
        assertTrue(parse("--all").allSubsystems());
    }

    @Test
    void valuesInEveryStyle() throws UsageException {
        Path expected = Path.of("/tmp/k.conf");
        assertEquals(expected, parse("-f", "/tmp/k.conf").configFile());
        assertEquals(expected, parse("-f/tmp/k.conf").configFile());
        assertEquals(expected, parse("--use-file", "/tmp/k.conf").configFile());
        assertEquals(expected, parse("--use-file=/tmp/k.conf").configFile());
    }

    @Test
    void everyOptionWithAValue() throws UsageException {
        CommandLine cl = parse("-p", "/a", "--vrrp_pid=/b", "-c/c", "-b", "/d", "-A", "tcp:localhost:705",
                "-s", "blue", "-i", "node1", "-u", "022", "-S", "local3", "-M", "--core-dump-pattern=core.%p");
        assertEquals(Path.of("/a"), cl.pidFile());
        assertEquals(Path.of("/b"), cl.vrrpPidFile());
        assertEquals(Path.of("/c"), cl.checkersPidFile());
        assertEquals(Path.of("/d"), cl.bfdPidFile());
        assertEquals("tcp:localhost:705", cl.snmpAgentSocket());
        assertEquals("blue", cl.namespace());
        assertEquals("node1", cl.configId());
        assertEquals(022, cl.umask());
        assertEquals(SyslogFacility.LOCAL3, cl.logFacility());
        assertTrue(cl.coreDump());
        assertEquals("core.%p", cl.coreDumpPattern());
        CommandLine longs = parse("--pid", "/a", "--checkers_pid", "/c", "--bfd_pid=/d", "--snmp-agent-socket=x",
                "--namespace=red", "--config-id", "n2", "--umask=18", "--log-facility", "user");
        assertEquals(Path.of("/a"), longs.pidFile());
        assertEquals(Path.of("/c"), longs.checkersPidFile());
        assertEquals(Path.of("/d"), longs.bfdPidFile());
        assertEquals("x", longs.snmpAgentSocket());
        assertEquals("red", longs.namespace());
        assertEquals("n2", longs.configId());
        assertEquals(18, longs.umask());
        assertEquals(SyslogFacility.USER, longs.logFacility());
    }

    @Test
    void facilities() throws UsageException {
        assertEquals(SyslogFacility.LOCAL0, parse("-S0").logFacility());
        assertEquals(SyslogFacility.LOCAL7, parse("-S", "7").logFacility());
        assertEquals(SyslogFacility.LOCAL5, parse("--log-facility=LOCAL5").logFacility());
        assertEquals(SyslogFacility.DAEMON, parse("-S", "daemon").logFacility());
    }

    @Test
    void clusteredShortOptions() throws UsageException {
        CommandLine cl = parse("-nlDf/x.conf");
        assertTrue(cl.dontFork());
        assertTrue(cl.logConsole());
        assertTrue(cl.logDetail());
        assertEquals(Path.of("/x.conf"), cl.configFile());
    }

    @Test
    void configTestTakesItsLogFileOnlyAttached() throws UsageException {
        CommandLine plain = parse("-t", "-f", "/k.conf");
        assertEquals(CommandLine.Action.CONFIG_TEST, plain.action());
        assertNull(plain.configTestLog());
        assertEquals(Path.of("/k.conf"), plain.configFile());
        assertEquals(Path.of("/log"), parse("-t/log").configTestLog());
        assertEquals(Path.of("/log"), parse("--config-test=/log").configTestLog());
        assertNull(parse("--config-test").configTestLog());
    }

    @Test
    void subsystemSelection() throws UsageException {
        CommandLine vrrp = parse("-P");
        assertTrue(vrrp.runsVrrp());
        assertFalse(vrrp.runsChecker());
        CommandLine check = parse("-C");
        assertFalse(check.runsVrrp());
        assertTrue(check.runsChecker());
        CommandLine both = parse("-P", "-C");
        assertTrue(both.runsVrrp());
        assertTrue(both.runsChecker());
    }

    @Test
    void actionsStopParsing() throws UsageException {
        assertEquals(CommandLine.Action.HELP, parse("-h").action());
        assertEquals(CommandLine.Action.HELP, parse("--help", "--bogus").action());
        assertEquals(CommandLine.Action.VERSION, parse("-v").action());
        assertEquals(CommandLine.Action.VERSION, parse("-lv", "--bogus").action());
        assertEquals(CommandLine.Action.VERSION, parse("--version").action());
        assertEquals(CommandLine.Action.GENHASH, parse("-T").action());
        assertEquals(CommandLine.Action.GENHASH, parse("--genhash", "-S", "nonsense").action());
        CommandLine signum = parse("--signum=RELOAD");
        assertEquals(CommandLine.Action.SIGNUM, signum.action());
        assertEquals("RELOAD", signum.signalFunction());
        assertEquals("DATA", parse("--signum", "DATA").signalFunction());
    }

    @Test
    void uniqueLongPrefixesAreAccepted() throws UsageException {
        assertEquals(Path.of("/x"), parse("--use=/x").configFile());
        assertTrue(parse("--dump").dumpConf());
    }

    @ParameterizedTest
    @ValueSource(strings = {"--bogus", "-Z", "-nZ", "stray", "--dont=1"})
    void unknownOptionsAndStrayWordsAreUsageErrors(String word) {
        UsageException e = assertThrows(UsageException.class, () -> parse(word));
        String named = word.startsWith("--") ? word.split("=")[0] : word.equals("stray") ? "stray" : "Z";
        assertTrue(e.getMessage().contains(named), e.getMessage());
    }

    @Test
    void ambiguousPrefixNamesTheCandidates() {
        UsageException e = assertThrows(UsageException.class, () -> parse("--dont"));
        assertTrue(e.getMessage().contains("--dont-fork"), e.getMessage());
    }

    @Test
    void missingArgumentsNameTheOption() {
        assertTrue(assertThrows(UsageException.class, () -> parse("-f")).getMessage().contains("'f'"));
        assertTrue(assertThrows(UsageException.class, () -> parse("--pid")).getMessage().contains("--pid"));
        assertTrue(assertThrows(UsageException.class, () -> parse("--signum")).getMessage().contains("--signum"));
    }

    @Test
    void badValuesNameTheOption() {
        assertTrue(assertThrows(UsageException.class, () -> parse("-S", "local9")).getMessage()
                .contains("--log-facility"));
        assertTrue(assertThrows(UsageException.class, () -> parse("-u", "abc")).getMessage().contains("--umask"));
        assertTrue(assertThrows(UsageException.class, () -> parse("-u", "01000")).getMessage().contains("--umask"));
        assertTrue(assertThrows(UsageException.class, () -> parse("--vrrp=yes")).getMessage().contains("--vrrp"));
        assertTrue(assertThrows(UsageException.class, () -> parse("-s", "")).getMessage().contains("--namespace"));
    }

    @Test
    void doubleDashEndsOptionsAndNothingMayFollow() throws UsageException {
        assertTrue(parse("-n", "--").dontFork());
        assertThrows(UsageException.class, () -> parse("--", "x"));
    }
}
