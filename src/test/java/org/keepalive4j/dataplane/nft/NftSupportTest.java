package org.keepalive4j.dataplane.nft;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.keepalive4j.config.model.ForwardingMethod;
import org.keepalive4j.config.model.LvsScheduler;
import org.keepalive4j.dataplane.DataplaneException;
import org.keepalive4j.dataplane.Destination;
import org.keepalive4j.dataplane.VirtualService;

class NftSupportTest {

    @ParameterizedTest
    @EnumSource(value = LvsScheduler.class, names = {"RR", "WRR", "SH", "DH"}, mode = EnumSource.Mode.EXCLUDE)
    void statefulSchedulersAreRefusedNamingTheAlternatives(LvsScheduler s) {
        DataplaneException e = assertThrows(DataplaneException.class,
                () -> NftSupport.checkService(NftRulesetTest.service(NftRulesetTest.WEB, s, null)));
        assertTrue(e.getMessage().contains("scheduler " + s.kernelName()), e.getMessage());
        assertTrue(e.getMessage().contains("use rr, wrr, sh or dh, or the IPVS dataplane"), e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(value = LvsScheduler.class, names = {"RR", "WRR", "SH", "DH"})
    void statelessSchedulersAreAccepted(LvsScheduler s) {
        assertDoesNotThrow(() -> NftSupport.checkService(NftRulesetTest.service(NftRulesetTest.WEB, s, 300)));
    }

    @Test
    void noSchedulerMeansWlcWhichIsRefusedSayingItIsTheDefault() {
        DataplaneException e = assertThrows(DataplaneException.class,
                () -> NftSupport.checkService(NftRulesetTest.service(NftRulesetTest.WEB, null, null)));
        assertTrue(e.getMessage().contains("wlc (the default when lb_algo is not set)"), e.getMessage());
    }

    @Test
    void opsFlagsAndCoarsePersistenceAreRefused() {
        assertThrows(DataplaneException.class, () -> NftSupport.checkService(new VirtualService(NftRulesetTest.WEB,
                LvsScheduler.RR, Set.of(), true, null, null)));
        assertThrows(DataplaneException.class, () -> NftSupport.checkService(new VirtualService(NftRulesetTest.WEB,
                LvsScheduler.SH, Set.of("sh-port"), false, null, null)));
        DataplaneException e = assertThrows(DataplaneException.class, () -> NftSupport.checkService(
                new VirtualService(NftRulesetTest.WEB, LvsScheduler.RR, Set.of(), false, 300, "255.255.255.0")));
        assertTrue(e.getMessage().contains("persistence_granularity 255.255.255.0"), e.getMessage());
    }

    @Test
    void drAndTunAreRefusedForNow() {
        for (ForwardingMethod.Kind kind : new ForwardingMethod.Kind[] {ForwardingMethod.Kind.DR,
                ForwardingMethod.Kind.TUN}) {
            Destination d = new Destination(NftRulesetTest.ip("10.77.0.13"), 80, ForwardingMethod.simple(kind), 1, 0,
                    0);
            DataplaneException e = assertThrows(DataplaneException.class,
                    () -> NftSupport.checkDestination(NftRulesetTest.WEB, d));
            assertTrue(e.getMessage().contains("lb_kind " + kind + " is not supported"), e.getMessage());
        }
    }

    @Test
    void thresholdsAndMixedFamiliesAreRefused() {
        assertThrows(DataplaneException.class, () -> NftSupport.checkDestination(NftRulesetTest.WEB,
                new Destination(NftRulesetTest.ip("10.77.0.13"), 80, ForwardingMethod.NAT, 1, 100, 0)));
        DataplaneException e = assertThrows(DataplaneException.class, () -> NftSupport.checkDestination(
                NftRulesetTest.WEB, NftRulesetTest.dest("fd00::13", 80, 1)));
        assertTrue(e.getMessage().contains("between IPv4 and IPv6"), e.getMessage());
    }
}
