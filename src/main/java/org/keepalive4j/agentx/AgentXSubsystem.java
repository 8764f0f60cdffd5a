package org.keepalive4j.agentx;

import org.keepalive4j.mib.SysOrEntry;
import java.util.List;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.keepalive4j.mib.NotificationSink;
import org.snmp4j.agent.MOServer;

/**
 * The daemon's handle on SNMP: serves a ready MOServer to the AgentX master as a subagent and delivers
 * notifications. {@link #start} returns at once, whether or not the master is there; nothing here ever
 * runs on the caller's thread except {@link #stop()}, which is bounded.
 *
 * <pre>{@code
 * AgentXSubsystem snmp = AgentXSubsystem.start(moServer, sysOREntries, MasterAddress.parse(snmpSocket),
 *         AgentXSettings.defaults());
 * NotificationSink traps = snmp.sink();   // hand to the engines
 * ...
 * snmp.stop();
 * }</pre>
 *
 * Threads: {@code agentx-supervisor} (connect, open, register, ping, reconnect), {@code agentx-io <master>}
 * (one per connection: reads the master's requests and answers them from the MOServer inline),
 * {@code agentx-notify} (delivers queued notifications), and SNMP4J's request-timeout timer.
 */
public final class AgentXSubsystem implements AutoCloseable {

    private static final Logger LOG = LogManager.getLogger(AgentXSubsystem.class);

    private final SubagentSupervisor supervisor;
    private final AsyncNotificationSender sender;
    private final AgentXSettings settings;
    private boolean stopped;

    private AgentXSubsystem(SubagentSupervisor supervisor, AsyncNotificationSender sender, AgentXSettings settings) {
        this.supervisor = supervisor;
        this.sender = sender;
        this.settings = settings;
    }

    /**
     * Starts serving {@code server} (default context) to the master at {@code master}, announcing
     * {@code agentCaps} in its sysORTable. Returns immediately; the session comes up in the background
     * and comes back by itself whenever the master restarts.
     */
    public static AgentXSubsystem start(MOServer server, List<SysOrEntry> agentCaps, MasterAddress master,
            AgentXSettings settings) {
        Snmp4jSubagent subagent = Snmp4jSubagent.create(server, settings.subagentId(), settings.description());
        SubagentSupervisor supervisor = new SubagentSupervisor(subagent, agentCaps, master, settings);
        AsyncNotificationSender sender = new AsyncNotificationSender(settings.queueCapacity(), supervisor,
                AsyncNotificationSender.Delivery.AGENTX_NOTIFY,
                settings.notifyTimeout().toMillis());
        supervisor.start();
        sender.start();
        LOG.info("AgentX: subagent started for master {}", master);
        return new AgentXSubsystem(supervisor, sender, settings);
    }

    /** Where to raise notifications; {@code send} never blocks. */
    public NotificationSink sink() {
        return sender;
    }

    public SubagentState state() {
        return supervisor.state();
    }

    public AgentXStats stats() {
        return new AgentXStats(supervisor.master(), supervisor.state(), supervisor.registeredRegions(),
                supervisor.connectAttempts(), supervisor.reconnects(), supervisor.lastError(), sender.queued(),
                sender.sent(), sender.dropped(), sender.rejected(), sender.retried(), sender.pending());
    }

    /**
     * Stops delivering notifications, closes the session politely when the master answers, and returns
     * within the settings' stop timeout whatever the master does. Idempotent.
     */
    public synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        long bound = settings.stopTimeout().toMillis();
        try {
            // the sender first: it may be waiting on a Notify, which the session close would cut short anyway
            sender.stop(bound / 3);
            supervisor.stop(bound - bound / 3);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop();
    }
}
