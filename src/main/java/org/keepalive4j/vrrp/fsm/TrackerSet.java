package org.keepalive4j.vrrp.fsm;

import java.util.List;

/**
 * The current state of an instance's trackers and what follows from it: the priority adjustment
 * and whether the instance must be in FAULT. Status is held in a flat array, so updates allocate
 * nothing.
 */
final class TrackerSet {

    private static final byte UNKNOWN = 0;
    private static final byte UP = 1;
    private static final byte DOWN = 2;

    private final TrackerSpec[] specs;
    private final byte[] status;

    TrackerSet(List<TrackerSpec> trackers) {
        specs = trackers.toArray(new TrackerSpec[0]);
        status = new byte[specs.length];
        for (int i = 0; i < specs.length; i++) {
            TrackerSpec spec = specs[i];
            status[i] = spec.initiallyDown() ? DOWN : spec.kind() == TrackerSpec.Kind.INTERFACE ? UP : UNKNOWN;
        }
    }

    /**
     * After a reload: the trackers of {@code specs}; one tracked before (same kind and name) keeps its
     * state, a new one takes {@code known}'s answer, or the initial state when that is null.
     */
    TrackerSet(List<TrackerSpec> trackers, TrackerSet previous,
               java.util.function.BiFunction<TrackerSpec.Kind, String, Boolean> known) {
        this(trackers);
        for (int i = 0; i < specs.length; i++) {
            byte carried = previous.statusOf(specs[i].kind(), specs[i].name());
            if (carried != UNKNOWN) {
                status[i] = carried;
                continue;
            }
            Boolean up = known.apply(specs[i].kind(), specs[i].name());
            if (up != null) {
                status[i] = up ? UP : DOWN;
            }
        }
    }

    private byte statusOf(TrackerSpec.Kind kind, String name) {
        for (int i = 0; i < specs.length; i++) {
            if (specs[i].kind() == kind && specs[i].name().equals(name)) {
                return status[i];
            }
        }
        return UNKNOWN;
    }

    /** Records a new state; returns whether any tracker of that kind and name changed. */
    boolean update(TrackerSpec.Kind kind, String name, boolean up) {
        byte next = up ? UP : DOWN;
        boolean changed = false;
        for (int i = 0; i < specs.length; i++) {
            if (specs[i].kind() == kind && specs[i].name().equals(name) && status[i] != next) {
                status[i] = next;
                changed = true;
            }
        }
        return changed;
    }

    /**
     * The sum of the weighted trackers, as keepalived keeps total_priority (vrrp_track.c): a positive
     * weight counts while the object is up, a negative one while it is down, and "reverse"
     * negates it. An object with no result yet counts for nothing (a script in its init state).
     */
    int priorityAdjustment() {
        int sum = 0;
        for (int i = 0; i < specs.length; i++) {
            int weight = specs[i].weight();
            int multiplier = specs[i].reverse() ? -1 : 1;
            if ((weight > 0 && status[i] == UP) || (weight < 0 && status[i] == DOWN)) {
                sum += weight * multiplier;
            }
        }
        return sum;
    }

    /** A weight-0 tracker is down (or, reversed, up): keepalived's VRRP_FAULT_FL_* flags. */
    boolean faulted() {
        for (int i = 0; i < specs.length; i++) {
            if (specs[i].weight() == 0 && status[i] != UNKNOWN && (status[i] == UP) == specs[i].reverse()) {
                return true;
            }
        }
        return false;
    }

    /** A weight-0 script has not reported yet: keepalived's num_script_init, which holds the instance. */
    boolean pending() {
        for (int i = 0; i < specs.length; i++) {
            if (specs[i].weight() == 0 && status[i] == UNKNOWN) {
                return true;
            }
        }
        return false;
    }
}
