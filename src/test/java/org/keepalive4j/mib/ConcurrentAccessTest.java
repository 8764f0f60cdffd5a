package org.keepalive4j.mib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.keepalive4j.config.model.KeepalivedConfig;
import org.keepalive4j.mib.vrrp.VrrpState;
import org.snmp4j.smi.VariableBinding;

/** Walks stay whole while a reload adds and removes rows and an engine writes state. */
class ConcurrentAccessTest {

    @Test
    void walksDuringReloadsAndStateWrites() throws Exception {
        String text = MibFixtures.standard("  enable_traps");
        KeepalivedConfig a = MibFixtures.parse(text);
        KeepalivedConfig b = MibFixtures.parse(text.replace(MibReloadTest.VI_3, MibReloadTest.VI_4));
        KeepalivedMib mib = KeepalivedMib.build(a, MibOptions.defaults().withSink(n -> { }));
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (SnmpHarness snmp = new SnmpHarness(mib.server())) {
            Future<Integer> reloads = pool.submit(() -> {
                int n = 0;
                while (!stop.get()) {
                    mib.reload(n++ % 2 == 0 ? b : a);
                }
                return n;
            });
            Future<Integer> writes = pool.submit(() -> {
                int n = 0;
                while (!stop.get()) {
                    mib.vrrp().instance("VI_1").orElseThrow()
                            .setState(n++ % 2 == 0 ? VrrpState.MASTER : VrrpState.BACKUP);
                    mib.check().virtualServers().get(0).realServers().get(0).setAlive(n % 3 == 0);
                }
                return n;
            });
            for (int i = 0; i < 20; i++) {
                List<VariableBinding> walked = snmp.walk(KeepalivedOids.KEEPALIVED, 40);
                assertTrue(walked.size() > 300, "walk " + i + ": " + walked.size());
            }
            stop.set(true);
            assertTrue(reloads.get(10, TimeUnit.SECONDS) > 0);
            assertTrue(writes.get(10, TimeUnit.SECONDS) > 0);
        } finally {
            pool.shutdownNow();
        }
        mib.reload(a);
        assertEquals(List.of("VI_1", "VI_2", "VI_3"),
                mib.vrrp().instances().stream().map(r -> r.name()).toList());
    }
}
