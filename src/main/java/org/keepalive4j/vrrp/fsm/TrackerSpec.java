package org.keepalive4j.vrrp.fsm;

/**
 * One thing an instance tracks. Weight 0 puts the instance in FAULT while the tracked object is
 * down (or up, if reversed); any other weight adds to or subtracts from the priority instead.
 *
 * @param initiallyDown true for a script with init_fail; interfaces start up, other scripts
 *                      unknown until their first result
 */
public record TrackerSpec(Kind kind, String name, int weight, boolean reverse, boolean initiallyDown) {

    public enum Kind { INTERFACE, SCRIPT }

    public TrackerSpec {
        if (weight < -254 || weight > 254) {
            throw new IllegalArgumentException("weight " + weight);
        }
    }

    public static TrackerSpec iface(String name, int weight, boolean reverse) {
        return new TrackerSpec(Kind.INTERFACE, name, weight, reverse, false);
    }

    public static TrackerSpec script(String name, int weight, boolean reverse, boolean initFail) {
        return new TrackerSpec(Kind.SCRIPT, name, weight, reverse, initFail);
    }
}
