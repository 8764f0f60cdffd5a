package org.keepalive4j.vrrp.fsm;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.keepalive4j.config.model.TrackedInterface;
import org.keepalive4j.config.model.TrackedScript;
import org.keepalive4j.config.model.VrrpInstance;
import org.keepalive4j.config.model.VrrpScript;
import org.keepalive4j.config.model.VrrpSyncGroup;

/** Builds a state machine's {@link VrrpParameters} from the parsed configuration. */
public final class ConfiguredParameters {

    private ConfiguredParameters() {
    }

    /**
     * @param primaryAddress the address our adverts come from (unicast_src_ip, mcast_src_ip or the
     *                       interface's primary address), which the engine resolves
     * @param scripts        the vrrp_script blocks by name
     * @param group          the instance's vrrp_sync_group, or null
     */
    public static VrrpParameters of(VrrpInstance instance, InetAddress primaryAddress,
                                    Map<String, VrrpScript> scripts, VrrpSyncGroup group) {
        return new VrrpParameters(instance.name(), instance.version(), primaryAddress, instance.priority(),
                !instance.nopreempt(), instance.preemptDelay(),
                instance.initialState() == VrrpInstance.InitialState.MASTER, instance.advertInterval(),
                instance.downTimerAdverts(), instance.garpMasterDelay(), instance.garpMasterRepeat(),
                instance.garpMasterRefresh(), instance.garpMasterRefreshRepeat(), instance.garpLowerPrioDelay(),
                instance.garpLowerPrioRepeat(), instance.lowerPrioNoAdvert(),
                instance.higherPrioSendAdvert(), trackers(instance, scripts, group));
    }

    /**
     * keepalived (vrrp.c, vrrp_complete_instance and sync_group_tracking_init) drops weights where
     * they would make no sense: in a sync group without sync_group_tracking_weight, weighted
     * interfaces become weight 0 and weighted scripts are ignored (members must move together, so
     * their priorities must not float); for an address owner, weighted interfaces and scripts are
     * ignored (its priority is fixed at 255). A sync group's own trackers apply to every member.
     */
    static List<TrackerSpec> trackers(VrrpInstance instance, Map<String, VrrpScript> scripts, VrrpSyncGroup group) {
        boolean syncWithoutWeights = group != null && !group.syncGroupTrackingWeight();
        boolean owner = instance.priority() == 255;
        List<TrackerSpec> out = new ArrayList<>();
        if (instance.interfaceName() != null && !instance.dontTrackPrimary()) {
            out.add(TrackerSpec.iface(instance.interfaceName(), 0, false));
        }
        List<TrackedInterface> interfaces = new ArrayList<>(instance.trackInterfaces());
        List<TrackedScript> tracked = new ArrayList<>(instance.trackScripts());
        if (group != null) {
            interfaces.addAll(group.trackInterfaces());
            tracked.addAll(group.trackScripts());
        }
        for (TrackedInterface ti : interfaces) {
            if (ti.weight() == 0 || syncWithoutWeights) {
                out.add(TrackerSpec.iface(ti.name(), 0, ti.reverse()));
            } else if (!owner) {
                out.add(TrackerSpec.iface(ti.name(), ti.weight(), ti.reverse()));
            }
        }
        for (TrackedScript ts : tracked) {
            VrrpScript script = scripts.get(ts.name());
            if (script == null) {
                continue; // keepalived: "track script %s not found, ignoring"
            }
            // The script's own weight and reverse apply unless the track_script line gives a weight.
            int weight = ts.weight() == null ? script.weight() : ts.weight();
            boolean reverse = ts.weight() == null ? script.weightReverse() : ts.reverse();
            if (weight != 0 && (syncWithoutWeights || owner)) {
                continue;
            }
            out.add(TrackerSpec.script(script.name(), weight, reverse, script.initFail()));
        }
        return out;
    }
}
