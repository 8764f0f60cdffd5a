package org.keepalive4j.mib.vrrp;

import java.util.Map;
import java.util.function.ToIntFunction;
import org.keepalive4j.config.model.GlobalDefs;
import org.keepalive4j.config.model.VrrpScript;

/**
 * What filling a VRRP row needs beyond its own block: global_defs (multicast groups, LVS sync
 * daemon), the sync group each instance belongs to, the vrrp_scripts (a track_script without its own
 * weight reports the script's), and the kernel's interface indexes (0: unknown interface).
 */
record VrrpContext(GlobalDefs global, Map<String, String> groupOfInstance, Map<String, VrrpScript> scripts,
                   ToIntFunction<String> ifIndex) {
}
