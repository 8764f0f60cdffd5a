package org.keepalive4j.vrrp.engine;

import java.util.Map;
import org.keepalive4j.vrrp.packet.DropCounters;
import org.keepalive4j.vrrp.packet.DropReason;

/** One instance's counters for the statistics dump. Written and read on the VRRP loop thread. */
final class InstanceCounters {

    long advertsSent;
    long advertsReceived;
    long becameMaster;
    long releasedMaster;
    long priorityZeroSent;
    long priorityZeroReceived;
    final DropCounters drops = new DropCounters();

    /** {@code vrrp.<instance>.<counter> <value>} lines, every drop reason listed, zeros included. */
    void append(String instance, StringBuilder out) {
        line(out, instance, "adverts_sent", advertsSent);
        line(out, instance, "adverts_received", advertsReceived);
        line(out, instance, "became_master", becameMaster);
        line(out, instance, "released_master", releasedMaster);
        line(out, instance, "priority_zero_sent", priorityZeroSent);
        line(out, instance, "priority_zero_received", priorityZeroReceived);
        for (Map.Entry<DropReason, Long> e : drops.snapshot().entrySet()) {
            line(out, instance, "drop." + e.getKey().name(), e.getValue());
        }
    }

    static void line(StringBuilder out, String instance, String counter, Object value) {
        out.append("vrrp.").append(instance).append('.').append(counter).append(' ').append(value).append('\n');
    }
}
