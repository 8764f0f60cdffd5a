package org.keepalive4j.mib;

/**
 * Where the model hands notifications for delivery. Implementations must never block the caller:
 * engines raise traps from timing-critical threads (the VRRP loop), and a hung SNMP master must not
 * delay an advert. A full or disconnected sink drops and counts, it does not wait.
 */
@FunctionalInterface
public interface NotificationSink {

    void send(Notification notification);

    /** Discards everything; used when traps are disabled (no enable_traps). */
    NotificationSink DISCARD = n -> { };
}
