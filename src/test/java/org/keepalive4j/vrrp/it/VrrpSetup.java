package org.keepalive4j.vrrp.it;

import java.time.Duration;

/**
 * One side's VRRP instance as a test wants it, before it becomes a keepalived.conf: keepalived and
 * keepalive4j read the same file, so one description serves both daemons.
 *
 * @param advertInt  advert_int as written in the file ("1", "0.1")
 * @param unicast    unicast_src_ip = own address, unicast_peer = the peers', instead of multicast
 * @param password   auth_pass; ignored with {@link Auth#NONE}
 */
public record VrrpSetup(
        String instance,
        int vrid,
        int version,
        Auth auth,
        String password,
        boolean ipv6,
        boolean unicast,
        int priority,
        String state,
        String advertInt) {

    /** VRRPv2 authentication (RFC 3768 section 5.3.6 and keepalived's AH). */
    public enum Auth { NONE, PASS, AH }

    public VrrpSetup {
        if (version == 3 && auth != Auth.NONE) {
            throw new IllegalArgumentException("VRRPv3 has no authentication");
        }
        if (version == 2 && ipv6) {
            throw new IllegalArgumentException("VRRPv2 is IPv4 only");
        }
    }

    /** VI_1, state MASTER at priority 150: the setup of the bench lab's host1 (BASELINE-keepalived.md). */
    public static VrrpSetup v2(int vrid, Auth auth) {
        return new VrrpSetup("VI_1", vrid, 2, auth, "secret", false, false, 150, "MASTER", "1");
    }

    public static VrrpSetup v3(int vrid, boolean ipv6, String advertInt) {
        return new VrrpSetup("VI_1", vrid, 3, Auth.NONE, "", ipv6, false, 150, "MASTER", advertInt);
    }

    /** The backup of a pair: state BACKUP, priority 100, like the bench lab's host2. */
    public VrrpSetup asBackup() {
        return new VrrpSetup(instance, vrid, version, auth, password, ipv6, unicast, 100, "BACKUP", advertInt);
    }

    public VrrpSetup withUnicast() {
        return new VrrpSetup(instance, vrid, version, auth, password, ipv6, true, priority, state, advertInt);
    }

    public VrrpSetup withPassword(String newPassword) {
        return new VrrpSetup(instance, vrid, version, auth, newPassword, ipv6, unicast, priority, state, advertInt);
    }

    /** The VIP, with the lab's prefix length: 10.77.0.(50+VRID)/24 or fd00:77::(50+VRID)/64, one per VRID. */
    public String vip() {
        return ipv6 ? "fd00:77::" + Integer.toHexString(0x50 + vrid) + "/64" : "10.77.0." + (50 + vrid) + "/24";
    }

    public Duration advertInterval() {
        return Duration.ofMillis(Math.round(Double.parseDouble(advertInt) * 1000));
    }

    /**
     * How long the backup waits for a silent master: 3 × interval + skew, with skew =
     * (256 − priority) × interval / 256 (RFC 5798 section 6.1; keepalived uses it for VRRPv2 too).
     */
    public Duration masterDownInterval() {
        long interval = advertInterval().toNanos();
        return Duration.ofNanos(3 * interval + (256 - priority) * interval / 256);
    }

    /** A short name for logs and work directories. */
    public String label() {
        return "v" + version + (ipv6 ? "-ipv6" : "-ipv4") + (auth == Auth.NONE ? "" : "-" + auth.name().toLowerCase())
                + (unicast ? "-unicast" : "") + "-vrid" + vrid + "-prio" + priority;
    }
}
