package org.keepalive4j.dataplane.nft;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.keepalive4j.config.model.LvsProtocol;
import org.keepalive4j.config.model.LvsScheduler;
import org.keepalive4j.dataplane.DataplaneException;
import org.keepalive4j.dataplane.ServiceKey;
import org.keepalive4j.dataplane.VirtualService;

/**
 * lvs_dataplane auto on a kernel without IPVS: a virtual server without lb_algo is scheduled wrr; an
 * lb_algo written in the configuration that nftables cannot do is still refused, naming the alternatives.
 */
class AutoFallbackSchedulerTest {

    /** Records the scripts instead of running nft. */
    static final class Recording implements NftRunner {
        final List<String> scripts = new ArrayList<>();

        @Override
        public String run(String script) {
            scripts.add(script);
            return "";
        }

        @Override
        public String name() {
            return "recording";
        }
    }

    private static final ServiceKey WEB;

    static {
        try {
            WEB = new ServiceKey.Address(InetAddress.getByName("10.0.0.100"), 80, LvsProtocol.TCP);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anUnsetLbAlgoIsScheduledWrrUnderAuto() throws Exception {
        Recording runner = new Recording();
        NftablesDataplane d = new NftablesDataplane(runner, false, true);
        d.addService(new VirtualService(WEB, null, Set.of(), false, null, null));
        StringBuilder dump = new StringBuilder();
        d.describeTable(dump);
        assertTrue(dump.toString().contains("10.0.0.100:80/TCP wrr"), dump.toString());
    }

    @Test
    void anUnsetLbAlgoIsRefusedUnderExplicitNftablesAsWlc() throws Exception {
        NftablesDataplane d = new NftablesDataplane(new Recording(), false, false);
        DataplaneException e = assertThrows(DataplaneException.class,
                () -> d.addService(new VirtualService(WEB, null, Set.of(), false, null, null)));
        assertTrue(e.getMessage().contains("wlc"), e.getMessage());
    }

    @Test
    void aWrittenLbAlgoNftablesCannotDoIsRefusedUnderAutoToo() throws Exception {
        NftablesDataplane d = new NftablesDataplane(new Recording(), false, true);
        DataplaneException e = assertThrows(DataplaneException.class,
                () -> d.addService(new VirtualService(WEB, LvsScheduler.LC, Set.of(), false, null, null)));
        assertTrue(e.getMessage().contains("lc") && e.getMessage().contains("rr, wrr, sh or dh")
                && e.getMessage().contains("IPVS"), e.getMessage());
    }
}
