package org.keepalive4j.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.keepalive4j.config.model.KeepalivedConfig;
import org.keepalive4j.config.model.StaticAddress;
import org.keepalive4j.config.model.TrackedInterface;
import org.keepalive4j.config.model.VirtualAddress;
import org.keepalive4j.config.model.VrrpInstance;

/**
 * Checks a parsed configuration against this host: network interfaces it names that do not exist.
 * Kept apart from {@link ConfigParser}, which stays pure (a file in, a model out), because the answer
 * depends on the machine and on the moment. Missing interfaces are warnings, as in keepalived: an
 * interface may appear later (hotplug, VLANs created by another service).
 */
public final class HostFacts {

    private final Path netDevices;

    /** @param netDevices a directory with one entry per interface, as /sys/class/net */
    public HostFacts(Path netDevices) {
        this.netDevices = netDevices;
    }

    public static HostFacts ofThisHost() {
        return new HostFacts(Path.of("/sys/class/net"));
    }

    public List<Diagnostic> check(KeepalivedConfig config) {
        List<Diagnostic> out = new ArrayList<>();
        for (VrrpInstance instance : config.vrrpInstances()) {
            String owner = "vrrp_instance " + instance.name();
            if (instance.interfaceName() != null && !exists(instance.interfaceName())) {
                out.add(missing(instance.location(), "interface", instance.interfaceName(), owner));
            }
            for (TrackedInterface tracked : instance.trackInterfaces()) {
                if (!exists(tracked.name())) {
                    out.add(missing(tracked.location(), "track_interface", tracked.name(), owner));
                }
            }
            checkDevices(instance.virtualAddresses(), "virtual_ipaddress", owner, out);
            checkDevices(instance.excludedAddresses(), "virtual_ipaddress_excluded", owner, out);
        }
        checkDevices(config.staticAddresses().stream().map(StaticAddress::address).toList(),
                "static_ipaddress", "static_ipaddress", out);
        return out;
    }

    private void checkDevices(List<VirtualAddress> addresses, String keyword, String owner, List<Diagnostic> out) {
        for (VirtualAddress a : addresses) {
            if (a.device() != null && !exists(a.device())) {
                out.add(missing(a.location(), keyword, a.device(), owner + " address " + a.cidr()));
            }
        }
    }

    private boolean exists(String interfaceName) {
        // a name with a slash is not an interface name, and must not walk out of the directory
        return !interfaceName.contains("/") && Files.exists(netDevices.resolve(interfaceName));
    }

    private static Diagnostic missing(SourceLocation where, String keyword, String name, String owner) {
        return new Diagnostic(Diagnostic.Severity.WARNING, where == null ? SourceLocation.UNKNOWN : where, keyword,
                "interface " + name + " for " + owner + " doesn't exist");
    }
}
