package org.keepalive4j.config.model;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** The IPVS schedulers keepalived accepts for lb_algo / lvs_sched; names are the kernel's. */
public enum LvsScheduler {
    RR, WRR, LC, WLC, LBLC, LBLCR, DH, SH, SED, NQ, MH, FO, OVF, TWOS;

    /** What keepalived (and the kernel) use when none is configured. */
    public static final LvsScheduler DEFAULT = WLC;

    /**
     * The schedulers lvs_dataplane nftables can run: rotation and hashing pick a destination per new
     * connection without knowing how many connections each one holds; the others need those counts (or
     * IPVS's own state). Kept here because the configuration check and the nftables backend both ask.
     */
    public static final Set<LvsScheduler> NFTABLES_CAPABLE = Collections.unmodifiableSet(EnumSet.of(RR, WRR, SH, DH));

    /** Case-sensitive like keepalived: "rr" is a scheduler, "RR" is not. */
    public static LvsScheduler of(String name) {
        for (LvsScheduler s : values()) {
            if (s.kernelName().equals(name)) {
                return s;
            }
        }
        return null;
    }

    public String kernelName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
