package org.keepalive4j.check.state;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.keepalive4j.config.model.IpFamily;
import org.keepalive4j.config.model.LvsProtocol;
import org.keepalive4j.config.model.VirtualServer;
import org.keepalive4j.config.model.VirtualServerGroup;
import org.keepalive4j.dataplane.ServiceKey;

/**
 * The kernel services a virtual_server stands for: one for an address or a fwmark; for a group, one
 * per address of each range (same port) and one per fwmark entry, all sharing the real servers.
 */
public final class ServiceKeys {

    private ServiceKeys() {
    }

    public static List<ServiceKey> of(VirtualServer vs, Map<String, VirtualServerGroup> groups) {
        LvsProtocol protocol = vs.protocol() == null ? LvsProtocol.TCP : vs.protocol();
        if (vs.target() instanceof VirtualServer.Address a) {
            return List.of(new ServiceKey.Address(a.address(), a.port() == null ? 0 : a.port(), protocol));
        }
        if (vs.target() instanceof VirtualServer.Fwmark f) {
            return List.of(new ServiceKey.Fwmark(f.mark(), vs.ipFamily() == null ? IpFamily.INET : vs.ipFamily()));
        }
        VirtualServerGroup g = groups.get(((VirtualServer.Group) vs.target()).name());
        List<ServiceKey> keys = new ArrayList<>();
        if (g == null) {
            return keys;
        }
        for (VirtualServerGroup.Entry e : g.entries()) {
            if (e instanceof VirtualServerGroup.Fwmark f) {
                IpFamily family = f.family() != null ? f.family() : vs.ipFamily() != null ? vs.ipFamily() : IpFamily.INET;
                keys.add(new ServiceKey.Fwmark(f.mark(), family));
            } else {
                VirtualServerGroup.AddressRange r = (VirtualServerGroup.AddressRange) e;
                int port = r.port() == null ? 0 : r.port();
                for (InetAddress addr : range(r.first(), r.last())) {
                    keys.add(new ServiceKey.Address(addr, port, protocol));
                }
            }
        }
        return keys;
    }

    private static List<InetAddress> range(InetAddress first, InetAddress last) {
        List<InetAddress> out = new ArrayList<>();
        int len = first.getAddress().length;
        BigInteger end = new BigInteger(1, last.getAddress());
        for (BigInteger i = new BigInteger(1, first.getAddress()); i.compareTo(end) <= 0; i = i.add(BigInteger.ONE)) {
            byte[] raw = i.toByteArray();
            byte[] addr = new byte[len];
            int n = Math.min(raw.length, len);
            System.arraycopy(raw, raw.length - n, addr, len - n, n);
            try {
                out.add(InetAddress.getByAddress(addr));
            } catch (UnknownHostException e) {
                throw new IllegalStateException(e);
            }
        }
        return out;
    }
}
