package org.keepalive4j.mib;

import org.keepalive4j.mib.check.CheckChanges;
import org.keepalive4j.mib.vrrp.VrrpChanges;

/** What a {@link KeepalivedMib#reload} changed, for the engines to act on. */
public record MibReload(VrrpChanges vrrp, CheckChanges check) {
}
