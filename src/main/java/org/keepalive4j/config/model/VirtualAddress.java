package org.keepalive4j.config.model;

import java.net.InetAddress;
import java.util.Set;
import org.keepalive4j.config.SourceLocation;

/**
 * One address line of virtual_ipaddress, virtual_ipaddress_excluded or static_ipaddress:
 * {@code <IPADDR>[/<MASK>] [brd <IPADDR>] [dev <STRING>] [scope <SCOPE>] [label <LABEL>] [peer <IPADDR>] ...}.
 *
 * @param prefixLength the configured mask, or the full length (32/128) when none was given
 * @param device       null: the instance's interface
 * @param scope        null: the kernel's default (global)
 * @param flags        the boolean options as written: home, -nodad, mngtmpaddr, noprefixroute, autojoin,
 *                     no_track, use_vmac
 * @param preferredLft null: not set; -1: forever
 */
public record VirtualAddress(
        InetAddress address,
        int prefixLength,
        InetAddress broadcast,
        String device,
        String label,
        String scope,
        InetAddress peer,
        Set<String> flags,
        Long preferredLft,
        SourceLocation location) {

    public VirtualAddress {
        flags = Set.copyOf(flags);
    }

    public boolean isIpv6() {
        return address instanceof java.net.Inet6Address;
    }

    public boolean noTrack() {
        return flags.contains("no_track");
    }

    /** "10.0.0.1/24" — the form ip(8) and the MIB use. */
    public String cidr() {
        return address.getHostAddress() + "/" + prefixLength;
    }
}
