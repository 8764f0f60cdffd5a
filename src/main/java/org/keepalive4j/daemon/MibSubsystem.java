package org.keepalive4j.daemon;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.keepalive4j.config.model.KeepalivedConfig;
import org.keepalive4j.mib.KeepalivedMib;
import org.keepalive4j.mib.MibOptions;
import org.keepalive4j.mib.MibReload;

/**
 * The KEEPALIVED-MIB model: built first (engines read their parameters from its rows and write
 * their state into them) and rebuilt-by-diff on reload, whether or not SNMP is served (-x).
 */
final class MibSubsystem implements Subsystem {

    private static final Logger LOG = LogManager.getLogger(MibSubsystem.class);

    private final MibOptions options;
    private volatile KeepalivedMib mib;
    private volatile MibReload lastReload;

    MibSubsystem(MibOptions options) {
        this.options = options;
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
    }

    @Override
    public void reload(KeepalivedConfig config) {
        lastReload = mib.reload(config);
    }

    @Override
    public void stop() {
        // rows are plain memory; nothing to release
    }
}
