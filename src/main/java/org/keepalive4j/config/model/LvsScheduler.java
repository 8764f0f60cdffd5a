package org.keepalive4j.config.model;

import java.util.Locale;

/** The IPVS schedulers keepalived accepts for lb_algo / lvs_sched; names are the kernel's. */
public enum LvsScheduler {
    RR, WRR, LC, WLC, LBLC, LBLCR, DH, SH, SED, NQ, MH, FO, OVF, TWOS;

    /** What keepalived (and the kernel) use when none is configured. */
    public static final LvsScheduler DEFAULT = WLC;

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
