package org.keepalive4j.mib;

import java.util.ArrayList;
import java.util.List;
import org.keepalive4j.config.model.GlobalDefs;
import org.keepalive4j.config.model.KeepalivedConfig;
import org.keepalive4j.mib.check.CheckTables;
import org.keepalive4j.mib.global.GlobalScalars;
import org.keepalive4j.mib.trap.TrapBuilder;
import org.keepalive4j.mib.trap.TrapEmitter;
import org.keepalive4j.mib.vrrp.VrrpTables;
import org.snmp4j.agent.DefaultMOServer;
import org.snmp4j.agent.DuplicateRegistrationException;
import org.snmp4j.agent.MOServer;
import org.snmp4j.agent.ManagedObject;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;

/**
 * KEEPALIVED-MIB as the model of the daemon: built from the configuration, read and written by the
 * engines through typed row views ({@link #vrrp()}, {@link #check()}), served by the AgentX subagent
 * through {@link #server()}.
 *
 * <p>{@link #reload} and {@link #build} must not run concurrently with each other (the daemon's
 * reload thread); everything else may be called from any thread.
 */
public final class KeepalivedMib {

    private final MibOptions options;
    private final TrapEmitter traps;
    private final GlobalScalars global = new GlobalScalars();
    private final VrrpTables vrrp;
    private final CheckTables check;
    private final DefaultMOServer server = new DefaultMOServer();

    private KeepalivedMib(MibOptions options, GlobalDefs g) {
        this.options = options;
        this.traps = new TrapEmitter(options.sink(), trapSettings(g));
        this.vrrp = new VrrpTables(traps, options.interfaceIndex());
        this.check = new CheckTables(traps);
    }

    public static KeepalivedMib build(KeepalivedConfig config, MibOptions options) {
        KeepalivedMib mib = new KeepalivedMib(options, config.global());
        mib.reload(config);
        try {
            mib.registerWith(mib.server);
        } catch (DuplicateRegistrationException e) {
            throw new IllegalStateException("KEEPALIVED-MIB registered twice in its own server", e);
        }
        return mib;
    }

    /** A server holding exactly this MIB, for the subagent (default context). */
    public MOServer server() {
        return server;
    }

    /** Registers every KEEPALIVED-MIB object into {@code target} in the default context. */
    public void registerWith(MOServer target) throws DuplicateRegistrationException {
        for (ManagedObject<?> mo : managedObjects()) {
            target.register(mo, (OctetString) null);
        }
    }

    /** The subtree the subagent registers with the master: all of KEEPALIVED-MIB. */
    public OID subtree() {
        return new OID(KeepalivedOids.KEEPALIVED);
    }

    /** keepalived's sysORTable entries: one per part of the module. */
    public List<SysOrEntry> sysOrEntries() {
        return List.of(new SysOrEntry(KeepalivedOids.GLOBAL, "The MIB module for Keepalived"),
                new SysOrEntry(KeepalivedOids.VRRP, "The MIB module for KEEPALIVED-VRRP"),
                new SysOrEntry(KeepalivedOids.CHECK, "The MIB module for Healthchecker"));
    }

    /**
     * Brings the rows in line with {@code newConfig}: unchanged objects keep their rows, state and
     * SNMP overrides; changed ones are updated in place (an override of a field the file changed is
     * dropped); removed ones disappear; new ones get indexes never used before.
     */
    public synchronized MibReload reload(KeepalivedConfig newConfig) {
        GlobalDefs g = newConfig.global();
        TrapEmitter.Settings settings = trapSettings(g);
        traps.update(settings);
        global.apply(g, options.version(), settings.routerId());
        return new MibReload(vrrp.apply(newConfig), check.apply(newConfig));
    }

    public VrrpTables vrrp() {
        return vrrp;
    }

    public CheckTables check() {
        return check;
    }

    private List<ManagedObject<?>> managedObjects() {
        List<ManagedObject<?>> all = new ArrayList<>(global.managedObjects());
        all.addAll(vrrp.managedObjects());
        all.addAll(check.managedObjects());
        return all;
    }

    private TrapEmitter.Settings trapSettings(GlobalDefs g) {
        String routerId = g.routerId() != null ? g.routerId() : options.hostName().get();
        boolean indexed = options.indexedTrapVarbinds() || g.snmpTrapIndexedVarbinds();
        return new TrapEmitter.Settings(g.enableTraps(), new TrapBuilder(indexed), routerId);
    }
}
