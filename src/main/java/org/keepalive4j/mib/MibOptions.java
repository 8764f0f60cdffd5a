package org.keepalive4j.mib;

import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

/**
 * How to build the MIB.
 *
 * @param version             the value of the version scalar
 * @param sink                where row setters send notifications (only when global_defs enables traps)
 * @param indexedTrapVarbinds send trap varbinds with their row index; also turned on by global_defs
 *                            snmp_trap_indexed_varbinds. Off: keepalived's bare column OIDs.
 * @param interfaceIndex      the kernel ifIndex of an interface name, 0 when unknown (tracked-interface
 *                            rows are indexed by it)
 * @param hostName            the routerId when global_defs sets none, as keepalived does
 */
public record MibOptions(String version, NotificationSink sink, boolean indexedTrapVarbinds,
                         ToIntFunction<String> interfaceIndex, Supplier<String> hostName) {

    public static MibOptions defaults() {
        String v = MibOptions.class.getPackage().getImplementationVersion();
        return new MibOptions("keepalive4j " + (v == null ? "dev" : v), NotificationSink.DISCARD, false,
                MibOptions::kernelIfIndex, MibOptions::localHostName);
    }

    public MibOptions withSink(NotificationSink newSink) {
        return new MibOptions(version, newSink, indexedTrapVarbinds, interfaceIndex, hostName);
    }

    public MibOptions withIndexedTrapVarbinds(boolean indexed) {
        return new MibOptions(version, sink, indexed, interfaceIndex, hostName);
    }

    public MibOptions withInterfaceIndex(ToIntFunction<String> resolver) {
        return new MibOptions(version, sink, indexedTrapVarbinds, resolver, hostName);
    }

    public MibOptions withHostName(Supplier<String> name) {
        return new MibOptions(version, sink, indexedTrapVarbinds, interfaceIndex, name);
    }

    private static int kernelIfIndex(String name) {
        try {
            NetworkInterface nif = NetworkInterface.getByName(name);
            return nif == null ? 0 : Math.max(nif.getIndex(), 0);
        } catch (SocketException e) {
            return 0;
        }
    }

    private static String localHostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
