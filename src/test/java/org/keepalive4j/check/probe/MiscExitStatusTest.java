package org.keepalive4j.check.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.keepalive4j.notify.ScriptResult;
import org.keepalive4j.notify.ScriptResult.Outcome;

class MiscExitStatusTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private static ProbeResult exit(int code, boolean dynamic) {
        return MiscExitStatus.toResult(new ScriptResult(Outcome.EXITED, code, Duration.ZERO), dynamic, TIMEOUT);
    }

    @Test
    void exitZeroIsUpAndKeepsTheConfiguredWeightEvenWhenDynamic() {
        for (boolean dynamic : new boolean[] {false, true}) {
            ProbeResult r = exit(0, dynamic);
            assertTrue(r.up());
            assertNull(r.weight());
        }
    }

    @Test
    void exitOneIsDownWithOrWithoutDynamic() {
        assertFalse(exit(1, false).up());
        assertFalse(exit(1, true).up());
        assertEquals("exit status 1", exit(1, true).detail());
    }

    @Test
    void dynamicStatusesSetWeightTwoBelowTheStatus() {
        assertEquals(0, exit(2, true).weight());
        assertEquals(10, exit(12, true).weight());
        assertEquals(253, exit(255, true).weight());
        assertTrue(exit(12, true).up());
        assertEquals("exit status 12: weight 10", exit(12, true).detail());
    }

    @Test
    void withoutDynamicEveryNonZeroStatusIsDown() {
        for (int code : new int[] {2, 12, 255}) {
            ProbeResult r = exit(code, false);
            assertFalse(r.up(), "exit " + code);
            assertNull(r.weight());
        }
    }

    @Test
    void timeoutsAndScriptsThatNeverRanAreDown() {
        ProbeResult t = MiscExitStatus.toResult(new ScriptResult(Outcome.TIMED_OUT, -1, TIMEOUT), true, TIMEOUT);
        assertFalse(t.up());
        assertEquals("timed out after 3000 ms", t.detail());
        assertFalse(MiscExitStatus.toResult(new ScriptResult(Outcome.NOT_STARTED, -1, Duration.ZERO), true, TIMEOUT).up());
        assertFalse(MiscExitStatus.toResult(new ScriptResult(Outcome.REJECTED, -1, Duration.ZERO), true, TIMEOUT).up());
    }
}
