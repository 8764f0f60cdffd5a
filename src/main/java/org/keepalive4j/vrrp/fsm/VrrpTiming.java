package org.keepalive4j.vrrp.fsm;

import java.time.Duration;

/**
 * VRRP timer arithmetic, in microseconds with keepalived's integer truncation (its TIMER_HZ is
 * 1,000,000), so that our takeover times match a keepalived peer's to the microsecond.
 */
public final class VrrpTiming {

    static final long MICROS_PER_SECOND = 1_000_000L;
    /** VRRPv3 carries the interval in centiseconds (RFC 5798 §5.2.7); keepalived's TIMER_CENTI_HZ. */
    static final long MICROS_PER_CENTISECOND = 10_000L;

    private VrrpTiming() {
    }

    /**
     * The advert interval as keepalived stores it (vrrp.c, the adver_int checks in
     * vrrp_complete_instance): v2 rounds to the nearest whole second (RFC 3768 §5.3.7), at least 1 s,
     * at most 255 s; v3 rounds to the nearest centisecond, at least 10 ms, at most 4095 cs.
     */
    public static long normalizedAdvertIntervalMicros(Duration interval, int version) {
        long micros = interval.toNanos() / 1000;
        long unit = version == 3 ? MICROS_PER_CENTISECOND : MICROS_PER_SECOND;
        long max = version == 3 ? 4095 * MICROS_PER_CENTISECOND : 255 * MICROS_PER_SECOND;
        if (micros >= max + unit) {
            return max;
        }
        long rounded = (micros + unit / 2) / unit * unit;
        return Math.max(unit, Math.min(max, rounded));
    }

    /**
     * Skew_Time for a priority term: keepalived's VRRP_TIMER_SKEW_CALC. v2: (term / 256) s
     * (RFC 3768 §6.1); v3: (term × Master_Adver_Interval) / 256 (RFC 5798 §6.1), computed by
     * keepalived as term × centiseconds × 625 / 16 µs.
     */
    static long skewMicros(int version, int term, long masterAdvertIntervalMicros) {
        if (version == 3) {
            return term * (masterAdvertIntervalMicros / MICROS_PER_CENTISECOND) * 625 / 16;
        }
        return term * MICROS_PER_SECOND / 256;
    }

    /**
     * Skew for this router: keepalived's VRRP_TIMER_SKEW, which uses the term 256 − 255 = 1 for an
     * address owner whatever its effective priority.
     */
    public static long skewMicros(int version, int basePriority, int effectivePriority,
                                  long masterAdvertIntervalMicros) {
        int priority = basePriority == 255 ? 255 : effectivePriority;
        return skewMicros(version, 256 - priority, masterAdvertIntervalMicros);
    }

    /**
     * Master_Down_Interval: keepalived's VRRP_MS_DOWN_TIMER, down_timer_adverts × Master_Adver_Interval
     * + Skew_Time (RFC 5798 §6.1 with 3 adverts).
     */
    public static long masterDownMicros(int version, int downTimerAdverts, int basePriority,
                                        int effectivePriority, long masterAdvertIntervalMicros) {
        return downTimerAdverts * masterAdvertIntervalMicros
                + skewMicros(version, basePriority, effectivePriority, masterAdvertIntervalMicros);
    }
}
