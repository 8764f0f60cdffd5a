package org.keepalive4j.vrrp.engine;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Function;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.keepalive4j.config.model.VrrpSyncGroup;
import org.keepalive4j.mib.KeepalivedMib;
import org.keepalive4j.vrrp.fsm.ActionSink;
import org.keepalive4j.vrrp.fsm.VrrpAction;
import org.keepalive4j.vrrp.fsm.VrrpState;
import org.keepalive4j.vrrp.fsm.VrrpStateMachine;

/**
 * Carries out what the state machines ask for: adverts, virtual addresses, gratuitous ARP / NA, the MIB
 * rows (whose setters raise the traps), notify scripts and one log line per event for operators. Loop
 * thread only.
 */
final class ActionExecutor implements ActionSink {

    private static final Logger LOG = LogManager.getLogger(ActionExecutor.class);

    private final Map<VrrpStateMachine, Instance> instances = new IdentityHashMap<>();
    private final KeepalivedMib mib;
    private final VirtualAddresses vips;
    private final Announcements announcements;
    private final Notifier notifier;
    private final Function<String, VrrpSyncGroup> groupConfig;
    private final boolean keepVipsAtStop;
    private boolean daemonStopping;

    /**
     * @param keepVipsAtStop -V (--dont-release-vrrp): leave the addresses in place when the daemon stops
     */
    ActionExecutor(KeepalivedMib mib, VirtualAddresses vips, Announcements announcements, Notifier notifier,
                   Function<String, VrrpSyncGroup> groupConfig, boolean keepVipsAtStop) {
        this.mib = mib;
        this.vips = vips;
        this.announcements = announcements;
        this.notifier = notifier;
        this.groupConfig = groupConfig;
        this.keepVipsAtStop = keepVipsAtStop;
    }

    void add(Instance instance) {
        instances.put(instance.machine(), instance);
    }

    void remove(Instance instance) {
        instances.remove(instance.machine());
    }

    /** From now on the stop is the daemon's (not a reload's), so -V applies. */
    void daemonStopping() {
        daemonStopping = true;
    }

    @Override
    public void emit(VrrpStateMachine machine, VrrpAction action) {
        Instance instance = instances.get(machine);
        if (instance == null) {
            LOG.warn("VRRP: action {} for unknown instance {}", action, machine.name());
            return;
        }
        if (action instanceof VrrpAction.SendAdvert send) {
            instance.sendAdvert(send.priority());
        } else if (action instanceof VrrpAction.AddVips) {
            vips.add(instance);
        } else if (action instanceof VrrpAction.RemoveVips) {
            removeVips(instance);
        } else if (action instanceof VrrpAction.SendGarp garp) {
            announcements.announce(instance, garp.repeat());
        } else if (action instanceof VrrpAction.StateChanged changed) {
            stateChanged(instance, changed);
        } else if (action instanceof VrrpAction.EffectivePriorityChanged changed) {
            LOG.info("({}) Changing effective priority from {} to {}", instance.name(), changed.from(), changed.to());
            instance.row().setEffectivePriority(changed.to());
        } else if (action instanceof VrrpAction.LowerPriorityAdvertReceived lower) {
            LOG.info("({}) Received advert from {} with lower priority {}, ours {}, forcing new election",
                    instance.name(), lower.source().getHostAddress(), lower.priority(), machine.effectivePriority());
            notifier.lowerPriorityMaster(instance.name(), instance.config().notifyScripts());
        } else if (action instanceof VrrpAction.GroupStateChanged changed) {
            groupStateChanged(changed);
        }
    }

    private void removeVips(Instance instance) {
        if (daemonStopping && keepVipsAtStop) {
            LOG.info("({}) Leaving VIPs in place (--dont-release-vrrp)", instance.name());
            return;
        }
        vips.remove(instance);
    }

    private void stateChanged(Instance instance, VrrpAction.StateChanged changed) {
        VrrpState to = changed.to();
        LOG.info("({}) Entering {} STATE{}", instance.name(), to,
                changed.reason() == null ? "" : " (" + changed.reason().name().toLowerCase().replace('_', ' ') + ")");
        InstanceCounters counters = instance.counters();
        if (to == VrrpState.MASTER) {
            counters.becameMaster++;
        }
        if (changed.from() == VrrpState.MASTER) {
            counters.releasedMaster++;
        }
        org.keepalive4j.mib.vrrp.VrrpState mibState = MibStates.of(to);
        instance.row().setState(mibState);
        instance.publishWantedState();
        // keepalived (send_instance_notifies): a sync group member that already told its state once does
        // not notify again when it merely follows its group.
        var group = instance.machine().syncGroup();
        if (instance.notifiesSent() && group != null && group.state() == to) {
            return;
        }
        instance.markNotifiesSent();
        notifier.instanceState(instance.name(), instance.config().notifyScripts(), to,
                instance.machine().effectivePriority());
    }

    private void groupStateChanged(VrrpAction.GroupStateChanged changed) {
        LOG.info("VRRP_Group({}) Syncing instances to {} state", changed.group(), changed.to());
        mib.vrrp().syncGroup(changed.group()).ifPresent(row -> row.setState(MibStates.of(changed.to())));
        VrrpSyncGroup config = groupConfig.apply(changed.group());
        if (config != null) {
            notifier.groupState(changed.group(), config.notifyScripts(), changed.to());
        }
    }
}
