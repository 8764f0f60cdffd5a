package org.keepalive4j.vrrp.engine;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.keepalive4j.config.model.GlobalDefs;
import org.keepalive4j.config.model.KeepalivedConfig;
import org.keepalive4j.config.model.VirtualAddress;
import org.keepalive4j.config.model.VrrpInstance;
import org.keepalive4j.config.model.VrrpScript;
import org.keepalive4j.config.model.VrrpSyncGroup;
import org.keepalive4j.linux.ErrnoException;
import org.keepalive4j.linux.InterfaceAddress;
import org.keepalive4j.linux.LinkEvents;
import org.keepalive4j.linux.RawIpSocket;
import org.keepalive4j.linux.RtNetlink;
import org.keepalive4j.mib.KeepalivedMib;
import org.keepalive4j.mib.vrrp.VrrpInstanceRow;
import org.keepalive4j.notify.ScriptRunner;
import org.keepalive4j.vrrp.fsm.ConfiguredParameters;
import org.keepalive4j.vrrp.fsm.SyncGroup;
import org.keepalive4j.vrrp.fsm.TrackerSpec;
import org.keepalive4j.vrrp.fsm.VrrpEvent;
import org.keepalive4j.vrrp.fsm.VrrpParameters;
import org.keepalive4j.vrrp.fsm.VrrpState;
import org.keepalive4j.vrrp.fsm.VrrpStateMachine;

/**
 * Everything the VRRP loop owns: the running instances, their sockets, sync groups, trackers, and the
 * netlink, announcement and script machinery they share. Every method runs on the loop thread.
 */
final class VrrpRuntime {

    private static final Logger LOG = LogManager.getLogger(VrrpRuntime.class);
    /** Notify and vrrp_script runs at once; more wait in the runner's queue. */
    private static final int MAX_CONCURRENT_SCRIPTS = 16;
    private static final int MAX_QUEUED_SCRIPTS = 256;

    private final VrrpLoop loop;
    private final KeepalivedMib mib;
    private final boolean keepVipsAtStop;

    private final Map<String, Instance> instances = new LinkedHashMap<>();
    private final Map<AdvertSocket.Key, AdvertSocket> sockets = new HashMap<>();
    private final Set<VrrpInstanceRow> listenedRows = Collections.newSetFromMap(new IdentityHashMap<>());
    private long unknownVrid;

    private KeepalivedConfig config;
    private RtNetlink rtnl;
    private LinkStates links;
    private ScriptRunner runner;
    private ScriptChecks scriptChecks;
    private Announcements announcements;
    private VirtualAddresses vips;
    private Notifier notifier;
    private ActionExecutor executor;

    VrrpRuntime(VrrpLoop loop, KeepalivedMib mib, boolean keepVipsAtStop) {
        this.loop = loop;
        this.mib = mib;
        this.keepVipsAtStop = keepVipsAtStop;
    }

    // ------------------------------------------------------------------ lifecycle

    void start(KeepalivedConfig initial) throws ErrnoException {
        config = initial;
        GlobalDefs global = initial.global();
        rtnl = RtNetlink.open();
        links = new LinkStates(rtnl, LinkEvents.open(), this::interfaceChanged);
        loop.register(links.events(), links::onReadable);
        runner = new ScriptRunner(MAX_CONCURRENT_SCRIPTS, MAX_QUEUED_SCRIPTS, global.scriptUser(), global.scriptGroup());
        scriptChecks = new ScriptChecks(loop, runner, this::scriptChanged);
        announcements = new Announcements(rtnl, loop);
        announcements.configure(global);
        vips = new VirtualAddresses(rtnl);
        notifier = new Notifier(runner);
        executor = new ActionExecutor(mib, vips, announcements, notifier, name -> config.syncGroup(name).orElse(null),
                keepVipsAtStop);
        startInstances(initial.vrrpInstances());
        LOG.info("VRRP: {} instance(s) running on {} socket(s)", instances.size(), sockets.size());
    }

    /**
     * SIGHUP, without flap: an instance whose configuration did not change keeps running untouched
     * (state, timers, sockets); one whose changes a running router can follow is updated in place (see
     * {@link ReloadPlan}: priority, advert interval, addresses, trackers, notify scripts, ...); only what
     * the protocol cannot change in place restarts. Removed instances stop, new ones start.
     */
    void reload(KeepalivedConfig next) throws ErrnoException {
        KeepalivedConfig previous = config;
        Set<String> restart = new LinkedHashSet<>();
        Set<String> removed = new HashSet<>();
        Map<String, ReloadPlan.Decision> inPlace = new LinkedHashMap<>();
        boolean globalsChanged = !VrrpGlobals.of(previous.global()).equals(VrrpGlobals.of(next.global()));
        for (Instance running : instances.values()) {
            String name = running.name();
            VrrpInstance now = next.vrrpInstance(name).orElse(null);
            if (now == null) {
                removed.add(name);
                restart.add(name);
                continue;
            }
            ReloadPlan.Decision d = ReloadPlan.decide(previous, next, running.config(), now);
            if (globalsChanged || d.action() == ReloadPlan.Action.RESTART) {
                LOG.info("({}) Restarting for the reload: {} changed", name,
                        globalsChanged ? "global_defs" : String.join(", ", d.changed()));
                restart.add(name);
            } else if (d.action() == ReloadPlan.Action.IN_PLACE) {
                inPlace.put(name, d);
            }
        }
        // a sync group moves together, so a restarted member restarts the whole group
        for (VrrpSyncGroup g : next.syncGroups()) {
            if (g.members().stream().anyMatch(restart::contains)) {
                g.members().stream().filter(instances::containsKey).forEach(restart::add);
            }
        }
        restart.forEach(inPlace::remove);
        config = next;
        announcements.configure(next.global());
        for (String name : restart) {
            stopInstance(instances.get(name), removed.contains(name) ? "removed from the configuration"
                    : "for the reload");
        }
        Map<String, VrrpScript> scripts = new HashMap<>();
        next.vrrpScripts().forEach(sc -> scripts.put(sc.name(), sc));
        for (var e : inPlace.entrySet()) {
            reconfigure(instances.get(e.getKey()), next.vrrpInstance(e.getKey()).orElseThrow(), scripts,
                    e.getValue().changed());
        }
        List<VrrpInstance> toStart = new ArrayList<>();
        for (VrrpInstance c : next.vrrpInstances()) {
            if (!instances.containsKey(c.name())) {
                toStart.add(c);
            }
        }
        scriptChecks.retainOnly(trackedScripts(next, next.vrrpInstances()));
        startInstances(toStart);
        LOG.info("VRRP: reload started {} instance(s), updated {} in place, stopped {} removed, kept {} untouched",
                toStart.size(), inPlace.size(), removed.size(),
                instances.size() - toStart.size() - inPlace.size());
    }

    /**
     * Applies a changed configuration to a running instance without restarting it: new adverts, new
     * parameters for its state machine (trackers keep their state), and, when it holds its addresses,
     * the added ones put on (with gratuitous ARP / NA) and the removed ones taken off. A master whose
     * priority changed says so at once rather than at its next advert.
     */
    private void reconfigure(Instance instance, VrrpInstance now, Map<String, VrrpScript> scripts,
                             List<String> changed) {
        VrrpInstance old = instance.config();
        VrrpInstanceRow row = instance.row();
        InetAddress primary = instance.settings().primaryAddress();
        VrrpParameters params = ConfiguredParameters.of(now, primary, scripts, syncGroupOf(now.name()));
        for (TrackerSpec t : params.trackers()) {
            if (t.kind() == TrackerSpec.Kind.SCRIPT) {
                VrrpScript script = scripts.get(t.name());
                scriptChecks.ensure(script, mib.vrrp().scripts().stream()
                        .filter(r -> r.name().equals(script.name())).findFirst().orElse(null));
            }
        }
        VrrpStateMachine machine = instance.machine();
        int priorityBefore = machine.effectivePriority();
        instance.reconfigure(InstanceSettings.of(now, config.global(), primary));
        if (machine.vipsSet()) {
            List<VirtualAddress> added = vips.update(instance, old);
            if (!added.isEmpty()) {
                announcements.announce(instance, added, params.garpMasterRepeat());
            }
        }
        machine.reconfigure(params, row.basePriority(), row.preempt(), this::trackerState, System.nanoTime(),
                executor);
        instance.publishWantedState();
        LOG.info("({}) Updated in place: {} changed; {}, priority {}", instance.name(),
                changed.isEmpty() ? "a tracked vrrp_script" : String.join(", ", changed), machine.state(),
                machine.effectivePriority());
        if (machine.state() == VrrpState.MASTER && machine.effectivePriority() != priorityBefore) {
            instance.sendAdvert(machine.effectivePriority());
        }
    }

    /** What the engine knows now about a tracker an instance did not track before a reload. */
    private Boolean trackerState(TrackerSpec.Kind kind, String name) {
        return kind == TrackerSpec.Kind.INTERFACE ? Boolean.valueOf(links.track(name)) : scriptChecks.state(name);
    }

    /** The daemon stops: priority 0 from masters, addresses removed (unless -V), then everything closed. */
    void stop() {
        if (executor != null) {
            executor.daemonStopping();
            for (Instance i : List.copyOf(instances.values())) {
                i.handle(VrrpEvent.STOP_REQUESTED);
            }
            notifier.awaitStopScripts();
        }
        for (Instance i : List.copyOf(instances.values())) {
            detach(i);
        }
        // also after a start that failed half-way: close what was opened
        if (scriptChecks != null) {
            scriptChecks.stopAll();
        }
        if (runner != null) {
            runner.close();
        }
        if (announcements != null) {
            announcements.close();
        }
        if (links != null) {
            loop.unregister(links.events());
            links.close();
        }
        if (rtnl != null) {
            rtnl.close();
        }
        LOG.info("VRRP: stopped");
    }

    // ------------------------------------------------------------------ the loop's callbacks

    long nextDeadline() {
        long earliest = Long.MAX_VALUE;
        for (Instance i : instances.values()) {
            earliest = Math.min(earliest, i.machine().nextDeadline());
        }
        return earliest;
    }

    void tick() {
        long now = System.nanoTime();
        for (Instance i : instances.values()) {
            i.tick(now);
        }
    }

    // ------------------------------------------------------------------ starting and stopping instances

    private void startInstances(List<VrrpInstance> configs) throws ErrnoException {
        if (configs.isEmpty()) {
            return;
        }
        for (VrrpInstance c : configs) {
            vips.removeStale(c);
        }
        Set<InetAddress> ourVips = allVirtualAddresses(config);
        Map<String, VrrpScript> scripts = new HashMap<>();
        config.vrrpScripts().forEach(s -> scripts.put(s.name(), s));
        List<Instance> started = new ArrayList<>();
        for (VrrpInstance c : configs) {
            VrrpSyncGroup group = syncGroupOf(c.name());
            InetAddress primary = primaryAddress(c, ourVips);
            VrrpStateMachine machine = new VrrpStateMachine(ConfiguredParameters.of(c, primary, scripts, group));
            InstanceSettings settings = InstanceSettings.of(c, config.global(), primary);
            VrrpInstanceRow row = mib.vrrp().instance(c.name()).orElseThrow(
                    () -> new IllegalStateException("no MIB row for instance " + c.name()));
            Instance instance = new Instance(settings, row, machine, socket(settings.socketKey()), executor);
            instance.socket().attach(instance);
            executor.add(instance);
            instances.put(c.name(), instance);
            listen(row);
            started.add(instance);
        }
        joinSyncGroups(started);
        for (Instance i : started) {
            prepare(i, scripts);
        }
        for (Instance i : started) {
            LOG.info("({}) Starting: VRID {}, {} v{}, priority {}, primary address {}", i.name(), i.vrid(),
                    i.config().interfaceName(), i.config().version(), i.machine().basePriority(),
                    i.settings().primaryAddress().getHostAddress());
            i.handle(VrrpEvent.STARTUP);
        }
    }

    /** Before STARTUP: tracker states already known, SNMP overrides that survived a reload, MIB values. */
    private void prepare(Instance instance, Map<String, VrrpScript> scripts) {
        for (TrackerSpec t : instance.machine().parameters().trackers()) {
            if (t.kind() == TrackerSpec.Kind.INTERFACE) {
                if (!links.track(t.name())) {
                    instance.handle(new VrrpEvent.InterfaceChanged(t.name(), false));
                }
            } else {
                VrrpScript script = scripts.get(t.name());
                scriptChecks.ensure(script, mib.vrrp().scripts().stream()
                        .filter(r -> r.name().equals(script.name())).findFirst().orElse(null));
                Boolean ok = scriptChecks.state(t.name());
                if (ok != null) {
                    instance.handle(new VrrpEvent.ScriptChanged(t.name(), ok));
                }
            }
        }
        VrrpInstanceRow row = instance.row();
        if (row.basePriorityOverride() != null) {
            instance.handle(new VrrpEvent.BasePriorityChanged(row.basePriorityOverride()));
        }
        if (row.preemptOverride() != null) {
            instance.handle(new VrrpEvent.PreemptChanged(row.preemptOverride()));
        }
        row.setEffectivePriority(instance.machine().effectivePriority());
        row.setVipsAllSet(false);
    }

    private void joinSyncGroups(List<Instance> started) {
        for (VrrpSyncGroup g : config.syncGroups()) {
            List<VrrpStateMachine> members = new ArrayList<>();
            for (String member : g.members()) {
                Instance i = instances.get(member);
                if (i != null && started.contains(i)) {
                    members.add(i.machine());
                }
            }
            if (!members.isEmpty()) {
                new SyncGroup(g.name(), members);
            }
        }
    }

    /** For a reload: STOP_REQUESTED (priority 0 from a master, addresses removed), then forget it. */
    private void stopInstance(Instance instance, String why) {
        LOG.info("({}) Stopping {}", instance.name(), why);
        instance.handle(VrrpEvent.STOP_REQUESTED);
        detach(instance);
    }

    private void detach(Instance instance) {
        instances.remove(instance.name());
        executor.remove(instance);
        AdvertSocket socket = instance.socket();
        socket.detach(instance);
        if (socket.isUnused()) {
            loop.unregister(socket.socket());
            sockets.remove(socket.key());
            socket.close();
        }
    }

    private AdvertSocket socket(AdvertSocket.Key key) throws ErrnoException {
        AdvertSocket s = sockets.get(key);
        if (s == null) {
            s = AdvertSocket.open(key, () -> unknownVrid++);
            sockets.put(key, s);
            // followed even with dont_track_primary, so that a re-created interface gets a fresh socket
            links.track(key.interfaceName());
            AdvertSocket opened = s;
            loop.register(s.socket(), opened::onReadable);
        }
        return s;
    }

    /** SNMP SETs arrive on an AgentX thread: hand them to the loop. Once per row: rows outlive reloads. */
    private void listen(VrrpInstanceRow row) {
        if (!listenedRows.add(row)) {
            return;
        }
        String name = row.name();
        row.onBasePriorityChanged(priority -> loop.execute(() -> basePrioritySet(name, priority)));
        row.onPreemptChanged(preempt -> loop.execute(() -> preemptSet(name, preempt)));
    }

    private void basePrioritySet(String name, int priority) {
        Instance i = instances.get(name);
        if (i == null) {
            return;
        }
        LOG.info("({}) Base priority set to {} over SNMP", name, priority);
        i.handle(new VrrpEvent.BasePriorityChanged(priority));
        // keepalived lets the new priority go out with the next periodic advert, up to one interval
        // later; we send it at once. Faster, and harmless on the wire: an extra advert from the master
        // only restarts the backups' master_down timers.
        if (i.machine().state() == VrrpState.MASTER) {
            i.sendAdvert(i.machine().effectivePriority());
        }
    }

    private void preemptSet(String name, boolean preempt) {
        Instance i = instances.get(name);
        if (i != null) {
            LOG.info("({}) Preemption {} over SNMP", name, preempt ? "enabled" : "disabled");
            i.handle(new VrrpEvent.PreemptChanged(preempt));
        }
    }

    private void interfaceChanged(String name, boolean up) {
        if (up) {
            rebindSockets(name);
        }
        for (Instance i : List.copyOf(instances.values())) {
            if (tracks(i, TrackerSpec.Kind.INTERFACE, name)) {
                i.handle(new VrrpEvent.InterfaceChanged(name, up));
            }
        }
    }

    /** An interface deleted and created again (a VLAN or bond rebuilt) gets fresh sockets before its instances resume. */
    private void rebindSockets(String interfaceName) {
        for (AdvertSocket s : sockets.values()) {
            if (!s.key().interfaceName().equals(interfaceName) || !s.isBoundToStaleInterface()) {
                continue;
            }
            RawIpSocket old = s.socket();
            try {
                loop.unregister(old);
                s.reopen();
                loop.register(s.socket(), s::onReadable);
            } catch (ErrnoException e) {
                LOG.error("VRRP: cannot reopen the {} socket: {}", s.key(), e.getMessage());
            }
        }
    }

    private void scriptChanged(String name, boolean ok) {
        for (Instance i : List.copyOf(instances.values())) {
            if (tracks(i, TrackerSpec.Kind.SCRIPT, name)) {
                i.handle(new VrrpEvent.ScriptChanged(name, ok));
            }
        }
    }

    private static boolean tracks(Instance i, TrackerSpec.Kind kind, String name) {
        for (TrackerSpec t : i.machine().parameters().trackers()) {
            if (t.kind() == kind && t.name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ configuration helpers

    private VrrpSyncGroup syncGroupOf(String instance) {
        for (VrrpSyncGroup g : config.syncGroups()) {
            if (g.members().contains(instance)) {
                return g;
            }
        }
        return null;
    }

    /**
     * unicast_src_ip or mcast_src_ip when configured; otherwise, as keepalived, the interface's first
     * IPv4 address (not one of our virtual addresses) or, for IPv6, its link-local address.
     */
    private InetAddress primaryAddress(VrrpInstance c, Set<InetAddress> ourVips) throws ErrnoException {
        if (c.unicastSrcIp() != null) {
            return c.unicastSrcIp();
        }
        if (c.mcastSrcIp() != null) {
            return c.mcastSrcIp();
        }
        if (c.interfaceName() == null) {
            throw new IllegalStateException("(" + c.name() + ") has no interface; keepalive4j needs one");
        }
        int ifindex = rtnl.link(c.interfaceName()).index();
        for (InterfaceAddress a : rtnl.addresses(ifindex)) {
            InetAddress address = a.address();
            boolean fits = c.ipv6() ? address.isLinkLocalAddress() && !(address instanceof Inet4Address)
                    : address instanceof Inet4Address && !ourVips.contains(address);
            if (fits) {
                return address;
            }
        }
        throw new IllegalStateException("(" + c.name() + ") interface " + c.interfaceName() + " has no "
                + (c.ipv6() ? "IPv6 link-local" : "IPv4") + " address to send adverts from");
    }

    private static Set<InetAddress> allVirtualAddresses(KeepalivedConfig config) {
        Set<InetAddress> all = new HashSet<>();
        for (VrrpInstance i : config.vrrpInstances()) {
            for (VirtualAddress v : VirtualAddresses.all(i)) {
                all.add(v.address());
            }
        }
        return all;
    }

    private static Set<String> trackedScripts(KeepalivedConfig config, List<VrrpInstance> instances) {
        Set<String> names = new HashSet<>();
        for (VrrpInstance i : instances) {
            i.trackScripts().forEach(t -> names.add(t.name()));
        }
        config.syncGroups().forEach(g -> g.trackScripts().forEach(t -> names.add(t.name())));
        return names;
    }

    /**
     * The global_defs settings a running instance depends on. garp intervals are re-read live; script_user
     * and script_group take effect at the next start (the runner keeps its user).
     */
    private record VrrpGlobals(InetAddress group4, InetAddress group6, boolean skipCheckAdvAddr,
                               boolean checkUnicastSrc) {
        static VrrpGlobals of(GlobalDefs g) {
            return new VrrpGlobals(g.vrrpMcastGroup4(), g.vrrpMcastGroup6(), g.vrrpSkipCheckAdvAddr(),
                    g.vrrpCheckUnicastSrc());
        }
    }

    // ------------------------------------------------------------------ dumps

    /** SIGUSR2: one {@code vrrp.<instance>.<counter> <value>} line per counter. */
    String stats() {
        StringBuilder out = new StringBuilder();
        for (Instance i : instances.values()) {
            InstanceCounters.line(out, i.name(), "state", i.machine().state());
            InstanceCounters.line(out, i.name(), "wanted_state", i.machine().wantState());
            InstanceCounters.line(out, i.name(), "effective_priority", i.machine().effectivePriority());
            i.counters().append(i.name(), out);
        }
        out.append("vrrp.unknown_vrid ").append(unknownVrid).append('\n');
        return out.toString();
    }

    /** SIGUSR1: a readable dump per instance. */
    String data() {
        StringBuilder out = new StringBuilder();
        for (Instance i : instances.values()) {
            i.describe(out);
        }
        for (AdvertSocket s : sockets.values()) {
            out.append(" Socket ").append(s.key()).append('\n');
        }
        return out.toString();
    }
}
