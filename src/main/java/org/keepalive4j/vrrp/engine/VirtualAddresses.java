package org.keepalive4j.vrrp.engine;

import java.util.ArrayList;
import java.util.List;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.keepalive4j.config.model.VirtualAddress;
import org.keepalive4j.config.model.VrrpInstance;
import org.keepalive4j.linux.ErrnoException;
import org.keepalive4j.linux.InterfaceAddress;
import org.keepalive4j.linux.RtNetlink;
import org.keepalive4j.mib.table.ConfigEquality;
import org.keepalive4j.mib.vrrp.VrrpAddressRow;

/**
 * Puts an instance's virtual addresses (virtual_ipaddress and virtual_ipaddress_excluded) on their
 * interfaces and takes them off again, through rtnetlink, and records the outcome in the MIB's address
 * rows. Loop thread only.
 */
final class VirtualAddresses {

    private static final Logger LOG = LogManager.getLogger(VirtualAddresses.class);

    private final RtNetlink rtnl;

    VirtualAddresses(RtNetlink rtnl) {
        this.rtnl = rtnl;
    }

    /** ADD_VIPS: every address on its interface; vrrpInstanceVipsStatus says whether all made it. */
    void add(Instance instance) {
        boolean allSet = true;
        for (VrrpAddressRow row : instance.row().addresses()) {
            VirtualAddress v = row.address();
            try {
                rtnl.addAddress(kernelAddress(v, instance.config()));
                row.setStatus(true);
            } catch (ErrnoException | RuntimeException e) {
                allSet = false;
                LOG.error("({}) cannot add {} to {}: {}", instance.name(), v.cidr(), device(v, instance.config()),
                        e.getMessage());
            }
        }
        instance.row().setVipsAllSet(allSet);
        LOG.info("({}) Setting VIPs: {}", instance.name(), describe(instance.config()));
    }

    /**
     * A reload changed the address list of an instance that holds its addresses: takes off those no
     * longer configured and puts on the new ones, leaving the others in place (the master stays master
     * and its clients see no gap). An entry whose attributes changed (label, broadcast, scope, ...) is
     * taken off and put on again.
     *
     * @return the entries put on, for the caller's gratuitous ARP / unsolicited NA
     */
    List<VirtualAddress> update(Instance instance, VrrpInstance old) {
        VrrpInstance now = instance.config();
        List<VirtualAddress> before = all(old);
        List<VirtualAddress> after = all(now);
        for (VirtualAddress v : before) {
            if (!contains(after, v, now, old)) {
                if (delete(v, old, instance.name())) {
                    LOG.info("({}) Removing VIP {} dev {} (reload)", instance.name(), v.cidr(), device(v, old));
                }
            }
        }
        List<VirtualAddress> added = new ArrayList<>();
        for (VirtualAddress v : after) {
            if (contains(before, v, old, now)) {
                continue;
            }
            try {
                rtnl.addAddress(kernelAddress(v, now));
                added.add(v);
                LOG.info("({}) Setting VIP {} dev {} (reload)", instance.name(), v.cidr(), device(v, now));
            } catch (ErrnoException | RuntimeException e) {
                LOG.error("({}) cannot add {} to {}: {}", instance.name(), v.cidr(), device(v, now), e.getMessage());
            }
        }
        boolean allSet = true;
        for (VrrpAddressRow row : instance.row().addresses()) {
            if (added.stream().anyMatch(v -> ConfigEquality.sameIgnoringLocation(v, row.address()))) {
                row.setStatus(true);
            }
            allSet &= row.isSet();
        }
        instance.row().setVipsAllSet(allSet);
        return added;
    }

    /** Whether {@code list} (of {@code listConfig}) has {@code v} (of {@code vConfig}), on the same device. */
    private static boolean contains(List<VirtualAddress> list, VirtualAddress v, VrrpInstance listConfig,
                                     VrrpInstance vConfig) {
        String dev = device(v, vConfig);
        for (VirtualAddress x : list) {
            if (ConfigEquality.sameIgnoringLocation(x, v) && device(x, listConfig).equals(dev)) {
                return true;
            }
        }
        return false;
    }

    /** REMOVE_VIPS. */
    void remove(Instance instance) {
        int removed = 0;
        // from the instance's own configuration, not its MIB rows: when a reload removed or restarted the
        // instance, the rows already describe the new file (or are gone) while the kernel has the old addresses
        for (VirtualAddress v : all(instance.config())) {
            if (delete(v, instance.config(), instance.name())) {
                removed++;
            }
        }
        for (VrrpAddressRow row : instance.row().addresses()) {
            row.setStatus(false);
        }
        instance.row().setVipsAllSet(false);
        // the state machine also asks at startup, to be sure: say so only when there was something to remove
        if (removed > 0) {
            LOG.info("({}) Removing VIPs: {}", instance.name(), describe(instance.config()));
        }
    }

    /**
     * At startup, before the instance runs: a previous run that crashed (or was stopped with -V) may
     * have left our addresses behind, and a backup must not hold them.
     */
    void removeStale(VrrpInstance config) {
        for (VirtualAddress v : all(config)) {
            if (delete(v, config, config.name())) {
                LOG.info("({}) removed stale virtual address {} from {}", config.name(), v.cidr(), device(v, config));
            }
        }
    }

    private boolean delete(VirtualAddress v, VrrpInstance config, String instance) {
        try {
            return rtnl.deleteAddress(kernelAddress(v, config));
        } catch (ErrnoException | RuntimeException e) {
            LOG.warn("({}) cannot remove {} from {}: {}", instance, v.cidr(), device(v, config), e.getMessage());
            return false;
        }
    }

    static List<VirtualAddress> all(VrrpInstance config) {
        List<VirtualAddress> all = new ArrayList<>(config.virtualAddresses());
        all.addAll(config.excludedAddresses());
        return all;
    }

    private InterfaceAddress kernelAddress(VirtualAddress v, VrrpInstance config) throws ErrnoException {
        int ifindex = rtnl.link(device(v, config)).index();
        InterfaceAddress a = InterfaceAddress.of(ifindex, v.address(), v.prefixLength()).withScope(scope(v.scope()));
        if (!v.isIpv6()) {
            if (v.broadcast() != null) {
                a = a.withBroadcast(v.broadcast());
            }
            if (v.label() != null) {
                a = a.withLabel(v.label());
            }
        }
        return a.withFlags(flags(v));
    }

    /**
     * keepalived adds IPv6 VIPs with IFA_F_NODAD (a new master must answer at once, and the old one
     * may still hold the address for a moment), unless the line says -nodad.
     */
    private static int flags(VirtualAddress v) {
        int flags = 0;
        if (v.isIpv6() && !v.flags().contains("-nodad")) {
            flags |= InterfaceAddress.NODAD;
        }
        if (v.flags().contains("noprefixroute")) {
            flags |= InterfaceAddress.NOPREFIXROUTE;
        }
        if (v.flags().contains("home")) {
            flags |= InterfaceAddress.HOMEADDRESS;
        }
        if (v.flags().contains("mngtmpaddr")) {
            flags |= InterfaceAddress.MANAGETEMPADDR;
        }
        return flags;
    }

    private static int scope(String scope) {
        if (scope == null) {
            return InterfaceAddress.SCOPE_UNIVERSE;
        }
        return switch (scope) {
            case "host" -> InterfaceAddress.SCOPE_HOST;
            case "link" -> InterfaceAddress.SCOPE_LINK;
            case "site" -> InterfaceAddress.SCOPE_SITE;
            case "global", "universe" -> InterfaceAddress.SCOPE_UNIVERSE;
            default -> Integer.parseInt(scope);
        };
    }

    static String device(VirtualAddress v, VrrpInstance config) {
        return v.device() != null ? v.device() : config.interfaceName();
    }

    private static String describe(VrrpInstance config) {
        StringBuilder b = new StringBuilder();
        for (VirtualAddress v : all(config)) {
            b.append(b.length() == 0 ? "" : ", ").append(v.cidr()).append(" dev ").append(device(v, config));
        }
        return b.toString();
    }
}
