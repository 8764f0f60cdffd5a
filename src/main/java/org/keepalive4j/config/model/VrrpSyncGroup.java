package org.keepalive4j.config.model;

import java.util.List;
import org.keepalive4j.config.SourceLocation;

/** A vrrp_sync_group: its members change state together. */
public record VrrpSyncGroup(
        String name,
        List<String> members,
        List<TrackedInterface> trackInterfaces,
        List<TrackedScript> trackScripts,
        NotifyScripts notifyScripts,
        boolean smtpAlert,
        boolean globalTracking,
        boolean syncGroupTrackingWeight,
        SourceLocation location) {

    public VrrpSyncGroup {
        members = List.copyOf(members);
        trackInterfaces = List.copyOf(trackInterfaces);
        trackScripts = List.copyOf(trackScripts);
    }
}
