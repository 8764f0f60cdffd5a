package org.keepalive4j.daemon;

import java.util.function.Consumer;
import sun.misc.Signal;

/**
 * Turns the signals keepalived answers to into {@link Daemon.Request}s. The JVM runs a handler on
 * a thread of its own; the handler only queues, so all the work happens on the lifecycle thread.
 */
final class SignalBridge {

    private SignalBridge() {
    }

    static void install(Consumer<Daemon.Request> sink) {
        on(SignalFunction.STOP.signalName, Daemon.Request.STOP, sink);
        on("INT", Daemon.Request.STOP, sink);
        on(SignalFunction.RELOAD.signalName, Daemon.Request.RELOAD, sink);
        on(SignalFunction.DATA.signalName, Daemon.Request.DUMP_DATA, sink);
        on(SignalFunction.STATS.signalName, Daemon.Request.DUMP_STATS, sink);
    }

    private static void on(String signal, Daemon.Request request, Consumer<Daemon.Request> sink) {
        Signal.handle(new Signal(signal), s -> sink.accept(request));
    }
}
