package org.keepalive4j.dataplane.ipvs;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.keepalive4j.config.model.ForwardingMethod;
import org.keepalive4j.config.model.LvsScheduler;
import org.keepalive4j.dataplane.DataplaneException;
import org.keepalive4j.dataplane.Destination;
import org.keepalive4j.dataplane.VirtualService;

/** What IPVS refuses is refused before the kernel, with the setting named. */
class IpvsSupportTest {

    @Test
    void everySchedulerDrAndTunnelsAndThresholdsPass() {
        for (LvsScheduler s : LvsScheduler.values()) {
            assertDoesNotThrow(() -> IpvsSupport.checkService(new VirtualService(IpvsCodecTest.WEB, s, Set.of(), false,
                    300, "255.255.255.0")));
        }
        assertDoesNotThrow(() -> IpvsSupport.checkDestination(IpvsCodecTest.WEB, new Destination(
                IpvsCodecTest.addr("10.0.0.2"), 80, ForwardingMethod.simple(ForwardingMethod.Kind.DR), 1, 100, 10)));
    }

    @Test
    void anIpv6DestinationUnderAnIpv4ServiceNeedsATunnel() {
        Destination nat6 = new Destination(IpvsCodecTest.addr("2001:db8::2"), 80, ForwardingMethod.NAT, 1, 0, 0);
        DataplaneException e = assertThrows(DataplaneException.class,
                () -> IpvsSupport.checkDestination(IpvsCodecTest.WEB, nat6));
        assertTrue(e.getMessage().contains("TUN"), e.getMessage());
        assertDoesNotThrow(() -> IpvsSupport.checkDestination(IpvsCodecTest.WEB, new Destination(
                IpvsCodecTest.addr("2001:db8::2"), 80, ForwardingMethod.simple(ForwardingMethod.Kind.TUN), 1, 0, 0)));
    }

    @Test
    void negativeWeightsAndInvertedThresholdsAreRefused() {
        assertThrows(DataplaneException.class, () -> IpvsSupport.checkDestination(IpvsCodecTest.WEB,
                new Destination(IpvsCodecTest.addr("10.0.0.2"), 80, ForwardingMethod.NAT, -1, 0, 0)));
        DataplaneException e = assertThrows(DataplaneException.class, () -> IpvsSupport.checkDestination(
                IpvsCodecTest.WEB, new Destination(IpvsCodecTest.addr("10.0.0.2"), 80, ForwardingMethod.NAT, 1, 5, 10)));
        assertTrue(e.getMessage().contains("lthreshold"), e.getMessage());
    }

    @Test
    void anIpv6PrefixOnAnIpv4ServiceIsRefused() {
        assertThrows(DataplaneException.class, () -> IpvsSupport.checkService(new VirtualService(IpvsCodecTest.WEB,
                LvsScheduler.RR, Set.of(), false, 300, "64")));
    }
}
