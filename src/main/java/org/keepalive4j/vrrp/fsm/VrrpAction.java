package org.keepalive4j.vrrp.fsm;

import java.net.InetAddress;

/** What a state machine asks the engine to do. Immutable; the frequent ones are shared instances. */
public sealed interface VrrpAction {

    AddVips ADD_VIPS = new AddVips();
    RemoveVips REMOVE_VIPS = new RemoveVips();

    /** Send one advertisement with this priority (0: "I am leaving, take over after your skew"). */
    record SendAdvert(int priority) implements VrrpAction {
        private static final SendAdvert[] CACHE = new SendAdvert[256];

        static {
            for (int p = 0; p < CACHE.length; p++) {
                CACHE[p] = new SendAdvert(p);
            }
        }

        public static SendAdvert of(int priority) {
            return CACHE[priority];
        }
    }

    /** Add the virtual addresses, routes and rules. */
    record AddVips() implements VrrpAction {
    }

    /** Remove the virtual addresses, routes and rules (also at startup, to clear a previous run's). */
    record RemoveVips() implements VrrpAction {
    }

    /** Send gratuitous ARP / unsolicited NA for every virtual address, {@code repeat} times. */
    record SendGarp(int repeat) implements VrrpAction {
    }

    /** The instance entered another state: write the MIB row, raise the trap, run notify scripts. */
    record StateChanged(VrrpState from, VrrpState to, TransitionReason reason) implements VrrpAction {
    }

    /** Base priority plus tracker weights changed (keepalived's notify_priority_changes). */
    record EffectivePriorityChanged(int from, int to) implements VrrpAction {
    }

    /**
     * The master heard a lower priority master, so there was a split: keepalived's
     * notify_master_rx_lower_pri event.
     */
    record LowerPriorityAdvertReceived(InetAddress source, int priority) implements VrrpAction {
    }

    /** The instance's vrrp_sync_group changed state: raise vrrpSyncGroupStateChange. */
    record GroupStateChanged(String group, VrrpState from, VrrpState to) implements VrrpAction {
    }
}
