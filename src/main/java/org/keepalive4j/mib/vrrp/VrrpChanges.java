package org.keepalive4j.mib.vrrp;

import org.keepalive4j.mib.table.Changes;

/** What a reload did to the VRRP rows, for the VRRP engine. */
public record VrrpChanges(Changes<VrrpInstanceRow> instances, Changes<VrrpSyncGroupRow> syncGroups,
                          Changes<VrrpScriptRow> scripts) {
}
