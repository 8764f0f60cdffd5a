package org.keepalive4j.mib.global;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.keepalive4j.config.model.GlobalDefs;
import org.keepalive4j.mib.KeepalivedOids;
import org.keepalive4j.mib.schema.EmailColumn;
import org.keepalive4j.mib.table.Cells;
import org.keepalive4j.mib.table.ChildRows;
import org.keepalive4j.mib.table.MibTable;
import org.snmp4j.agent.ManagedObject;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.Variable;

/**
 * The global scalars (keepalived.global, lvsSyncDaemon, lvsTimeouts) and emailTable, filled from
 * global_defs. Email rows are identified by the address; reload runs on one thread.
 */
public final class GlobalScalars {

    private static final OID G = KeepalivedOids.GLOBAL;
    private static final OID MAIL = KeepalivedOids.sub(G, 3);
    private static final OID SYNCD = KeepalivedOids.sub(KeepalivedOids.CHECK, 6);
    private static final OID TIMEOUTS = KeepalivedOids.sub(KeepalivedOids.CHECK, 7);

    private final Map<OID, ConfigScalar> scalars = new LinkedHashMap<>();
    private final MibTable<EmailColumn> emails = new MibTable<>(EmailColumn.ENTRY, EmailColumn.INDEX_LENGTH,
            EmailColumn.class);
    private final ChildRows<String, EmailColumn> emailRows = new ChildRows<>(emails, new OID());

    public List<ManagedObject<?>> managedObjects() {
        List<ManagedObject<?>> all = new ArrayList<>(scalars.values());
        all.add(emails.managedObject());
        return all;
    }

    /**
     * @param version  the version string (keepalived: "Keepalived v2.2.8 (...)")
     * @param routerId global router_id, or the host name when unset
     */
    public void apply(GlobalDefs g, String version, String routerId) {
        set(KeepalivedOids.sub(G, 1), Cells.string(version));
        set(KeepalivedOids.ROUTER_ID, Cells.string(routerId));
        InetAddress smtp = literal(g.smtpServer());
        set(KeepalivedOids.sub(MAIL, 1), Cells.addressType(smtp));
        set(KeepalivedOids.sub(MAIL, 2), Cells.address(smtp));
        set(KeepalivedOids.sub(MAIL, 3), Cells.seconds(g.smtpConnectTimeout()));
        set(KeepalivedOids.sub(MAIL, 4), Cells.string(g.notificationEmailFrom()));
        set(KeepalivedOids.sub(MAIL, 6), g.smtpServer() == null ? null : Cells.unsigned(g.smtpPort()));
        set(KeepalivedOids.sub(MAIL, 7), Cells.truth(!g.otherOptions().containsKey("no_email_faults")));
        set(KeepalivedOids.sub(MAIL, 8), onOffUnset(g.smtpAlert()));
        set(KeepalivedOids.sub(MAIL, 9), onOffUnset(g.smtpAlertVrrp()));
        set(KeepalivedOids.sub(MAIL, 10), onOffUnset(g.smtpAlertChecker()));
        set(KeepalivedOids.sub(G, 4), Cells.truth(g.enableTraps()));
        set(KeepalivedOids.sub(G, 5), Cells.integer(g.otherOptions().containsKey("linkbeat_use_polling") ? 2 : 1));
        set(KeepalivedOids.sub(G, 6), Cells.truth(g.lvsFlush()));
        // keepalive4j reads IPVS statistics with 64-bit counters
        set(KeepalivedOids.sub(G, 7), Cells.truth(true));
        set(KeepalivedOids.sub(G, 8), Cells.string(g.netNamespace()));
        set(KeepalivedOids.sub(G, 9), Cells.truth(false));
        set(KeepalivedOids.sub(G, 10), Cells.truth(g.dynamicInterfaces()));
        set(KeepalivedOids.sub(G, 11), lvsFlushOnStop(g.otherOptions().get("lvs_flush_on_stop")));
        GlobalDefs.LvsSyncDaemon d = g.lvsSyncDaemon();
        set(KeepalivedOids.sub(SYNCD, 1), Cells.truth(d != null));
        set(KeepalivedOids.sub(SYNCD, 2), d == null ? null : Cells.string(d.interfaceName()));
        set(KeepalivedOids.sub(SYNCD, 3), d == null ? null : Cells.string(d.vrrpInstance()));
        set(KeepalivedOids.sub(SYNCD, 4), d == null || d.syncId() == null ? null : Cells.integer(d.syncId()));
        set(KeepalivedOids.sub(SYNCD, 5), d == null || d.maxLen() == null ? null : Cells.integer(d.maxLen()));
        set(KeepalivedOids.sub(SYNCD, 6), d == null || d.port() == null ? null : Cells.integer(d.port()));
        set(KeepalivedOids.sub(SYNCD, 7), d == null || d.ttl() == null ? null : Cells.integer(d.ttl()));
        set(KeepalivedOids.sub(SYNCD, 8), d == null ? null : Cells.addressType(d.group()));
        set(KeepalivedOids.sub(SYNCD, 9), d == null ? null : Cells.address(d.group()));
        GlobalDefs.LvsTimeouts t = g.lvsTimeouts();
        set(KeepalivedOids.sub(TIMEOUTS, 1), t == null ? null : seconds(t.tcp()));
        set(KeepalivedOids.sub(TIMEOUTS, 2), t == null ? null : seconds(t.tcpFin()));
        set(KeepalivedOids.sub(TIMEOUTS, 3), t == null ? null : seconds(t.udp()));
        emailRows.sync(g.notificationEmails(), e -> e,
                (row, e) -> emails.set(row, EmailColumn.ADDRESS, Cells.string(e)));
    }

    private void set(OID object, Variable value) {
        scalars.computeIfAbsent(object, o -> new ConfigScalar(KeepalivedOids.sub(o, 0))).update(value);
    }

    /** on(1), off(2), unset(3). */
    private static Integer32 onOffUnset(Boolean b) {
        return Cells.integer(b == null ? 3 : b ? 1 : 2);
    }

    private static Integer32 lvsFlushOnStop(List<String> args) {
        if (args == null) {
            return Cells.integer(2);
        }
        return Cells.integer(args.contains("VS") ? 3 : 1);
    }

    private static Integer32 seconds(Duration d) {
        return d == null ? null : Cells.integer(d.toSeconds());
    }

    /** smtp_server may be a host name; only a literal is an InetAddress (no DNS from a MIB build). */
    private static InetAddress literal(String s) {
        if (s == null || !(s.indexOf(':') >= 0 || s.matches("[0-9.]+"))) {
            return null;
        }
        try {
            return InetAddress.getByName(s);
        } catch (java.net.UnknownHostException e) {
            return null;
        }
    }
}
