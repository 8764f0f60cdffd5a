package org.keepalive4j.vrrp.fsm;

import java.net.InetAddress;
import org.keepalive4j.vrrp.fsm.VrrpAction.SendAdvert;
import org.keepalive4j.vrrp.fsm.VrrpEvent.AdvertReceived;

/**
 * The state machine of one VRRP instance, following keepalived (vrrp.c, vrrp_scheduler.c,
 * vrrp_track.c) wherever it differs from RFC 3768 / RFC 5798 in ways a keepalived peer could see.
 *
 * <p>Pure: no I/O, no threads, no clock of its own. The engine calls {@link #handle} with the
 * current monotonic time in nanoseconds and carries out the {@link VrrpAction}s it is given, and
 * calls it with {@link VrrpEvent#TIMER_EXPIRED} once {@link #nextDeadline()} has passed. Which
 * code runs for an event is decided by {@link TransitionTable}. Not thread-safe: one event loop.
 */
public final class VrrpStateMachine {

    /** {@link #nextDeadline()} when no timer is running. */
    public static final long NO_DEADLINE = Long.MAX_VALUE;

    // not final: a reload may change them in place (see reconfigure)
    private VrrpParameters params;
    private long advertIntervalMicros;
    private long preemptDelayNanos;
    private long garpMasterDelayNanos;
    private long garpMasterRefreshNanos;
    private long garpLowerPrioDelayNanos;
    private TrackerSet trackers;
    private SyncGroup group;

    private VrrpState state = VrrpState.INIT;
    /** keepalived's wantstate: the state this instance would be in, were it not for its sync group. */
    private VrrpState wantState;
    private int basePriority;
    private int effectivePriority;
    private boolean preempt;
    /** v3 backups adopt the master's interval (RFC 5798 §6.4.2); v2 intervals must match anyway. */
    private long masterAdvertIntervalMicros;
    private long masterDownMicros;
    /** keepalived's sands: when MASTER the next advert, when BACKUP the master_down expiry. */
    private long protocolDeadline = NO_DEADLINE;
    private boolean preemptDelayRunning;
    private long preemptDelayEnd;
    private boolean vipsSet;
    private long garpDelayedDeadline = NO_DEADLINE;
    private long garpRefreshDeadline = NO_DEADLINE;
    private long garpLowerPrioDeadline = NO_DEADLINE;
    private InetAddress masterAddress;
    private int masterPriority;
    private TransitionReason nextMasterReason = TransitionReason.MASTER_NO_RESPONSE;

    public VrrpStateMachine(VrrpParameters params) {
        useParameters(params);
        this.trackers = new TrackerSet(params.trackers());
        this.wantState = params.wantMaster() ? VrrpState.MASTER : VrrpState.BACKUP;
        this.basePriority = params.priority();
        this.effectivePriority = params.priority();
        this.preempt = params.preempt();
        this.masterAdvertIntervalMicros = advertIntervalMicros;
        this.effectivePriority = priorityFromTrackers(effectivePriority);
        this.masterDownMicros = computeMasterDown();
    }

    /** Handles one event at time {@code now} (nanoseconds, monotonic); actions go to {@code out}. */
    public void handle(VrrpEvent event, long now, ActionSink out) {
        TransitionTable.handler(state, event.kind()).handle(this, event, now, out);
    }

    /** The earliest time at which the engine must send {@link VrrpEvent#TIMER_EXPIRED}. */
    public long nextDeadline() {
        return Math.min(Math.min(protocolDeadline, garpDelayedDeadline),
                Math.min(garpRefreshDeadline, garpLowerPrioDeadline));
    }

    public String name() {
        return params.name();
    }

    public VrrpParameters parameters() {
        return params;
    }

    public VrrpState state() {
        return state;
    }

    public int basePriority() {
        return basePriority;
    }

    public int effectivePriority() {
        return effectivePriority;
    }

    public boolean preempt() {
        return preempt;
    }

    /** The master as last seen in an advert (for vrrpInstanceMasterIpAddress); null before any. */
    public InetAddress masterAddress() {
        return masterAddress;
    }

    public int masterPriority() {
        return masterPriority;
    }

    /** The advert interval in force: ours when master, the master's (v3) when backup. */
    public long masterAdvertIntervalMicros() {
        return masterAdvertIntervalMicros;
    }

    /** The master_down interval currently armed in BACKUP (RFC 5798 §6.1 Master_Down_Interval). */
    public long masterDownMicros() {
        return masterDownMicros;
    }

    public SyncGroup syncGroup() {
        return group;
    }

    void joinGroup(SyncGroup syncGroup) {
        if (group != null) {
            // keepalived: "cannot exist in more than one sync group"
            throw new IllegalStateException(name() + " is already in sync group " + group.name());
        }
        group = syncGroup;
    }

    /** keepalived's wantstate: what this instance would be in, were it not held by its sync group. */
    public VrrpState wantState() {
        return wantState;
    }

    boolean faultedByTrackers() {
        return trackers.faulted();
    }

    boolean waitingForScripts() {
        return trackers.pending();
    }

    boolean isAddressOwner() {
        return basePriority == 255;
    }

    // ---------------------------------------------------------------- event handlers (TransitionTable)

    /** keepalived's vrrp_init_state (vrrp_scheduler.c). */
    void startup(long now, ActionSink out) {
        VrrpState groupState = group == null ? wantState : group.startupState(now, this, out);
        boolean up = !trackers.faulted() && !trackers.pending() && (group == null || !group.anyMemberWaiting());
        if (up && groupState == VrrpState.MASTER && isAddressOwner() && wantState == VrrpState.MASTER) {
            // An address owner configured as MASTER takes over at once (keepalived arms a 1 µs
            // master_down timer; we skip the timer).
            nextMasterReason = TransitionReason.PREEMPTED;
            gotoMaster(now, out);
            return;
        }
        if (groupState == VrrpState.BACKUP && wantState == VrrpState.MASTER) {
            // A sync group member configured MASTER waits only one interval plus the minimum skew
            // (keepalived: "allow one adver_int to pass to ensure there is no other master").
            masterDownMicros = masterAdvertIntervalMicros
                    + VrrpTiming.skewMicros(params.version(), 1, masterAdvertIntervalMicros);
        } else {
            // Everyone else, "state MASTER" included, starts BACKUP and waits a full master_down.
            masterDownMicros = computeMasterDown();
        }
        nextMasterReason = TransitionReason.MASTER_NO_RESPONSE;
        // keepalived removes any addresses a previous run left behind (vrrp_restore_interface, force).
        out.emit(this, VrrpAction.REMOVE_VIPS);
        if (up && groupState != VrrpState.FAULT) {
            enter(VrrpState.BACKUP, TransitionReason.STARTUP, out);
        } else {
            enter(VrrpState.FAULT, TransitionReason.FAULT, out);
        }
        armProtocolTimer(now);
    }

    /** keepalived's vrrp_state_backup (vrrp.c): RFC 5798 §6.4.2 with keepalived's preempt_delay. */
    void backupReceiveAdvert(AdvertReceived advert, long now, ActionSink out) {
        int priority = advert.priority();
        if (priority == 0) {
            // The master is leaving: take over after Skew_Time only.
            masterDownMicros = skewMicros();
            nextMasterReason = TransitionReason.PRIORITY;
            armProtocolTimer(now);
        } else if (!preempt || priority >= effectivePriority || preemptDelayHolds(now)) {
            if (params.version() == 3) {
                masterAdvertIntervalMicros = advert.advertInterval().toNanos() / 1000;
            }
            masterDownMicros = computeMasterDown();
            masterAddress = advert.source();
            masterPriority = priority;
            nextMasterReason = TransitionReason.MASTER_NO_RESPONSE;
            if (preemptDelayNanos > 0) {
                // The delay starts with the first lower priority advert after entering BACKUP, and
                // is cancelled by an advert we would not preempt anyway.
                if (priority >= effectivePriority) {
                    preemptDelayRunning = false;
                } else if (!preemptDelayRunning) {
                    preemptDelayRunning = true;
                    preemptDelayEnd = now + preemptDelayNanos;
                }
            }
            // Held in BACKUP by the sync group, we wanted MASTER; a master we accept changes that.
            wantState = VrrpState.BACKUP;
            armProtocolTimer(now);
        } else {
            // Lower priority and we preempt: ignore it and let master_down run out (RFC 5798
            // §6.4.2 "discard"). The timer keeps its old expiry.
            nextMasterReason = TransitionReason.PREEMPTED;
            masterAddress = advert.source();
        }
    }

    /** The master_down timer ran out (keepalived's vrrp_goto_master). */
    void backupTimerExpired(long now, ActionSink out) {
        if (protocolDeadline > now) {
            return;
        }
        wantState = VrrpState.MASTER;
        gotoMaster(now, out);
        if (group != null && state == VrrpState.MASTER) {
            group.syncMaster(this, now, out);
        }
    }

    /** keepalived's vrrp_state_master_rx (vrrp.c), RFC 5798 §6.4.3. */
    void masterReceiveAdvert(AdvertReceived advert, long now, ActionSink out) {
        int priority = advert.priority();
        int addressOrder = AddressOrder.compare(advert.source(), params.primaryAddress());
        boolean theyWin = priority > effectivePriority || (priority == effectivePriority && addressOrder > 0);
        if (priority == 0 || (params.higherPrioSendAdvert() && theyWin)) {
            out.emit(this, SendAdvert.of(effectivePriority));
            if (priority == 0) {
                restartAdvertTimerAfterReceive(now);
                return;
            }
        }
        if (priority < effectivePriority || (priority == effectivePriority && addressOrder < 0)) {
            answerLowerPriority(advert, now, out);
            restartAdvertTimerAfterReceive(now);
            return;
        }
        if (theyWin) {
            if (params.version() == 3) {
                masterAdvertIntervalMicros = advert.advertInterval().toNanos() / 1000;
            }
            masterAddress = advert.source();
            masterPriority = priority;
            wantState = VrrpState.BACKUP;
            leaveMaster(false, TransitionReason.HIGHER_PRIORITY_ADVERT, now, out);
            if (group != null) {
                group.syncBackup(this, now, out);
            }
            return;
        }
        // Equal priority from our own address: a loop or a misconfiguration; keepalived only warns.
        restartAdvertTimerAfterReceive(now);
    }

    /** In MASTER: send the periodic advert and the scheduled GARPs that are due. */
    void masterTimerExpired(long now, ActionSink out) {
        if (garpDelayedDeadline <= now) {
            garpDelayedDeadline = NO_DEADLINE;
            out.emit(this, new VrrpAction.SendGarp(params.garpMasterRepeat()));
        }
        if (garpRefreshDeadline <= now) {
            garpRefreshDeadline = now + garpMasterRefreshNanos;
            out.emit(this, new VrrpAction.SendGarp(params.garpMasterRefreshRepeat()));
        }
        if (garpLowerPrioDeadline <= now) {
            garpLowerPrioDeadline = NO_DEADLINE;
            out.emit(this, new VrrpAction.SendGarp(params.garpLowerPrioRepeat()));
        }
        if (protocolDeadline <= now) {
            masterTransmit(state, now, out);
            protocolDeadline = now + advertIntervalMicros * 1000;
            if (group != null) {
                group.syncMaster(this, now, out);
            }
        }
    }

    void interfaceChanged(VrrpEvent.InterfaceChanged event, long now, ActionSink out) {
        trackerChanged(TrackerSpec.Kind.INTERFACE, event.name(), event.up(), now, out);
    }

    void scriptChanged(VrrpEvent.ScriptChanged event, long now, ActionSink out) {
        trackerChanged(TrackerSpec.Kind.SCRIPT, event.name(), event.ok(), now, out);
    }

    /**
     * keepalived's SNMP write of the base priority (vrrp_snmp.c, vrrp_snmp_instance_priority): the
     * new value takes effect in the next advert; nothing is sent at once.
     */
    void basePriorityChanged(VrrpEvent.BasePriorityChanged event, long now, ActionSink out) {
        basePriority = event.priority();
        updateEffectivePriority(out);
    }

    void preemptChanged(VrrpEvent.PreemptChanged event) {
        preempt = event.preempt();
    }

    /**
     * A reload changed this instance's configuration in ways the protocol lets a running router follow
     * (priority, advert interval, preemption, trackers, garp timings, advert options): applied in place,
     * keeping state, timers and the addresses. What cannot change this way (name, version, primary
     * address, becoming or ceasing to be the address owner) is refused; the engine restarts such an
     * instance instead.
     *
     * <p>A master goes on advertising without a gap: with a new interval, the next advert comes at the
     * earlier of its old time and now + the new interval. A new priority is in effect at once (the
     * engine sends it); a master lowered below a backup is then preempted by it, as RFC 5798 wants. A
     * tracker kept by name keeps its state; a new one starts from {@code known} (null: the usual initial
     * state). A tracker change that faults the instance, or clears its fault, acts as at run time.
     *
     * @param base    the base priority to run with: the configured one, or an SNMP override that survived
     * @param preempt likewise for preemption
     * @param known   the current state of a tracker the instance did not track before, or null
     */
    public void reconfigure(VrrpParameters next, int base, boolean preempt,
                            java.util.function.BiFunction<TrackerSpec.Kind, String, Boolean> known,
                            long now, ActionSink out) {
        if (!next.name().equals(params.name()) || next.version() != params.version()
                || !next.primaryAddress().equals(params.primaryAddress())
                || (next.priority() == 255) != (params.priority() == 255) || (base == 255) != (basePriority == 255)) {
            throw new IllegalArgumentException(name() + ": this change needs a restart, not a reconfiguration");
        }
        boolean wasFaulted = trackers.faulted();
        long oldInterval = advertIntervalMicros;
        long oldMasterDown = masterDownMicros;
        useParameters(next);
        trackers = new TrackerSet(next.trackers(), trackers, known);
        this.preempt = preempt;
        if (preemptDelayNanos == 0) {
            preemptDelayRunning = false;
        }
        if (advertIntervalMicros != oldInterval) {
            if (state == VrrpState.MASTER) {
                masterAdvertIntervalMicros = advertIntervalMicros;
                protocolDeadline = Math.min(protocolDeadline, now + advertIntervalMicros * 1000);
            } else if (state != VrrpState.BACKUP || params.version() == 2) {
                // a v3 backup keeps the master's interval, learnt from its adverts
                masterAdvertIntervalMicros = advertIntervalMicros;
            }
        }
        if (garpMasterRefreshNanos == 0) {
            garpRefreshDeadline = NO_DEADLINE;
        } else if (vipsSet && garpRefreshDeadline == NO_DEADLINE) {
            garpRefreshDeadline = now + garpMasterRefreshNanos;
        }
        basePriority = base;
        if (!isAddressOwner()) {
            int effective = priorityFromTrackers(basePriority);
            if (effective != effectivePriority) {
                setEffectivePriority(effective, out);
            }
        }
        masterDownMicros = computeMasterDown();
        if (state == VrrpState.BACKUP && protocolDeadline != NO_DEADLINE) {
            // the interval or the skew changed: move the running master_down expiry by the difference
            protocolDeadline += (masterDownMicros - oldMasterDown) * 1000;
        }
        if (state == VrrpState.INIT || state == VrrpState.STOP) {
            return;
        }
        boolean faulted = trackers.faulted();
        if (!wasFaulted && faulted) {
            downInstance(now, out);
        } else if (wasFaulted && !faulted && !trackers.pending()) {
            tryUpInstance(now, out);
        }
    }

    /** Whether the virtual addresses are set (a master, or a master on its way out). */
    public boolean vipsSet() {
        return vipsSet;
    }

    private void useParameters(VrrpParameters p) {
        params = p;
        advertIntervalMicros = VrrpTiming.normalizedAdvertIntervalMicros(p.advertInterval(), p.version());
        preemptDelayNanos = p.preemptDelay().toNanos();
        garpMasterDelayNanos = p.garpMasterDelay().toNanos();
        garpMasterRefreshNanos = p.garpMasterRefresh().toNanos();
        garpLowerPrioDelayNanos = p.garpLowerPrioDelay().toNanos();
    }

    /** keepalived's restore_vrrp_interfaces at shutdown: a master says goodbye with priority 0. */
    void stop(long now, ActionSink out) {
        if (state == VrrpState.MASTER) {
            out.emit(this, SendAdvert.of(0));
            removeVips(out);
        }
        protocolDeadline = NO_DEADLINE;
        enter(VrrpState.STOP, TransitionReason.STOP_REQUESTED, out);
        if (group != null) {
            group.memberStopped(this, out);
        }
    }

    // ---------------------------------------------------------------- transitions (also used by SyncGroup)

    /** keepalived's vrrp_state_goto_master: a sync group may hold us in BACKUP wanting MASTER. */
    void gotoMaster(long now, ActionSink out) {
        if (group != null && !group.canGoToMaster(this, now)) {
            wantState = VrrpState.MASTER;
            return;
        }
        VrrpState from = state;
        state = VrrpState.MASTER;
        protocolDeadline = now + advertIntervalMicros * 1000;
        masterTransmit(from, now, out);
    }

    /**
     * keepalived's vrrp_state_leave_master. Going to FAULT always sends a priority 0 advert, and
     * {@code sayGoodbye} (a tracker put us in FAULT) sends a second one: keepalived does both.
     */
    void leaveMaster(boolean sayGoodbye, TransitionReason reason, long now, ActionSink out) {
        if (wantState == VrrpState.BACKUP) {
            preemptDelayRunning = false;
        } else {
            out.emit(this, SendAdvert.of(0));
        }
        if (sayGoodbye) {
            out.emit(this, SendAdvert.of(0));
        }
        removeVips(out);
        enter(wantState, reason, out);
        masterDownMicros = computeMasterDown();
        armProtocolTimer(now);
    }

    /** keepalived's vrrp_state_leave_fault: to wantstate, from FAULT, INIT or (forced) BACKUP/MASTER. */
    void leaveFault(TransitionReason reason, long now, ActionSink out) {
        if (wantState == VrrpState.MASTER) {
            gotoMaster(now, out);
        } else {
            if (wantState == VrrpState.FAULT && state == VrrpState.MASTER) {
                out.emit(this, SendAdvert.of(0));
                removeVips(out);
            }
            enter(wantState, reason, out);
            if (state == VrrpState.BACKUP) {
                preemptDelayRunning = false;
            }
        }
        masterAdvertIntervalMicros = advertIntervalMicros;
        masterDownMicros = computeMasterDown();
        armProtocolTimer(now);
    }

    void setWantState(VrrpState value) {
        wantState = value;
    }

    void setNextMasterReason(TransitionReason reason) {
        nextMasterReason = reason;
    }

    TransitionReason nextMasterReason() {
        return nextMasterReason;
    }

    /** A sync group held us back: wait a full master_down again (vrrp_sync_can_goto_master). */
    void rearmMasterDown(long now) {
        masterDownMicros = computeMasterDown();
        armProtocolTimer(now);
    }

    /** garp_lower_prio_* on behalf of a sync group peer that heard a lower priority master. */
    void refreshGarpForLowerPriority(long now, ActionSink out) {
        if (params.garpLowerPrioRepeat() == 0 || !vipsSet) {
            return; // keepalived sends link updates only while the addresses are set
        }
        out.emit(this, new VrrpAction.SendGarp(params.garpLowerPrioRepeat()));
        if (garpLowerPrioDelayNanos > 0) {
            garpLowerPrioDeadline = now + garpLowerPrioDelayNanos;
        }
    }

    // ---------------------------------------------------------------- internals

    private void trackerChanged(TrackerSpec.Kind kind, String name, boolean up, long now, ActionSink out) {
        boolean wasFaulted = trackers.faulted();
        boolean wasPending = trackers.pending();
        if (!trackers.update(kind, name, up)) {
            return;
        }
        updateEffectivePriority(out);
        if (state == VrrpState.INIT) {
            return; // startup looks at the trackers
        }
        boolean faulted = trackers.faulted();
        if (!wasFaulted && faulted) {
            downInstance(now, out);
        } else if ((wasFaulted || wasPending) && !faulted && !trackers.pending()
                && (wasFaulted || state == VrrpState.FAULT)) {
            // A script that was pending held the instance in FAULT; one a reload added to a running
            // instance did not, and its first result must not pull a master back to BACKUP.
            tryUpInstance(now, out);
        }
    }

    /** keepalived's down_instance (vrrp_track.c). */
    private void downInstance(long now, ActionSink out) {
        wantState = VrrpState.FAULT;
        if (state == VrrpState.MASTER) {
            leaveMaster(true, TransitionReason.FAULT, now, out);
        } else {
            leaveFault(TransitionReason.FAULT, now, out);
        }
        if (group != null) {
            group.syncFault(this, now, out);
        }
    }

    /** keepalived's try_up_instance (vrrp_scheduler.c). */
    private void tryUpInstance(long now, ActionSink out) {
        wantState = wantState == VrrpState.MASTER && isAddressOwner() ? VrrpState.MASTER : VrrpState.BACKUP;
        masterAdvertIntervalMicros = advertIntervalMicros;
        if (group != null && group.anyMemberWaiting()) {
            return; // the last member to recover brings the group up
        }
        VrrpState wanted = wantState;
        if (group != null && wantState == VrrpState.MASTER && !group.canGoToMaster(this, now)) {
            wantState = VrrpState.BACKUP;
        }
        leaveFault(TransitionReason.FAULT_CLEARED, now, out);
        wantState = wanted;
        if (group != null) {
            if (state == VrrpState.MASTER) {
                group.syncMaster(this, now, out);
            } else {
                group.syncBackup(this, now, out);
            }
        }
    }

    /** keepalived's vrrp_state_master_tx: the advert first, so the old master drops the addresses. */
    private void masterTransmit(VrrpState from, long now, ActionSink out) {
        out.emit(this, SendAdvert.of(effectivePriority));
        if (!vipsSet) {
            becomeMaster(from, now, out);
        }
    }

    /** keepalived's vrrp_state_become_master. */
    private void becomeMaster(VrrpState from, long now, ActionSink out) {
        if (isAddressOwner() && effectivePriority != 255) {
            setEffectivePriority(255, out);
        }
        masterAdvertIntervalMicros = advertIntervalMicros;
        out.emit(this, VrrpAction.ADD_VIPS);
        vipsSet = true;
        out.emit(this, new VrrpAction.SendGarp(params.garpMasterRepeat()));
        if (garpMasterDelayNanos > 0) {
            garpDelayedDeadline = now + garpMasterDelayNanos;
        }
        if (garpMasterRefreshNanos > 0) {
            garpRefreshDeadline = now + garpMasterDelayNanos + garpMasterRefreshNanos;
        }
        out.emit(this, new VrrpAction.StateChanged(from, VrrpState.MASTER, nextMasterReason));
    }

    /**
     * A lower priority router is master too (a split healed): assert ourselves with an advert
     * (unless lower_prio_no_advert) and refresh the neighbours' ARP caches (garp_lower_prio_*),
     * for every sync group member too.
     */
    private void answerLowerPriority(AdvertReceived advert, long now, ActionSink out) {
        if (!params.lowerPrioNoAdvert()) {
            out.emit(this, SendAdvert.of(effectivePriority));
        }
        refreshGarpForLowerPriority(now, out);
        if (group != null) {
            group.refreshGarpForLowerPriority(this, now, out);
        }
        out.emit(this, new VrrpAction.LowerPriorityAdvertReceived(advert.source(), advert.priority()));
    }

    /** keepalived restarts the advert timer after any advert received as master (we just sent one). */
    private void restartAdvertTimerAfterReceive(long now) {
        if (!params.lowerPrioNoAdvert()) {
            protocolDeadline = now + advertIntervalMicros * 1000;
        }
    }

    private boolean preemptDelayHolds(long now) {
        return preemptDelayNanos > 0 && (!preemptDelayRunning || preemptDelayEnd > now);
    }

    private void removeVips(ActionSink out) {
        if (vipsSet) {
            out.emit(this, VrrpAction.REMOVE_VIPS);
            vipsSet = false;
        }
        // Delayed and periodic GARPs stop with the addresses (keepalived sends them only while set).
        garpDelayedDeadline = NO_DEADLINE;
        garpRefreshDeadline = NO_DEADLINE;
        garpLowerPrioDeadline = NO_DEADLINE;
    }

    private void enter(VrrpState next, TransitionReason reason, ActionSink out) {
        VrrpState from = state;
        state = next;
        if (from != next) {
            out.emit(this, new VrrpAction.StateChanged(from, next, reason));
        }
    }

    /** keepalived's vrrp_init_instance_sands. */
    private void armProtocolTimer(long now) {
        protocolDeadline = switch (state) {
            case MASTER -> now + advertIntervalMicros * 1000;
            case BACKUP -> now + masterDownMicros * 1000;
            default -> NO_DEADLINE;
        };
    }

    /** keepalived's vrrp_set_effective_priority (vrrp_track.c). */
    private void updateEffectivePriority(ActionSink out) {
        if (isAddressOwner()) {
            // keepalived never recomputes an owner's priority, even when SNMP just made it the
            // owner; it becomes 255 when the instance next becomes master.
            return;
        }
        int next = priorityFromTrackers(basePriority);
        if (next == effectivePriority) {
            return;
        }
        long oldMasterDown = masterDownMicros;
        setEffectivePriority(next, out);
        masterDownMicros = computeMasterDown();
        if (state == VrrpState.BACKUP && protocolDeadline != NO_DEADLINE) {
            // The skew changed: move the running master_down expiry by the difference.
            protocolDeadline += (masterDownMicros - oldMasterDown) * 1000;
        }
    }

    /** total_priority clamped to 1..254: trackers can neither silence us nor make us owner. */
    private int priorityFromTrackers(int base) {
        if (base == 255) {
            return 255;
        }
        int total = base + trackers.priorityAdjustment();
        return Math.max(1, Math.min(254, total));
    }

    private void setEffectivePriority(int next, ActionSink out) {
        int previous = effectivePriority;
        effectivePriority = next;
        out.emit(this, new VrrpAction.EffectivePriorityChanged(previous, next));
    }

    private long computeMasterDown() {
        return VrrpTiming.masterDownMicros(params.version(), params.downTimerAdverts(), basePriority,
                effectivePriority, masterAdvertIntervalMicros);
    }

    private long skewMicros() {
        return VrrpTiming.skewMicros(params.version(), basePriority, effectivePriority, masterAdvertIntervalMicros);
    }

    @Override
    public String toString() {
        return name() + "[" + state + " prio " + effectivePriority + "]";
    }
}
