package org.keepalive4j.testlib;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One address on one interface, as {@code ip -j addr} reports it. */
public record AssignedAddress(String interfaceName, String family, String address, int prefixLength) {

    public String cidr() {
        return address + "/" + prefixLength;
    }

    /**
     * True when this is {@code cidrOrIp}: "10.0.0.1" matches any prefix length, "10.0.0.1/24" only /24.
     * Addresses compare as addresses, so "fd00:77::11" and "fd00:77:0:0::11" are the same.
     */
    public boolean matches(String cidrOrIp) {
        int slash = cidrOrIp.indexOf('/');
        String ip = slash < 0 ? cidrOrIp : cidrOrIp.substring(0, slash);
        if (slash >= 0 && Integer.parseInt(cidrOrIp.substring(slash + 1)) != prefixLength) {
            return false;
        }
        return literal(ip).equals(literal(address));
    }

    /** Every address in the output of {@code ip -j addr show}. */
    static List<AssignedAddress> parseIpJson(String json) {
        List<AssignedAddress> result = new ArrayList<>();
        for (Object link : (List<?>) Json.parse(json)) {
            Map<?, ?> l = (Map<?, ?>) link;
            Object infos = l.get("addr_info");
            if (infos == null) {
                continue;
            }
            for (Object info : (List<?>) infos) {
                Map<?, ?> a = (Map<?, ?>) info;
                if (a.get("local") != null) {
                    result.add(new AssignedAddress((String) l.get("ifname"), (String) a.get("family"),
                            (String) a.get("local"), ((Number) a.get("prefixlen")).intValue()));
                }
            }
        }
        return result;
    }

    private static InetAddress literal(String ip) {
        if (!ip.matches("[0-9a-fA-F:.%]+")) {
            // keeps getByName from turning a typo into a DNS lookup
            throw new IllegalArgumentException("not an IP address literal: " + ip);
        }
        try {
            return InetAddress.getByName(ip);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address literal: " + ip, e);
        }
    }
}
