package org.keepalive4j.mib.table;

import java.net.Inet6Address;
import java.net.InetAddress;
import org.snmp4j.smi.Counter32;
import org.snmp4j.smi.Counter64;
import org.snmp4j.smi.Gauge32;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.UnsignedInteger32;

/**
 * Builds cell values with the MIB's textual conventions applied, so the mapping of config values to
 * SNMP lives in one place. Null in, null out: a missing config value is a missing cell.
 */
public final class Cells {

    /** TruthValue and keepalived's {enabled(1), disabled(2)}, {true(1), false(2)} enumerations. */
    public static final Integer32 TRUE = new Integer32(1);
    public static final Integer32 FALSE = new Integer32(2);

    private Cells() {
    }

    public static Integer32 integer(long v) {
        return new Integer32((int) v);
    }

    public static UnsignedInteger32 unsigned(long v) {
        return new UnsignedInteger32(v & 0xffffffffL);
    }

    public static Gauge32 gauge(long v) {
        return new Gauge32(Math.min(Math.max(v, 0), 0xffffffffL));
    }

    public static Counter32 counter32(long v) {
        return new Counter32(v & 0xffffffffL);
    }

    public static Counter64 counter64(long v) {
        return new Counter64(v);
    }

    public static OctetString string(String s) {
        return s == null ? null : new OctetString(s);
    }

    /** TruthValue / {enabled(1), disabled(2)}. */
    public static Integer32 truth(boolean b) {
        return b ? TRUE : FALSE;
    }

    /** InetAddressType: ipv4(1), ipv6(2). */
    public static Integer32 addressType(InetAddress a) {
        return a == null ? null : new Integer32(a instanceof Inet6Address ? 2 : 1);
    }

    /** InetAddress: the 4 or 16 raw bytes, as keepalived sends them. */
    public static OctetString address(InetAddress a) {
        return a == null ? null : new OctetString(a.getAddress());
    }

    /** Unsigned32 seconds of a keepalived timer (keepalived truncates to whole seconds). */
    public static UnsignedInteger32 seconds(java.time.Duration d) {
        return d == null ? null : unsigned(d.toSeconds());
    }

    /** Unsigned32 microseconds, for keepalived's ...Usec columns. */
    public static UnsignedInteger32 micros(java.time.Duration d) {
        return d == null ? null : unsigned(d.toNanos() / 1000);
    }
}
