package org.keepalive4j.mib.trap;

import java.util.function.Function;
import org.keepalive4j.mib.Notification;
import org.keepalive4j.mib.NotificationSink;

/**
 * Sends notifications raised by row setters, when traps are enabled. Enablement, the varbind form
 * and the router id come from global_defs and change on reload; they are published as one immutable
 * {@link Settings} so a setter on an engine thread never sees half an update.
 */
public final class TrapEmitter {

    /** enable_traps, the varbind form, and the routerId every trap carries. */
    public record Settings(boolean enabled, TrapBuilder builder, String routerId) {
    }

    private final NotificationSink sink;
    private volatile Settings settings;

    public TrapEmitter(NotificationSink sink, Settings settings) {
        this.sink = sink;
        this.settings = settings;
    }

    public void update(Settings newSettings) {
        this.settings = newSettings;
    }

    /** Builds and sends the notification only when traps are enabled (building costs allocations). */
    public void emit(Function<Settings, Notification> build) {
        Settings s = settings;
        if (s.enabled()) {
            sink.send(build.apply(s));
        }
    }
}
