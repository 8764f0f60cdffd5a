package org.keepalive4j.vrrp.fsm;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.Predicate;

/**
 * A virtual-time LAN of VRRP routers for one VRID: adverts are delivered to every other live router
 * after a configurable delay, or dropped; each router's timers fire exactly at their deadlines.
 */
final class SimulatedNetwork {

    /** One action as the engine would have seen it. */
    record Emitted(long time, VrrpStateMachine instance, VrrpAction action) {
    }

    final class Router {
        final VrrpStateMachine machine;
        final InetAddress address;
        final String vrid;
        boolean alive = true;
        boolean holdsVips;

        Router(VrrpStateMachine machine, String vrid) {
            this.machine = machine;
            this.vrid = vrid;
            this.address = machine.parameters().primaryAddress();
        }

        void handle(VrrpEvent event) {
            machine.handle(event, now, sink);
        }

        /** A reload changed the configuration in place; new trackers start in the state {@code known} gives. */
        void reconfigure(VrrpParameters next, java.util.function.BiFunction<TrackerSpec.Kind, String, Boolean> known) {
            machine.reconfigure(next, next.priority(), next.preempt(), known, now, sink);
        }

        /** The router loses power: no goodbye, nothing sent or received any more. */
        void crash() {
            alive = false;
        }
    }

    private record Delivery(long time, long sequence, Router to, InetAddress from, int priority,
                            Duration interval) {
    }

    private final List<Router> routers = new ArrayList<>();
    private final PriorityQueue<Delivery> inFlight = new PriorityQueue<>(
            (a, b) -> a.time != b.time ? Long.compare(a.time, b.time) : Long.compare(a.sequence, b.sequence));
    final List<Emitted> log = new ArrayList<>();
    private long now;
    private long sequence;
    private long delayNanos;
    private Predicate<Emitted> loss = e -> false;
    private final ActionSink sink = this::onAction;

    static InetAddress ip(String text) {
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static long ms(double millis) {
        return Math.round(millis * 1_000_000);
    }

    Router add(VrrpParameters params) {
        return add(new VrrpStateMachine(params), "1");
    }

    /** Adds a router whose adverts reach only routers with the same {@code vrid}. */
    Router add(VrrpStateMachine machine, String vrid) {
        Router router = new Router(machine, vrid);
        routers.add(router);
        return router;
    }

    void setDelay(Duration delay) {
        delayNanos = delay.toNanos();
    }

    /** Adverts for which the predicate holds are lost. */
    void setLoss(Predicate<Emitted> predicate) {
        loss = predicate;
    }

    long now() {
        return now;
    }

    void startAll() {
        for (Router r : routers) {
            r.handle(VrrpEvent.STARTUP);
        }
    }

    /** Advances virtual time to {@code until}, firing timers and delivering adverts in order. */
    void runUntil(long until) {
        while (true) {
            Router timed = null;
            long next = Long.MAX_VALUE;
            for (Router r : routers) {
                if (r.alive && r.machine.nextDeadline() < next) {
                    next = r.machine.nextDeadline();
                    timed = r;
                }
            }
            Delivery delivery = inFlight.peek();
            if (delivery != null && delivery.time <= next) {
                if (delivery.time > until) {
                    break;
                }
                inFlight.poll();
                now = delivery.time;
                if (delivery.to.alive) {
                    delivery.to.handle(new VrrpEvent.AdvertReceived(delivery.from, delivery.priority, delivery.interval));
                }
                continue;
            }
            if (timed == null || next > until) {
                break;
            }
            now = next;
            timed.handle(VrrpEvent.TIMER_EXPIRED);
        }
        now = until;
    }

    void runFor(Duration duration) {
        runUntil(now + duration.toNanos());
    }

    /** Runs until {@code condition} holds, giving up after {@code limit}; returns when it held. */
    long runUntilTrue(java.util.function.BooleanSupplier condition, Duration limit) {
        long end = now + limit.toNanos();
        long step = ms(0.1);
        while (!condition.getAsBoolean()) {
            if (now >= end) {
                throw new AssertionError("condition not reached within " + limit);
            }
            runUntil(Math.min(end, now + step));
        }
        return now;
    }

    /** The time of the first matching action at or after {@code from}, or -1. */
    long firstTime(long from, Predicate<Emitted> match) {
        for (Emitted e : log) {
            if (e.time >= from && match.test(e)) {
                return e.time;
            }
        }
        return -1;
    }

    List<VrrpAction> actionsOf(VrrpStateMachine m, long from) {
        List<VrrpAction> out = new ArrayList<>();
        for (Emitted e : log) {
            if (e.instance == m && e.time >= from) {
                out.add(e.action);
            }
        }
        return out;
    }

    int vipHolders(String vrid) {
        int n = 0;
        for (Router r : routers) {
            if (r.holdsVips && r.alive && r.vrid.equals(vrid)) {
                n++;
            }
        }
        return n;
    }

    private Router routerOf(VrrpStateMachine m) {
        for (Router r : routers) {
            if (r.machine == m) {
                return r;
            }
        }
        throw new IllegalStateException("unknown machine " + m);
    }

    private void onAction(VrrpStateMachine instance, VrrpAction action) {
        Emitted emitted = new Emitted(now, instance, action);
        log.add(emitted);
        Router from = routerOf(instance);
        if (action instanceof VrrpAction.AddVips) {
            from.holdsVips = true;
        } else if (action instanceof VrrpAction.RemoveVips) {
            from.holdsVips = false;
        } else if (action instanceof VrrpAction.SendAdvert advert && from.alive && !loss.test(emitted)) {
            Duration interval = Duration.ofNanos(
                    VrrpTiming.normalizedAdvertIntervalMicros(instance.parameters().advertInterval(),
                            instance.parameters().version()) * 1000);
            for (Router to : routers) {
                if (to != from && to.alive && to.vrid.equals(from.vrid)) {
                    inFlight.add(new Delivery(now + delayNanos, sequence++, to, from.address, advert.priority(),
                            interval));
                }
            }
        }
    }
}
