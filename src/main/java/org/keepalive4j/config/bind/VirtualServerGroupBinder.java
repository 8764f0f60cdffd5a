package org.keepalive4j.config.bind;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import org.keepalive4j.config.model.IpFamily;
import org.keepalive4j.config.model.VirtualServerGroup;
import org.keepalive4j.config.model.VirtualServerGroup.AddressRange;
import org.keepalive4j.config.model.VirtualServerGroup.Entry;
import org.keepalive4j.config.model.VirtualServerGroup.Fwmark;
import org.keepalive4j.config.text.ConfigNode;

/**
 * virtual_server_group: one entry a line, either {@code fwmark N [inet|inet6]} or an address, address
 * range ({@code A.B.C.D-E}, {@code A.B.C.D-A.B.C.E}, {@code A.B.C.D/nn}, and the IPv6 forms) with an
 * optional port.
 */
final class VirtualServerGroupBinder {

    private VirtualServerGroupBinder() {
    }

    static VirtualServerGroup group(ConfigNode n, BindContext c) {
        String name = n.arg(0);
        if (name == null) {
            c.error(n, "missing group name");
            return null;
        }
        if (!c.requireBlock(n)) {
            return null;
        }
        List<Entry> entries = new ArrayList<>();
        for (ConfigNode line : n.children()) {
            Entry e = c.rejectBlock(line) ? entry(line, c) : null;
            if (e != null) {
                entries.add(e);
            }
        }
        VirtualServerGroup g = new VirtualServerGroup(name, entries, n.location());
        if (entries.isEmpty()) {
            c.warning(n, "virtual server group " + name + " has no entries - removing");
            return null;
        }
        boolean v4 = g.addressRanges().stream().anyMatch(r -> BindContext.isV4(r.first()))
                || g.fwmarks().stream().anyMatch(f -> f.family() == IpFamily.INET);
        boolean v6 = g.addressRanges().stream().anyMatch(r -> BindContext.isV6(r.first()))
                || g.fwmarks().stream().anyMatch(f -> f.family() == IpFamily.INET6);
        if (v4 && v6 && g.fwmarks().stream().anyMatch(f -> f.family() == null)) {
            c.warning(n, "virtual server group " + name + " cannot have IPv4, IPv6 and fwmark without family"
                    + " - removing");
            return null;
        }
        return g;
    }

    private static Entry entry(ConfigNode line, BindContext c) {
        if (line.keyword().equals("fwmark")) {
            Long mark = LvsValues.unsigned(line, 0, 0, LvsValues.UINT32_MAX, c);
            if (mark == null) {
                return null;
            }
            IpFamily family = null;
            if (line.arg(1) != null) {
                family = IpFamily.of(line.arg(1));
                if (family == null) {
                    c.error(line, "fwmark family '" + line.arg(1) + "' is not inet or inet6");
                    return null;
                }
            }
            c.noExtraArgs(line, 2);
            return new Fwmark(mark, family, line.location());
        }
        Integer port = line.arg(0) == null ? Integer.valueOf(0) : LvsValues.port(line, line.arg(0), c);
        c.noExtraArgs(line, 1);
        InetAddress[] range = range(line, c);
        if (range == null || port == null) {
            return null;
        }
        return new AddressRange(range[0], range[1], LvsValues.noZero(port), line.location());
    }

    /** First and last address of the line's keyword, or null after reporting. */
    private static InetAddress[] range(ConfigNode line, BindContext c) {
        String spec = line.keyword();
        int slash = spec.indexOf('/');
        int dash = spec.indexOf('-');
        String startText = slash >= 0 ? spec.substring(0, slash) : dash >= 0 ? spec.substring(0, dash) : spec;
        InetAddress start = BindContext.parseAddress(startText);
        if (start == null) {
            c.error(line, "'" + spec + "' is not an address, address range or fwmark");
            return null;
        }
        int bits = start.getAddress().length * 8;
        BigInteger first = new BigInteger(1, start.getAddress());
        if (slash >= 0) {
            Integer prefix = c.integerValue(line, spec.substring(slash + 1), 1, bits);
            if (prefix == null) {
                return null;
            }
            BigInteger hostMask = BigInteger.ONE.shiftLeft(bits - prefix).subtract(BigInteger.ONE);
            if (!first.and(hostMask).equals(BigInteger.ZERO)) {
                c.error(line, "'" + spec + "' has host bits set beyond the /" + prefix + " prefix");
                return null;
            }
            return new InetAddress[] {start, address(first.or(hostMask), bits)};
        }
        if (dash < 0) {
            return new InetAddress[] {start, start};
        }
        BigInteger last = rangeEnd(spec.substring(dash + 1), start, first);
        if (last == null) {
            c.error(line, "'" + spec + "': invalid range end");
            return null;
        }
        if (last.compareTo(first) <= 0) {
            c.error(line, "'" + spec + "': range end is not greater than its start");
            return null;
        }
        return new InetAddress[] {start, address(last, bits)};
    }

    /**
     * The end of "start-end": a whole address of the same family, or a replacement for the last part
     * (a decimal octet for IPv4, a hex group for IPv6).
     */
    private static BigInteger rangeEnd(String end, InetAddress start, BigInteger first) {
        if (end.contains(".") || end.contains(":")) {
            InetAddress a = BindContext.parseAddress(end);
            return a == null || a.getAddress().length != start.getAddress().length ? null
                    : new BigInteger(1, a.getAddress());
        }
        boolean v4 = BindContext.isV4(start);
        int partBits = v4 ? 8 : 16;
        long part;
        try {
            part = Long.parseLong(end, v4 ? 10 : 16);
        } catch (NumberFormatException e) {
            return null;
        }
        if (part < 0 || part >= (1L << partBits)) {
            return null;
        }
        return first.shiftRight(partBits).shiftLeft(partBits).or(BigInteger.valueOf(part));
    }

    private static InetAddress address(BigInteger value, int bits) {
        byte[] raw = value.toByteArray();
        byte[] out = new byte[bits / 8];
        int copy = Math.min(raw.length, out.length);
        System.arraycopy(raw, raw.length - copy, out, out.length - copy, copy);
        try {
            return InetAddress.getByAddress(out);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("address of " + out.length + " bytes", e);
        }
    }
}
