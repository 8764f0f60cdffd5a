package org.keepalive4j.mib.check;

import org.keepalive4j.config.model.IpFamily;
import org.keepalive4j.config.model.LvsProtocol;
import org.keepalive4j.config.model.VirtualServer;

/**
 * A virtual server's identity: address + port + protocol, fwmark + family, or group name +
 * protocol — what IPVS itself uses to tell services apart.
 */
public record VirtualServerKey(VirtualServer.Target target, LvsProtocol protocol, IpFamily family) {

    public static VirtualServerKey of(VirtualServer vs) {
        if (vs.target() instanceof VirtualServer.Fwmark) {
            return new VirtualServerKey(vs.target(), null, vs.ipFamily());
        }
        return new VirtualServerKey(vs.target(), vs.protocol(), null);
    }
}
