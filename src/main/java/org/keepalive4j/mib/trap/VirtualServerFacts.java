package org.keepalive4j.mib.trap;

import java.net.InetAddress;
import org.snmp4j.smi.OID;

/**
 * What the check traps say about a virtual server.
 *
 * @param type     virtualServerType: fwmark(1), ip(2), group(3)
 * @param protocol virtualServerProtocol: tcp(1), udp(2), sctp(3), none(4)
 */
public record VirtualServerFacts(OID index, int type, String groupName, long fwmark, InetAddress address, int port,
                                 int protocol, long realServersUp, long realServersTotal) {

    public static final int TYPE_FWMARK = 1;
    public static final int TYPE_IP = 2;
    public static final int TYPE_GROUP = 3;
}
