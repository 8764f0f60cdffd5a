package org.keepalive4j.vrrp.fsm;

/**
 * Turns a vrrp_script's individual exit results into OK / FAILED transitions with keepalived's rise
 * and fall counting (vrrp_scheduler.c, vrrp_script_child_thread and vrrp_init_script): one counter
 * runs from 0 (failed) to rise + fall − 1 (fully OK); a script that has never run needs a single
 * result either way, one configured with init_fail starts failed and needs {@code rise} successes.
 */
public final class ScriptTracker {

    /** What one result did to the script's state. */
    public enum Change { NONE, BECAME_OK, BECAME_FAILED }

    private final int rise;
    private final int fall;
    private int result;
    private boolean firstRun;

    public ScriptTracker(int rise, int fall, boolean initFail) {
        if (rise < 1 || fall < 1) {
            throw new IllegalArgumentException("rise and fall must be at least 1");
        }
        this.rise = rise;
        this.fall = fall;
        // init_fail: "assume failed by config", so nothing is reported until rise successes.
        this.result = initFail ? 0 : rise - 1;
        this.firstRun = !initFail;
    }

    public Change record(boolean success) {
        boolean wasFirstRun = firstRun;
        firstRun = false;
        if (success) {
            if (result < rise - 1) {
                result++;
                return Change.NONE;
            }
            if (result == rise + fall - 1) {
                return Change.NONE;
            }
            boolean crossed = result < rise;
            result = rise + fall - 1;
            return crossed ? Change.BECAME_OK : Change.NONE;
        }
        if (result > rise) {
            result--;
            return Change.NONE;
        }
        boolean crossed = result == rise || wasFirstRun;
        result = 0;
        return crossed ? Change.BECAME_FAILED : Change.NONE;
    }

    /** True while the script counts as succeeding (false also before its first result). */
    public boolean isOk() {
        return result >= rise;
    }
}
