package org.keepalive4j.dataplane;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.keepalive4j.config.model.ForwardingMethod;
import org.keepalive4j.config.model.LvsProtocol;
import org.keepalive4j.config.model.LvsScheduler;

class LoggingDataplaneTest {

    private final LoggingDataplane dp = new LoggingDataplane();

    private static ServiceKey service() throws Exception {
        return new ServiceKey.Address(InetAddress.getByName("10.0.0.100"), 80, LvsProtocol.TCP);
    }

    private static Destination dest(String addr, int weight) throws Exception {
        return new Destination(InetAddress.getByName(addr), 80, ForwardingMethod.NAT, weight, 0, 0);
    }

    @Test
    void keeps_the_table_it_was_given_and_prints_it() throws Exception {
        dp.addService(new VirtualService(service(), LvsScheduler.RR, Set.of(), false, 300, null));
        dp.addDestination(service(), dest("10.0.0.2", 1));
        dp.addDestination(service(), dest("10.0.0.3", 2));
        dp.updateDestination(service(), dest("10.0.0.3", 0));
        dp.removeDestination(service(), dest("10.0.0.2", 1).key());
        assertEquals(1, dp.destinations(service()).size());
        StringBuilder b = new StringBuilder();
        dp.describeTable(b);
        assertEquals(" Dataplane (logging): 1 services\n  Service 10.0.0.100:80/TCP rr persistent 300 s\n"
                + "   Destination 10.0.0.3:80 weight 0 NAT\n", b.toString());
        dp.removeService(service());
        assertTrue(dp.destinations(service()).isEmpty());
    }

    @Test
    void refuses_what_a_kernel_would_refuse() throws Exception {
        assertThrows(DataplaneException.class, () -> dp.addDestination(service(), dest("10.0.0.2", 1)));
        dp.addService(new VirtualService(service(), LvsScheduler.RR, Set.of(), false, null, null));
        assertThrows(DataplaneException.class, () -> dp.addService(
                new VirtualService(service(), LvsScheduler.RR, Set.of(), false, null, null)));
        dp.addDestination(service(), dest("10.0.0.2", 1));
        assertThrows(DataplaneException.class, () -> dp.addDestination(service(), dest("10.0.0.2", 1)));
        assertThrows(DataplaneException.class, () -> dp.updateDestination(service(), dest("10.0.0.9", 1)));
        assertThrows(DataplaneException.class, () -> dp.removeDestination(service(), dest("10.0.0.9", 1).key()));
    }
}
