package org.keepalive4j.vrrp.fsm;

import java.util.List;

/**
 * A vrrp_sync_group: its members change state together, following keepalived's vrrp_sync.c.
 * <ul>
 * <li>A member goes MASTER only when every other member wants MASTER too (its own master_down
 * timer ran out) or the group already is MASTER; until then it stays BACKUP wanting MASTER and
 * waits another master_down. The member that completes the set pulls the others to MASTER.</li>
 * <li>A member leaving MASTER for BACKUP (higher priority advert) pulls the others to BACKUP.</li>
 * <li>A member entering FAULT pushes the others to FAULT (a master among them sends priority 0).
 * The group stays in FAULT until no member has a fault of its own; the last to recover brings the
 * whole group to BACKUP.</li>
 * </ul>
 * Group state changes are reported as {@link VrrpAction.GroupStateChanged}, emitted for the member
 * that caused them.
 */
public final class SyncGroup {

    private final String name;
    private final List<VrrpStateMachine> members;
    private VrrpState state = VrrpState.INIT;

    public SyncGroup(String name, List<VrrpStateMachine> members) {
        this.name = name;
        this.members = List.copyOf(members);
        for (VrrpStateMachine member : this.members) {
            member.joinGroup(this);
        }
    }

    public String name() {
        return name;
    }

    public VrrpState state() {
        return state;
    }

    public List<VrrpStateMachine> members() {
        return members;
    }

    /**
     * The state the group starts in, decided when its first member starts (keepalived's
     * vrrp_sync_set_group and initialise_tracking_priorities): FAULT if a member is faulted, MASTER
     * only if every member is an address owner configured MASTER, else BACKUP.
     */
    VrrpState startupState(long now, VrrpStateMachine starting, ActionSink out) {
        if (state == VrrpState.INIT) {
            boolean allOwnersWantingMaster = true;
            boolean anyFaulted = false;
            for (VrrpStateMachine member : members) {
                allOwnersWantingMaster &= member.isAddressOwner() && member.wantState() == VrrpState.MASTER;
                anyFaulted |= member.faultedByTrackers();
            }
            VrrpState initial = anyFaulted ? VrrpState.FAULT
                    : allOwnersWantingMaster ? VrrpState.MASTER : VrrpState.BACKUP;
            if (!anyMemberWaiting() || anyFaulted) {
                setState(initial, starting, out);
            }
            return initial;
        }
        return state;
    }

    /** A member is faulted or still waits for its first script result (num_member_fault/init). */
    boolean anyMemberWaiting() {
        for (VrrpStateMachine member : members) {
            if (member.faultedByTrackers() || member.waitingForScripts()) {
                return true;
            }
        }
        return false;
    }

    /** keepalived's vrrp_sync_can_goto_master: prefer BACKUP to avoid thrashing. */
    boolean canGoToMaster(VrrpStateMachine member, long now) {
        if (state == VrrpState.MASTER) {
            return true;
        }
        for (VrrpStateMachine other : members) {
            if (other != member && other.wantState() != VrrpState.MASTER) {
                member.rearmMasterDown(now);
                return false;
            }
        }
        return true;
    }

    /** keepalived's vrrp_sync_master. */
    void syncMaster(VrrpStateMachine initiator, long now, ActionSink out) {
        if (state == VrrpState.MASTER || !canGoToMaster(initiator, now)) {
            return;
        }
        for (VrrpStateMachine other : members) {
            if (other != initiator && other.state() != VrrpState.MASTER && other.state() != VrrpState.STOP) {
                other.setWantState(VrrpState.MASTER);
                other.setNextMasterReason(initiator.nextMasterReason());
                other.gotoMaster(now, out);
            }
        }
        setState(VrrpState.MASTER, initiator, out);
    }

    /** keepalived's vrrp_sync_backup. */
    void syncBackup(VrrpStateMachine initiator, long now, ActionSink out) {
        if (state == VrrpState.BACKUP) {
            return;
        }
        for (VrrpStateMachine other : members) {
            VrrpState s = other.state();
            if (other == initiator || s == VrrpState.BACKUP || s == VrrpState.STOP) {
                continue;
            }
            other.setWantState(VrrpState.BACKUP);
            if (s == VrrpState.MASTER) {
                other.leaveMaster(false, TransitionReason.SYNC_GROUP, now, out);
            } else {
                other.leaveFault(TransitionReason.SYNC_GROUP, now, out);
            }
        }
        setState(VrrpState.BACKUP, initiator, out);
    }

    /** keepalived's vrrp_sync_fault. */
    void syncFault(VrrpStateMachine initiator, long now, ActionSink out) {
        if (state == VrrpState.FAULT) {
            return;
        }
        for (VrrpStateMachine other : members) {
            VrrpState s = other.state();
            if (other == initiator || s == VrrpState.FAULT || s == VrrpState.STOP) {
                continue;
            }
            other.setWantState(VrrpState.FAULT);
            if (s == VrrpState.MASTER) {
                other.leaveMaster(false, TransitionReason.SYNC_GROUP, now, out);
            } else {
                other.leaveFault(TransitionReason.SYNC_GROUP, now, out);
            }
        }
        setState(VrrpState.FAULT, initiator, out);
    }

    /** A master heard a lower priority master: every member refreshes ARP caches (vrrp.c). */
    void refreshGarpForLowerPriority(VrrpStateMachine initiator, long now, ActionSink out) {
        for (VrrpStateMachine other : members) {
            if (other != initiator) {
                other.refreshGarpForLowerPriority(now, out);
            }
        }
    }

    void memberStopped(VrrpStateMachine member, ActionSink out) {
        for (VrrpStateMachine other : members) {
            if (other.state() != VrrpState.STOP) {
                return;
            }
        }
        setState(VrrpState.STOP, member, out);
    }

    private void setState(VrrpState next, VrrpStateMachine cause, ActionSink out) {
        VrrpState from = state;
        state = next;
        if (from != next) {
            out.emit(cause, new VrrpAction.GroupStateChanged(name, from, next));
        }
    }
}
