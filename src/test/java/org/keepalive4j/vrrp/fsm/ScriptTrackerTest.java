package org.keepalive4j.vrrp.fsm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.keepalive4j.vrrp.fsm.ScriptTracker.Change.BECAME_FAILED;
import static org.keepalive4j.vrrp.fsm.ScriptTracker.Change.BECAME_OK;
import static org.keepalive4j.vrrp.fsm.ScriptTracker.Change.NONE;

import org.junit.jupiter.api.Test;

class ScriptTrackerTest {

    @Test
    void firstResultDecidesWhateverRiseAndFall() {
        assertEquals(BECAME_OK, new ScriptTracker(3, 3, false).record(true));
        assertEquals(BECAME_FAILED, new ScriptTracker(3, 3, false).record(false));
    }

    @Test
    void fallFailuresInARowAreNeededToFail() {
        ScriptTracker t = new ScriptTracker(2, 3, false);
        t.record(true);
        assertEquals(NONE, t.record(false));
        assertEquals(NONE, t.record(false));
        assertEquals(NONE, t.record(true), "a success resets the fall count");
        assertEquals(NONE, t.record(false));
        assertEquals(NONE, t.record(false));
        assertEquals(BECAME_FAILED, t.record(false));
        assertFalse(t.isOk());
    }

    @Test
    void riseSuccessesAreNeededToRecover() {
        ScriptTracker t = new ScriptTracker(2, 1, false);
        t.record(false);
        assertEquals(NONE, t.record(true));
        assertEquals(BECAME_OK, t.record(true));
        assertTrue(t.isOk());
        assertEquals(NONE, t.record(true));
    }

    @Test
    void initFailStartsFailedAndReportsOnlyRecovery() {
        ScriptTracker t = new ScriptTracker(2, 2, true);
        assertFalse(t.isOk());
        assertEquals(NONE, t.record(false));
        assertEquals(NONE, t.record(true));
        assertEquals(BECAME_OK, t.record(true));
    }
}
