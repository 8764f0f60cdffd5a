package org.keepalive4j.vrrp.fsm;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What one state machine needs to know about its instance. Priority and preempt are only the
 * starting values: both can change at run time through {@link VrrpEvent}s.
 *
 * @param primaryAddress       our source address in adverts, compared with a peer's on equal priority
 * @param wantMaster           "state MASTER" in the configuration
 * @param lowerPrioNoAdvert    keepalived's lower_prio_no_advert: a master does not answer a lower
 *                             priority advert with one of its own
 * @param higherPrioSendAdvert keepalived's higher_prio_send_advert: a master answers a higher
 *                             priority advert with one of its own before giving way
 * @param trackers             including the instance's own interface unless dont_track_primary
 */
public record VrrpParameters(
        String name,
        int version,
        InetAddress primaryAddress,
        int priority,
        boolean preempt,
        Duration preemptDelay,
        boolean wantMaster,
        Duration advertInterval,
        int downTimerAdverts,
        Duration garpMasterDelay,
        int garpMasterRepeat,
        Duration garpMasterRefresh,
        int garpMasterRefreshRepeat,
        Duration garpLowerPrioDelay,
        int garpLowerPrioRepeat,
        boolean lowerPrioNoAdvert,
        boolean higherPrioSendAdvert,
        List<TrackerSpec> trackers) {

    public VrrpParameters {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(primaryAddress, "primaryAddress");
        if (version != 2 && version != 3) {
            throw new IllegalArgumentException("version " + version);
        }
        if (priority < 1 || priority > 255) {
            throw new IllegalArgumentException("priority " + priority);
        }
        if (downTimerAdverts < 1) {
            throw new IllegalArgumentException("downTimerAdverts " + downTimerAdverts);
        }
        trackers = List.copyOf(trackers);
    }

    /** keepalived's defaults (vrrp.h) for everything but the name, version, address, priority and interval. */
    public static VrrpParameters defaults(String name, int version, InetAddress primaryAddress, int priority,
                                          Duration advertInterval) {
        return new VrrpParameters(name, version, primaryAddress, priority, true, Duration.ZERO, false,
                advertInterval, 3, Duration.ofSeconds(5), 5, Duration.ZERO, 1, Duration.ZERO, 0,
                false, false, List.of());
    }

    public VrrpParameters withPreempt(boolean value, Duration delay) {
        return new VrrpParameters(name, version, primaryAddress, priority, value, delay, wantMaster,
                advertInterval, downTimerAdverts, garpMasterDelay, garpMasterRepeat, garpMasterRefresh,
                garpMasterRefreshRepeat, garpLowerPrioDelay, garpLowerPrioRepeat, lowerPrioNoAdvert,
                higherPrioSendAdvert, trackers);
    }

    public VrrpParameters withWantMaster(boolean value) {
        return new VrrpParameters(name, version, primaryAddress, priority, preempt, preemptDelay, value,
                advertInterval, downTimerAdverts, garpMasterDelay, garpMasterRepeat, garpMasterRefresh,
                garpMasterRefreshRepeat, garpLowerPrioDelay, garpLowerPrioRepeat, lowerPrioNoAdvert,
                higherPrioSendAdvert, trackers);
    }

    public VrrpParameters withTrackers(List<TrackerSpec> value) {
        return new VrrpParameters(name, version, primaryAddress, priority, preempt, preemptDelay, wantMaster,
                advertInterval, downTimerAdverts, garpMasterDelay, garpMasterRepeat, garpMasterRefresh,
                garpMasterRefreshRepeat, garpLowerPrioDelay, garpLowerPrioRepeat, lowerPrioNoAdvert,
                higherPrioSendAdvert, value);
    }

    public VrrpParameters withAdvertOptions(boolean lowerNoAdvert, boolean higherSendAdvert) {
        return new VrrpParameters(name, version, primaryAddress, priority, preempt, preemptDelay, wantMaster,
                advertInterval, downTimerAdverts, garpMasterDelay, garpMasterRepeat, garpMasterRefresh,
                garpMasterRefreshRepeat, garpLowerPrioDelay, garpLowerPrioRepeat, lowerNoAdvert,
                higherSendAdvert, trackers);
    }

    public VrrpParameters withGarp(Duration masterDelay, int masterRepeat, Duration refresh, int refreshRepeat,
                                   Duration lowerPrioDelay, int lowerPrioRepeat) {
        return new VrrpParameters(name, version, primaryAddress, priority, preempt, preemptDelay, wantMaster,
                advertInterval, downTimerAdverts, masterDelay, masterRepeat, refresh, refreshRepeat,
                lowerPrioDelay, lowerPrioRepeat, lowerPrioNoAdvert, higherPrioSendAdvert, trackers);
    }
}
