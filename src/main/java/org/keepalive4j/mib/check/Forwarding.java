package org.keepalive4j.mib.check;

import org.keepalive4j.config.model.ForwardingMethod;
import org.keepalive4j.mib.table.Cells;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.UnsignedInteger32;

/** The MIB's encoding of a forwarding method: kind nat(1)/dr(2)/tun(3) and, for TUN, the tunnel. */
final class Forwarding {

    private Forwarding() {
    }

    static int kind(ForwardingMethod f) {
        return switch (f.kind()) {
            case NAT -> 1;
            case DR -> 2;
            case TUN -> 3;
        };
    }

    /** ipip(1), gue(2), gre(3); only for a tunnel. */
    static Integer32 tunnelType(ForwardingMethod f) {
        if (f == null || !f.isTunnel() || f.tunnelType() == null) {
            return null;
        }
        return Cells.integer(f.tunnelType().ordinal() + 1);
    }

    static UnsignedInteger32 tunnelPort(ForwardingMethod f) {
        return f == null || !f.isTunnel() || f.guePort() == null ? null : Cells.unsigned(f.guePort());
    }

    /** nocsum(1), csum(2), remcsum(3); only for a tunnel. */
    static Integer32 tunnelChecksum(ForwardingMethod f) {
        if (f == null || !f.isTunnel() || f.checksum() == null) {
            return null;
        }
        return Cells.integer(f.checksum().ordinal() + 1);
    }
}
