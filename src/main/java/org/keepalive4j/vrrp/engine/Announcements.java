package org.keepalive4j.vrrp.engine;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.keepalive4j.config.model.GlobalDefs;
import org.keepalive4j.config.model.VirtualAddress;
import org.keepalive4j.linux.AddressAnnouncer;
import org.keepalive4j.linux.ArpPacket;
import org.keepalive4j.linux.ErrnoException;
import org.keepalive4j.linux.RtNetlink;

/**
 * Gratuitous ARP and unsolicited neighbour advertisements for an instance's virtual addresses (SendGarp),
 * spaced by global_defs vrrp_garp_interval / vrrp_gna_interval when set, as keepalived does. Loop thread.
 */
final class Announcements implements AutoCloseable {

    private static final Logger LOG = LogManager.getLogger(Announcements.class);

    private final RtNetlink rtnl;
    private final VrrpLoop loop;
    private final Map<String, AddressAnnouncer> byInterface = new HashMap<>();
    private Duration garpInterval = Duration.ZERO;
    private Duration gnaInterval = Duration.ZERO;

    Announcements(RtNetlink rtnl, VrrpLoop loop) {
        this.rtnl = rtnl;
        this.loop = loop;
    }

    void configure(GlobalDefs global) {
        garpInterval = nonNull(global.vrrpGarpInterval());
        gnaInterval = nonNull(global.vrrpGnaInterval());
    }

    /** {@code repeat} rounds over every virtual address of the instance (advertised and excluded). */
    void announce(Instance instance, int repeat) {
        announce(instance, VirtualAddresses.all(instance.config()), repeat);
    }

    /** {@code repeat} rounds over {@code addresses} only (those a reload just added). */
    void announce(Instance instance, List<VirtualAddress> addresses, int repeat) {
        List<Runnable> packets = new ArrayList<>();
        Duration spacing = Duration.ZERO;
        for (int round = 0; round < repeat; round++) {
            for (VirtualAddress v : addresses) {
                String device = VirtualAddresses.device(v, instance.config());
                packets.add(() -> send(instance.name(), device, v));
                Duration d = v.isIpv6() ? gnaInterval : garpInterval;
                spacing = d.compareTo(spacing) > 0 ? d : spacing;
            }
        }
        if (spacing.isZero()) {
            packets.forEach(Runnable::run);
            return;
        }
        long now = System.nanoTime();
        for (int k = 0; k < packets.size(); k++) {
            if (k == 0) {
                packets.get(0).run();
            } else {
                loop.schedule(now + k * spacing.toNanos(), packets.get(k));
            }
        }
    }

    private void send(String instance, String device, VirtualAddress v) {
        try {
            AddressAnnouncer announcer = announcer(device);
            if (v.address() instanceof Inet4Address a) {
                announcer.gratuitousArp(a, ArpPacket.REQUEST);
            } else {
                announcer.neighbourAdvertisement((Inet6Address) v.address());
            }
        } catch (ErrnoException | RuntimeException e) {
            LOG.warn("({}) cannot announce {} on {}: {}", instance, v.address().getHostAddress(), device,
                    e.getMessage());
        }
    }

    private AddressAnnouncer announcer(String device) throws ErrnoException {
        AddressAnnouncer a = byInterface.get(device);
        if (a == null) {
            a = new AddressAnnouncer(device, rtnl.link(device).hardwareAddress(), false);
            byInterface.put(device, a);
        }
        return a;
    }

    private static Duration nonNull(Duration d) {
        return d == null ? Duration.ZERO : d;
    }

    @Override
    public void close() {
        byInterface.values().forEach(AddressAnnouncer::close);
        byInterface.clear();
    }
}
