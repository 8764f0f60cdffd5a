package org.keepalive4j.vrrp.engine;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.keepalive4j.config.model.KeepalivedConfig;
import org.keepalive4j.config.model.VrrpInstance;
import org.keepalive4j.config.model.VrrpSyncGroup;
import org.keepalive4j.mib.table.ConfigEquality;

/**
 * What a reload must do to one running instance: nothing, change it in place, or restart it. A
 * restart sends priority 0 and takes the addresses off, so a master hands over to its backup: it is
 * kept for what the protocol cannot change under a running router (VRID, interface, version, family,
 * advert source, multicast/unicast mode, VMAC, sync group, address ownership). Everything else is
 * applied in place. A field not named here restarts the instance: an unknown change is safer as a
 * restart than as a silent no-op.
 */
final class ReloadPlan {

    enum Action { KEEP, IN_PLACE, RESTART }

    /** @param changed the vrrp_instance fields that differ, for the operator's log line */
    record Decision(Action action, List<String> changed) {
    }

    /** The VrrpInstance components a running instance can follow (see the engine's reconfigure). */
    private static final Set<String> IN_PLACE = Set.of(
            "initialState", "priority", "advertInterval", "authentication", "virtualAddresses",
            "excludedAddresses", "virtualRoutes", "virtualRules", "trackInterfaces", "trackScripts", "unicastPeers",
            "nopreempt", "preemptDelay", "dontTrackPrimary", "garpMasterDelay", "garpMasterRepeat",
            "garpMasterRefresh", "garpMasterRefreshRepeat", "garpLowerPrioDelay", "garpLowerPrioRepeat",
            "downTimerAdverts", "accept", "strictMode", "skipCheckAdvAddr", "checkUnicastSrc", "promoteSecondaries",
            "lowerPrioNoAdvert", "higherPrioSendAdvert", "smtpAlert", "notifyScripts", "lvsSyncDaemonInterface",
            "location");

    private ReloadPlan() {
    }

    static Decision decide(KeepalivedConfig before, KeepalivedConfig after, VrrpInstance old, VrrpInstance now) {
        List<String> changed = new ArrayList<>();
        boolean restart = false;
        for (RecordComponent c : VrrpInstance.class.getRecordComponents()) {
            if (c.getName().equals("location") || ConfigEquality.sameIgnoringLocation(read(c, old), read(c, now))) {
                continue;
            }
            changed.add(c.getName());
            restart |= !IN_PLACE.contains(c.getName());
        }
        // PASS and AH use different sockets (AH is IP protocol 51); a new password is fine in place
        restart |= authType(old) != authType(now);
        // multicast and unicast join different groups; a new list of peers is fine in place
        restart |= old.isUnicast() != now.isUnicast();
        // the owner (255) skips the election and has no floating priority
        restart |= old.isAddressOwner() != now.isAddressOwner();
        boolean scriptsChanged = false;
        for (var t : now.trackScripts()) {
            if (!sameOrBothAbsent(before.vrrpScript(t.name()).orElse(null), after.vrrpScript(t.name()).orElse(null))) {
                scriptsChanged = true;
                changed.add("vrrp_script " + t.name());
            }
        }
        if (!sameOrBothAbsent(groupOf(before, old.name()), groupOf(after, now.name()))) {
            restart = true;
            changed.add("vrrp_sync_group");
        }
        if (restart) {
            return new Decision(Action.RESTART, changed);
        }
        return new Decision(changed.isEmpty() && !scriptsChanged ? Action.KEEP : Action.IN_PLACE, changed);
    }

    private static Object authType(VrrpInstance i) {
        return i.version() != 2 || i.authentication() == null ? null : i.authentication().type();
    }

    private static VrrpSyncGroup groupOf(KeepalivedConfig config, String instance) {
        return config.syncGroups().stream().filter(g -> g.members().contains(instance)).findFirst().orElse(null);
    }

    private static boolean sameOrBothAbsent(Object a, Object b) {
        return a == null || b == null ? Objects.equals(a, b) : ConfigEquality.sameIgnoringLocation(a, b);
    }

    private static Object read(RecordComponent c, Object record) {
        try {
            return c.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + c, e);
        }
    }
}
