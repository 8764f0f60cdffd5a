package org.keepalive4j.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.keepalive4j.config.model.Authentication;
import org.keepalive4j.config.model.KeepalivedConfig;
import org.keepalive4j.config.model.TrackedInterface;
import org.keepalive4j.config.model.VirtualAddress;
import org.keepalive4j.config.model.VrrpInstance;

/**
 * The sample configurations shipped by Debian's keepalived package must all parse, and their VRRP
 * content must come out as written. (LVS content is asserted in LvsSamplesTest.)
 */
class DebianSamplesTest {

    static final Path SAMPLES = Path.of("/usr/share/doc/keepalived/samples");

    static Stream<Path> samples() throws IOException {
        assumeSamples();
        try (Stream<Path> s = Files.list(SAMPLES)) {
            return s.filter(p -> p.getFileName().toString().startsWith("keepalived.conf.")).sorted().toList().stream();
        }
    }

    static void assumeSamples() {
        // CI installs the keepalived package (scripts/test); a developer machine may not have it.
        boolean present = Files.isDirectory(SAMPLES);
        if (!present && "true".equals(System.getenv("CI"))) {
            throw new AssertionError(SAMPLES + " is missing: scripts/test must install keepalived");
        }
        assumeTrue(present, SAMPLES + " is missing: install Debian's keepalived package");
    }

    static KeepalivedConfig parse(String name, String configId) {
        return parsed(name, configId).config();
    }

    static ParsedConfig parsed(String name, String configId) {
        try {
            return new ConfigParser(ParseOptions.defaults().withConfigId(configId)).parse(SAMPLES.resolve(name));
        } catch (ConfigException e) {
            throw new AssertionError(name + ":\n" + e.getMessage(), e);
        }
    }

    static KeepalivedConfig parse(String name) {
        return parse(name, "testhost");
    }

    @Test
    void debianShipsTwentyFiveSamples() throws IOException {
        assertEquals(25, samples().count());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void everySampleParsesWithoutErrors(Path sample) throws ConfigException {
        ParsedConfig p = new ConfigParser(ParseOptions.defaults()).parse(sample);
        assertFalse(p.config().vrrpInstances().isEmpty() && p.config().virtualServers().isEmpty()
                && p.config().staticAddresses().isEmpty(), "the sample configures something");
    }

    private static List<String> cidrs(List<VirtualAddress> a) {
        return a.stream().map(VirtualAddress::cidr).toList();
    }

    @Test
    void vrrpSampleHasFourInstancesWithTheirAuthAndAddresses() {
        KeepalivedConfig c = parse("keepalived.conf.vrrp");
        assertEquals("LVS_DEVEL", c.global().routerId());
        assertEquals(List.of("acassen"), c.global().notificationEmails());
        assertEquals("192.168.200.1", c.global().smtpServer());
        assertEquals(Duration.ofSeconds(30), c.global().smtpConnectTimeout());
        assertEquals(List.of("VI_1", "VI_2", "VI_3", "VI_4"), c.vrrpInstances().stream().map(VrrpInstance::name).toList());
        VrrpInstance vi1 = c.vrrpInstance("VI_1").orElseThrow();
        assertEquals(VrrpInstance.InitialState.MASTER, vi1.initialState());
        assertEquals("eth0", vi1.interfaceName());
        assertEquals(51, vi1.virtualRouterId());
        assertEquals(100, vi1.priority());
        assertEquals(Duration.ofSeconds(10), vi1.garpMasterDelay());
        assertEquals(5, vi1.garpMasterRepeat());
        assertTrue(vi1.smtpAlert());
        assertEquals(new Authentication(Authentication.Type.PASS, "1111"), vi1.authentication());
        assertEquals(List.of("192.168.200.16/32", "192.168.200.17/32", "192.168.200.18/32", "192.168.200.18/32"),
                cidrs(vi1.virtualAddresses()));
        assertEquals("eth0:1", vi1.virtualAddresses().get(3).label());
        VrrpInstance vi2 = c.vrrpInstance("VI_2").orElseThrow();
        assertEquals(VrrpInstance.InitialState.BACKUP, vi2.initialState());
        assertEquals(50, vi2.priority());
        assertNull(vi2.authentication());
        assertEquals(Duration.ofSeconds(5), vi2.garpMasterDelay(), "keepalived's default garp_master_delay");
        assertEquals(2, vi2.version());
        assertEquals("eth1", c.vrrpInstance("VI_4").orElseThrow().interfaceName());
    }

    @Test
    void syncSampleGroupsSevenAndTwoInstancesWithGroupNotifies() {
        KeepalivedConfig c = parse("keepalived.conf.vrrp.sync");
        assertEquals(9, c.vrrpInstances().size());
        assertEquals(2, c.syncGroups().size());
        var g1 = c.syncGroup("G1").orElseThrow();
        assertEquals(List.of("VI_1", "VI_2", "VI_5", "VI_6", "VI_7", "VI_8", "VI_9"), g1.members());
        assertEquals("/usr/local/bin/vrrp.back arg1 arg2", g1.notifyScripts().backup().command());
        assertEquals("/usr/local/bin/vrrp.mast arg1 arg2", g1.notifyScripts().master().command());
        assertEquals("/usr/local/bin/vrrp.fault arg1 arg2", g1.notifyScripts().fault().command());
        assertEquals(List.of("VI_3", "VI_4"), c.syncGroup("G2").orElseThrow().members());
        assertEquals(List.of("192.168.201.19/28"), cidrs(c.vrrpInstance("VI_4").orElseThrow().virtualAddresses()));
    }

    @Test
    void localcheckSampleTracksScriptsAndInterfacesWithWeights() {
        KeepalivedConfig c = parse("keepalived.conf.vrrp.localcheck");
        assertEquals(5, c.vrrpScripts().size());
        var sshd = c.vrrpScript("chk_sshd").orElseThrow();
        assertEquals("killall -0 sshd", sshd.script().command());
        assertEquals(Duration.ofSeconds(2), sshd.interval());
        assertEquals(-4, sshd.weight());
        assertEquals(2, sshd.fall());
        assertEquals(2, sshd.rise());
        assertEquals("</dev/tcp/127.0.0.1/80", c.vrrpScript("chk_http_port").orElseThrow().script().command());
        VrrpInstance vi1 = c.vrrpInstance("VI_1").orElseThrow();
        assertEquals(List.of("eth1", "eth2", "eth3"), vi1.trackInterfaces().stream().map(t -> t.name()).toList());
        assertEquals(2, vi1.trackInterfaces().get(0).weight());
        TrackedInterface eth2 = vi1.trackInterfaces().get(1);
        assertEquals("eth2", eth2.name());
        assertEquals(-2, eth2.weight());
        assertEquals(0, vi1.trackInterfaces().get(2).weight());
        assertEquals(5, vi1.trackScripts().size());
        assertNull(vi1.trackScripts().get(0).weight(), "chk_sshd uses the script's own weight");
        assertEquals(2, vi1.trackScripts().get(1).weight());
        assertEquals(9, c.vrrpInstances().size());
    }

    @Test
    void conditionalSampleFollowsTheConfigId() {
        KeepalivedConfig high = parse("keepalived.conf.conditional_conf", "high");
        VrrpInstance vi0 = high.vrrpInstance("VI_0").orElseThrow();
        assertEquals(170, vi0.priority());
        assertEquals(3, vi0.version());
        assertEquals(Duration.ofSeconds(12), vi0.advertInterval());
        assertEquals("", vi0.useVmac());
        assertEquals("/etc/keepalived/scripts/check_high_VI_0.sh", high.vrrpScript("check_VI_0").orElseThrow()
                .script().command());
        assertEquals(List.of("check_VI_0"), vi0.trackScripts().stream().map(t -> t.name()).toList());
        assertEquals(20, vi0.trackInterfaces().get(1).weight());
        assertEquals("high", high.global().netNamespace());
        KeepalivedConfig low = parse("keepalived.conf.conditional_conf", "low");
        assertEquals(85, low.vrrpInstance("VI_0").orElseThrow().priority());
        assertEquals("low", low.global().netNamespace());
        KeepalivedConfig none = parse("keepalived.conf.conditional_conf", "other");
        assertTrue(none.vrrpScripts().isEmpty(), "a vrrp_script without a script is removed, as keepalived does");
        assertTrue(none.vrrpInstance("VI_0").orElseThrow().trackScripts().isEmpty());
    }

    @Test
    void routesSampleKeepsEveryRoute() {
        KeepalivedConfig c = parse("keepalived.conf.vrrp.routes");
        assertEquals(5, c.staticRoutes().size());
        assertEquals("192.168.100.1", c.staticRoutes().get(0).source());
        assertEquals("192.168.209.0/24", c.staticRoutes().get(0).destination());
        assertEquals(List.of("192.168.200.254"), c.staticRoutes().get(0).gateways());
        assertEquals("site", c.staticRoutes().get(3).scope());
        VrrpInstance vi1 = c.vrrpInstance("VI_1").orElseThrow();
        assertEquals(7, vi1.virtualRoutes().size());
        assertEquals(List.of("192.168.100.252", "192.168.100.253"), vi1.virtualRoutes().get(4).gateways());
        assertEquals("blackhole", vi1.virtualRoutes().get(5).type());
        assertEquals("100", vi1.virtualRoutes().get(6).table());
        assertEquals("eth1", vi1.virtualAddresses().get(1).device());
    }

    @Test
    void rulesSampleSkipsTheInvalidRulesLikeKeepalived() {
        ParsedConfig p = parsed("keepalived.conf.vrrp.rules", "testhost");
        assertEquals(1, p.config().staticRules().size());
        assertEquals("192.168.100.0/24", p.config().staticRules().get(0).from());
        assertEquals("1", p.config().staticRules().get(0).table());
        assertEquals(1, p.config().vrrpInstance("VI_1").orElseThrow().virtualRules().size());
        assertTrue(p.warnings().stream().anyMatch(w -> w.location().line() == 11));
    }

    @Test
    void staticAddressesAndScriptsSamples() {
        KeepalivedConfig s = parse("keepalived.conf.vrrp.static_ipaddress");
        assertEquals(3, s.staticAddresses().size());
        assertEquals("link", s.staticAddresses().get(0).address().scope());
        assertEquals("eth2", s.staticAddresses().get(2).address().device());
        KeepalivedConfig scripts = parse("keepalived.conf.vrrp.scripts");
        VrrpInstance vi1 = scripts.vrrpInstance("VI_1").orElseThrow();
        assertEquals("/usr/local/bin/vrrp.sh  MASTER  VI_1", vi1.notifyScripts().master().command());
        assertEquals(List.of("VI_2", "VI_3"), scripts.syncGroup("G1").orElseThrow().members());
        assertEquals(List.of("192.168.200.100/27"), cidrs(scripts.vrrpInstance("VI_2").orElseThrow().virtualAddresses()));
    }

    @Test
    void ahWithInitialMasterStartsAsBackupLikeKeepalived() {
        KeepalivedConfig c = parse("keepalived.conf.SSL_GET");
        VrrpInstance vi1 = c.vrrpInstance("VI_1").orElseThrow();
        assertEquals(Authentication.Type.AH, vi1.authentication().type());
        assertEquals(VrrpInstance.InitialState.BACKUP, vi1.initialState());
    }

    @Test
    void nopreemptSample() {
        VrrpInstance vi1 = parse("keepalived.conf.sample").vrrpInstance("VI_1").orElseThrow();
        assertTrue(vi1.nopreempt());
        assertEquals(50, vi1.virtualRouterId());
    }
}
