package org.keepalive4j.daemon;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.keepalive4j.agentx.AgentXSettings;
import org.keepalive4j.agentx.AgentXSubsystem;
import org.keepalive4j.agentx.MasterAddress;
import org.keepalive4j.config.model.KeepalivedConfig;
import org.keepalive4j.mib.KeepalivedMib;
import org.keepalive4j.mib.MibOptions;
import org.keepalive4j.mib.MibReload;

/**
 * The KEEPALIVED-MIB model: built first (engines read their parameters from its rows and write
 * their state into them) and rebuilt-by-diff on reload, whether or not SNMP is served. With -x it is
 * also served to the master agent through the AgentX subagent, which never blocks the engines.
 */
final class MibSubsystem implements Subsystem {

    private static final Logger LOG = LogManager.getLogger(MibSubsystem.class);

    private final MibOptions options;
    private final boolean serveSnmp;
    private final String agentSocketOverride;
    private final ForwardingSink traps = new ForwardingSink();
    private volatile KeepalivedMib mib;
    private volatile MibReload lastReload;
    private AgentXSubsystem agentx;

    /**
     * @param serveSnmp           -x: connect to the master agent
     * @param agentSocketOverride -A, or null for global_defs snmp_socket, or else the AgentX default
     */
    MibSubsystem(MibOptions options, boolean serveSnmp, String agentSocketOverride) {
        this.options = options.withSink(traps);
        this.serveSnmp = serveSnmp;
        this.agentSocketOverride = agentSocketOverride;
    }

    @Override
    public String name() {
        return "MIB";
    }

    /** The model; valid after {@link #start}. Engines started later in the list may keep it. */
    KeepalivedMib mib() {
        KeepalivedMib m = mib;
        if (m == null) {
            throw new IllegalStateException("the MIB is not built yet");
        }
        return m;
    }

    /** What the last reload changed, for engines that reload after this subsystem. */
    MibReload lastReload() {
        return lastReload;
    }

    @Override
    public void start(KeepalivedConfig config) {
        mib = KeepalivedMib.build(config, options);
        LOG.info("MIB: {} VRRP instances, {} virtual servers, {} real servers", config.vrrpInstances().size(),
                config.virtualServers().size(), config.realServerCount());
        if (serveSnmp) {
            String socket = agentSocketOverride != null ? agentSocketOverride : config.global().snmpSocket();
            MasterAddress master = socket != null ? MasterAddress.parse(socket) : MasterAddress.DEFAULT;
            // returns at once: connecting, registering and reconnecting happen on the subagent's threads
            agentx = AgentXSubsystem.start(mib.server(), mib.sysOrEntries(), master, AgentXSettings.defaults());
            traps.forwardTo(agentx.sink());
        }
    }

    @Override
    public void reload(KeepalivedConfig config) {
        lastReload = mib.reload(config);
    }

    @Override
    public void stop() {
        if (agentx != null) {
            traps.forwardTo(org.keepalive4j.mib.NotificationSink.DISCARD);
            agentx.stop();
        }
    }

    @Override
    public void appendStats(StringBuilder out) {
        if (agentx != null) {
            out.append(agentx.stats().toText());
        }
    }
}
