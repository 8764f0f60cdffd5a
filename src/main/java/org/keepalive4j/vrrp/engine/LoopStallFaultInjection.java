package org.keepalive4j.vrrp.engine;

import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import sun.misc.Signal;

/**
 * FAULT INJECTION FOR TESTS ONLY: stalls the VRRP event loop on a signal, so a test can show that the
 * systemd watchdog ping really comes from the loop (the pings stop while the process and its other threads
 * live on). Off unless the JVM is started with {@code -Dkeepalive4j.faultInjection.stallVrrpLoopOnSignal=SIG}
 * (a signal name without "SIG", e.g. URG); then the first SIG blocks the loop thread in a task, the next
 * one releases it, and so on. Every stall and release is logged as a warning. Never set it in production:
 * a stalled loop sends no adverts, so the backups take over.
 */
final class LoopStallFaultInjection {

    static final String PROPERTY = "keepalive4j.faultInjection.stallVrrpLoopOnSignal";

    private static final Logger LOG = LogManager.getLogger(LoopStallFaultInjection.class);

    private LoopStallFaultInjection() {
    }

    /** Installs the signal handler when {@link #PROPERTY} is set; a no-op otherwise. */
    static void installIfRequested(VrrpLoop loop) {
        String signal = System.getProperty(PROPERTY);
        if (signal == null || signal.isBlank()) {
            return;
        }
        LOG.warn("FAULT INJECTION ({}): SIG{} stalls the VRRP event loop until the next SIG{}", PROPERTY, signal,
                signal);
        Semaphore release = new Semaphore(0);
        AtomicBoolean stalled = new AtomicBoolean();
        Signal.handle(new Signal(signal), s -> {
            if (stalled.compareAndSet(false, true)) {
                loop.execute(() -> {
                    LOG.warn("FAULT INJECTION: VRRP event loop stalled");
                    release.acquireUninterruptibly();
                    LOG.warn("FAULT INJECTION: VRRP event loop released");
                });
            } else if (stalled.compareAndSet(true, false)) {
                release.release();
            }
        });
    }
}
