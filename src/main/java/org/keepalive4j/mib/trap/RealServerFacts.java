package org.keepalive4j.mib.trap;

import java.net.InetAddress;
import org.snmp4j.smi.OID;

/** What a realServerStateChange says about the real server; {@code index} is (virtualServerIndex, realServerIndex). */
public record RealServerFacts(OID index, InetAddress address, int port, boolean alive) {
}
