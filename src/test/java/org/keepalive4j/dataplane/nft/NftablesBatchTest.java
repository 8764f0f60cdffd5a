package org.keepalive4j.dataplane.nft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.keepalive4j.config.model.ForwardingMethod;
import org.keepalive4j.config.model.LvsProtocol;
import org.keepalive4j.config.model.LvsScheduler;
import org.keepalive4j.dataplane.DataplaneException;
import org.keepalive4j.dataplane.Destination;
import org.keepalive4j.dataplane.ServiceKey;
import org.keepalive4j.dataplane.VirtualService;

/** Batched changes: one transaction for many calls, and the one-by-one fallback when it is refused. */
class NftablesBatchTest {

    /** Records every transaction; refuses the next one when told to. */
    private static final class FakeRunner implements NftRunner {
        final List<String> transactions = new ArrayList<>();
        boolean refuseNext;

        @Override
        public String run(String script) throws DataplaneException {
            if (script.startsWith("list ")) {
                return "";
            }
            if (refuseNext) {
                refuseNext = false;
                throw new DataplaneException("Error: refused for the test");
            }
            transactions.add(script);
            return "";
        }

        @Override
        public String name() {
            return "fake";
        }
    }

    private final ServiceKey web = new ServiceKey.Address(InetAddress.getByName("10.77.0.100"), 80, LvsProtocol.TCP);

    NftablesBatchTest() throws Exception {
    }

    private static Destination server(int i, int weight) {
        try {
            return new Destination(InetAddress.getByName("10.77.0." + i), 8080, ForwardingMethod.NAT, weight, 0, 0);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private void build(NftablesDataplane dp) throws DataplaneException {
        dp.addService(new VirtualService(web, LvsScheduler.RR, Set.of(), false, null, null));
        for (int i = 1; i <= 3; i++) {
            dp.addDestination(web, server(i, 1));
        }
        dp.updateDestination(web, server(2, 0));
    }

    private static String table(NftablesDataplane dp) {
        StringBuilder b = new StringBuilder();
        dp.describeTable(b);
        return b.toString();
    }

    @Test
    void fiveCallsInABatchAreOneTransactionAndLeaveTheSameTableAsFiveTransactions() throws Exception {
        FakeRunner one = new FakeRunner();
        NftablesDataplane byOne = new NftablesDataplane(one, false);
        int before = one.transactions.size();
        build(byOne);
        assertEquals(5, one.transactions.size() - before);

        FakeRunner batched = new FakeRunner();
        NftablesDataplane inBatch = new NftablesDataplane(batched, false);
        before = batched.transactions.size();
        inBatch.batch(() -> build(inBatch));

        assertEquals(1, batched.transactions.size() - before, "one transaction");
        assertEquals(table(byOne), table(inBatch));
        String script = batched.transactions.get(batched.transactions.size() - 1);
        assertTrue(script.contains("dnat ip to 10.77.0.3:8080"), script);
        assertTrue(!script.contains("goto s2d4"), "the server at weight 0 takes no new connections: " + script);
    }

    @Test
    void aRefusedBatchIsAppliedCallByCall() throws Exception {
        FakeRunner runner = new FakeRunner();
        NftablesDataplane dp = new NftablesDataplane(runner, false);
        int before = runner.transactions.size();
        runner.refuseNext = true;
        dp.batch(() -> build(dp));
        assertEquals(5, runner.transactions.size() - before, "the kernel refused the whole: one transaction per call");
        FakeRunner reference = new FakeRunner();
        NftablesDataplane ref = new NftablesDataplane(reference, false);
        build(ref);
        assertEquals(table(ref), table(dp));
    }

    @Test
    void aCallsOwnErrorReachesItsCallerAndTheRestIsStillCommitted() throws Exception {
        FakeRunner runner = new FakeRunner();
        NftablesDataplane dp = new NftablesDataplane(runner, false);
        int before = runner.transactions.size();
        dp.batch(() -> {
            dp.addService(new VirtualService(web, LvsScheduler.RR, Set.of(), false, null, null));
            assertThrows(DataplaneException.class, () -> dp.updateDestination(web, server(9, 1)), "no such server");
            dp.batch(() -> dp.addDestination(web, server(1, 1))); // nested: part of the same transaction
        });
        assertEquals(1, runner.transactions.size() - before);
        assertTrue(table(dp).contains("Destination 10.77.0.1:8080 weight 1"), table(dp));
    }
}
