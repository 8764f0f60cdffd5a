package org.keepalive4j.mib.check;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.keepalive4j.config.model.IpFamily;
import org.keepalive4j.config.model.RealServer;
import org.keepalive4j.config.model.VirtualServer;
import org.keepalive4j.config.model.VirtualServerGroup;
import org.keepalive4j.mib.schema.RealServerColumn;
import org.keepalive4j.mib.schema.VirtualServerColumn;
import org.keepalive4j.mib.table.CellRow;
import org.keepalive4j.mib.table.Cells;
import org.keepalive4j.mib.table.Changes;
import org.keepalive4j.mib.table.ConfigEquality;
import org.keepalive4j.mib.table.IndexAllocator;
import org.keepalive4j.mib.table.MibTable;
import org.keepalive4j.mib.table.Reconciler;
import org.keepalive4j.mib.trap.TrapEmitter;
import org.keepalive4j.mib.trap.VirtualServerFacts;
import org.snmp4j.smi.OID;

/**
 * The typed view of one virtualServerTable row, owning its realServerTable rows. Identity: see
 * {@link VirtualServerKey}; a real server's: its address + port within this virtual server.
 *
 * <p>Threads: the check engine calls {@link #setQuorumStatus} and {@link #setAlive}, the IPVS
 * poller {@link #setStats}; real-server status changes update the up count under this object's
 * monitor, so a trap always carries a consistent up/total pair.
 */
public final class VirtualServerRow {

    /** A real server's identity within its virtual server; the sorry server has a null address. */
    record RealServerKey(InetAddress address, Integer port) {
        static final RealServerKey SORRY = new RealServerKey(null, null);
    }

    private final MibTable<VirtualServerColumn> table;
    private final MibTable<RealServerColumn> realServerTable;
    private final CellRow row;
    private final TrapEmitter traps;
    private final IndexAllocator<RealServerKey> realServerIndexes = new IndexAllocator<>();
    private final Map<RealServerKey, RealServerRow> realServers = new LinkedHashMap<>();
    private final Map<OID, RealServerRow> realServerByIndex;
    private volatile VirtualServer config;
    private volatile List<RealServerRow> realServerList = List.of();
    private volatile Map<String, VirtualServerGroup> groups = Map.of();
    private int up; // guarded by this
    private int total; // guarded by this
    private QuorumStatus quorumStatus; // guarded by this

    VirtualServerRow(MibTable<VirtualServerColumn> table, MibTable<RealServerColumn> realServerTable, CellRow row,
                     TrapEmitter traps, Map<OID, RealServerRow> realServerByIndex) {
        this.table = table;
        this.realServerTable = realServerTable;
        this.row = row;
        this.traps = traps;
        this.realServerByIndex = realServerByIndex;
    }

    public OID index() {
        return row.getIndex();
    }

    public VirtualServer config() {
        return config;
    }

    public VirtualServerKey key() {
        return VirtualServerKey.of(config);
    }

    /** The real servers, sorry server first when there is one (keepalived's order). */
    public List<RealServerRow> realServers() {
        return realServerList;
    }

    public synchronized int realServersUp() {
        return up;
    }

    public synchronized QuorumStatus quorumStatus() {
        return quorumStatus;
    }

    /** virtualServerQuorumStatus; sends virtualServerQuorumStateChange when it really changes and traps are on. */
    public synchronized void setQuorumStatus(QuorumStatus status) {
        if (status == quorumStatus) {
            return;
        }
        quorumStatus = status;
        table.set(row, VirtualServerColumn.QUORUM_STATUS, Cells.integer(status.value()));
        traps.emit(s -> s.builder().virtualServerQuorumStateChange(facts(), status.value(), config.quorum(),
                s.routerId()));
    }

    /** virtualServerStatus: alive(1) while the service is in IPVS. */
    public void setAlive(boolean alive) {
        table.set(row, VirtualServerColumn.STATUS, Cells.truth(alive));
    }

    public void setStats(IpvsStats s) {
        MibTable<VirtualServerColumn> t = table;
        t.set(row, VirtualServerColumn.STATS_CONNS, Cells.gauge(s.conns()));
        t.set(row, VirtualServerColumn.STATS_IN_PKTS, Cells.counter32(s.inPkts()));
        t.set(row, VirtualServerColumn.STATS_OUT_PKTS, Cells.counter32(s.outPkts()));
        t.set(row, VirtualServerColumn.STATS_IN_BYTES, Cells.counter64(s.inBytes()));
        t.set(row, VirtualServerColumn.STATS_OUT_BYTES, Cells.counter64(s.outBytes()));
        t.set(row, VirtualServerColumn.RATE_CPS, Cells.gauge(s.cps()));
        t.set(row, VirtualServerColumn.RATE_IN_PPS, Cells.gauge(s.inPps()));
        t.set(row, VirtualServerColumn.RATE_OUT_PPS, Cells.gauge(s.outPps()));
        t.set(row, VirtualServerColumn.RATE_IN_BPS, Cells.gauge(s.inBps()));
        t.set(row, VirtualServerColumn.RATE_OUT_BPS, Cells.gauge(s.outBps()));
        t.set(row, VirtualServerColumn.STATS_CONNS64, Cells.counter64(s.conns()));
        t.set(row, VirtualServerColumn.STATS_IN_PKTS64, Cells.counter64(s.inPkts()));
        t.set(row, VirtualServerColumn.STATS_OUT_PKTS64, Cells.counter64(s.outPkts()));
        t.set(row, VirtualServerColumn.RATE_CPS_LOW, Cells.unsigned(s.cps()));
        t.set(row, VirtualServerColumn.RATE_CPS_HIGH, Cells.unsigned(s.cps() >>> 32));
        t.set(row, VirtualServerColumn.RATE_IN_PPS_LOW, Cells.unsigned(s.inPps()));
        t.set(row, VirtualServerColumn.RATE_IN_PPS_HIGH, Cells.unsigned(s.inPps() >>> 32));
        t.set(row, VirtualServerColumn.RATE_OUT_PPS_LOW, Cells.unsigned(s.outPps()));
        t.set(row, VirtualServerColumn.RATE_OUT_PPS_HIGH, Cells.unsigned(s.outPps() >>> 32));
        t.set(row, VirtualServerColumn.RATE_IN_BPS_LOW, Cells.unsigned(s.inBps()));
        t.set(row, VirtualServerColumn.RATE_IN_BPS_HIGH, Cells.unsigned(s.inBps() >>> 32));
        t.set(row, VirtualServerColumn.RATE_OUT_BPS_LOW, Cells.unsigned(s.outBps()));
        t.set(row, VirtualServerColumn.RATE_OUT_BPS_HIGH, Cells.unsigned(s.outBps() >>> 32));
    }

    /** Called by a real server under this monitor after its status changed. */
    void realServerStatusChanged(boolean nowAlive) {
        up += nowAlive ? 1 : -1;
        table.set(row, VirtualServerColumn.REAL_SERVERS_UP, Cells.unsigned(up));
    }

    /** What the check traps say about this virtual server now. */
    synchronized VirtualServerFacts facts() {
        VirtualServer c = config;
        int type = type(c);
        String group = c.target() instanceof VirtualServer.Group g ? g.name() : null;
        long mark = c.target() instanceof VirtualServer.Fwmark f ? f.mark() : 0;
        InetAddress addr = c.target() instanceof VirtualServer.Address a ? a.address() : null;
        int port = c.target() instanceof VirtualServer.Address a && a.port() != null ? a.port() : 0;
        return new VirtualServerFacts(row.getIndex(), type, group, mark, addr, port, protocol(c), up, total);
    }

    // ---- build and reload (reload thread) ----

    /** @return true when the block (or one of its real servers) changed, ignoring where it was written */
    boolean apply(VirtualServer vs, Map<String, VirtualServerGroup> groupsByName, List<RealServerRow> addedRs,
                  List<RealServerRow> changedRs, List<RealServerRow> removedRs) {
        boolean fresh = config == null;
        boolean changed = !fresh && !ConfigEquality.sameIgnoringLocation(config, vs);
        config = vs;
        groups = groupsByName;
        fill(vs, fresh);
        syncRealServers(vs, addedRs, changedRs, removedRs);
        synchronized (this) {
            if (fresh) {
                // keepalived's quorum before the first check: the weights of the servers that start
                // alive against quorum + hysteresis
                long weights = realServerList.stream().filter(r -> !r.isSorryServer() && r.isAlive())
                        .mapToLong(RealServerRow::weight).sum();
                quorumStatus = weights >= vs.quorum() + vs.hysteresis() ? QuorumStatus.MET : QuorumStatus.NOT_MET;
                table.set(row, VirtualServerColumn.QUORUM_STATUS, Cells.integer(quorumStatus.value()));
            }
        }
        return changed;
    }

    private void syncRealServers(VirtualServer vs, List<RealServerRow> addedRs, List<RealServerRow> changedRs,
                                 List<RealServerRow> removedRs) {
        record Item(RealServerKey key, RealServer rs) {
        }
        List<Item> items = new java.util.ArrayList<>();
        if (vs.sorryServer() != null) {
            items.add(new Item(RealServerKey.SORRY, null));
        }
        for (RealServer rs : vs.realServers()) {
            items.add(new Item(new RealServerKey(rs.address(), rs.port()), rs));
        }
        Changes<RealServerRow> ch = Reconciler.reconcile(realServers, items, Item::key,
                item -> {
                    OID index = new OID(row.getIndex());
                    index.append(realServerIndexes.indexOf(item.key()));
                    RealServerRow r = new RealServerRow(realServerTable, realServerTable.addRow(index), this, traps,
                            item.rs() == null);
                    if (item.rs() == null) {
                        r.applySorry(vs.sorryServer());
                    } else {
                        r.apply(item.rs());
                    }
                    realServerByIndex.put(index, r);
                    return r;
                },
                (r, item) -> item.rs() == null ? r.applySorry(vs.sorryServer()) : r.apply(item.rs()),
                r -> {
                    removeRealServer(r);
                    realServerIndexes.release(r.isSorryServer() ? RealServerKey.SORRY
                            : new RealServerKey(r.config().address(), r.config().port()));
                });
        addedRs.addAll(ch.added());
        changedRs.addAll(ch.changed());
        removedRs.addAll(ch.removed());
        realServerList = List.copyOf(realServers.values());
        synchronized (this) {
            up = (int) realServerList.stream().filter(r -> !r.isSorryServer() && r.isAlive()).count();
            total = (int) realServerList.stream().filter(r -> !r.isSorryServer()).count();
            table.set(row, VirtualServerColumn.REAL_SERVERS_UP, Cells.unsigned(up));
            table.set(row, VirtualServerColumn.REAL_SERVERS_TOTAL, Cells.unsigned(total));
        }
    }

    private void removeRealServer(RealServerRow r) {
        r.removeRow();
        realServerByIndex.remove(r.index());
    }

    void removeRows() {
        realServers.values().forEach(this::removeRealServer);
        realServers.clear();
        realServerList = List.of();
        table.removeRow(row.getIndex());
    }

    private void fill(VirtualServer c, boolean fresh) {
        MibTable<VirtualServerColumn> t = table;
        t.set(row, VirtualServerColumn.TYPE, Cells.integer(type(c)));
        t.set(row, VirtualServerColumn.NAME_OF_GROUP,
                c.target() instanceof VirtualServer.Group g ? Cells.string(g.name()) : null);
        t.set(row, VirtualServerColumn.FW_MARK,
                c.target() instanceof VirtualServer.Fwmark f ? Cells.unsigned(f.mark()) : null);
        boolean v6 = isIpv6(c);
        t.set(row, VirtualServerColumn.ADDR_TYPE, Cells.integer(v6 ? 2 : 1));
        if (c.target() instanceof VirtualServer.Address a) {
            t.set(row, VirtualServerColumn.ADDRESS, Cells.address(a.address()));
            t.set(row, VirtualServerColumn.PORT, Cells.unsigned(a.port() == null ? 0 : a.port()));
        } else {
            t.set(row, VirtualServerColumn.ADDRESS, null);
            t.set(row, VirtualServerColumn.PORT, null);
        }
        t.set(row, VirtualServerColumn.PROTOCOL,
                c.target() instanceof VirtualServer.Fwmark ? null : Cells.integer(protocol(c)));
        t.set(row, VirtualServerColumn.LOAD_BALANCING_ALGO, Cells.integer(algorithm(c)));
        t.set(row, VirtualServerColumn.LOAD_BALANCING_KIND,
                c.forwarding() == null ? null : Cells.integer(Forwarding.kind(c.forwarding())));
        if (fresh) {
            // keepalived has added the service to IPVS by the time anyone can read the table
            setAlive(true);
            setStats(IpvsStats.ZERO);
        }
        t.set(row, VirtualServerColumn.VIRTUAL_HOST, Cells.string(c.virtualhost()));
        t.set(row, VirtualServerColumn.PERSIST, Cells.truth(c.isPersistent()));
        t.set(row, VirtualServerColumn.PERSIST_TIMEOUT, c.isPersistent() ? Cells.unsigned(c.persistenceTimeout()) : null);
        t.set(row, VirtualServerColumn.PERSIST_GRANULARITY, v6 ? null : Cells.address(granularity4(c)));
        t.set(row, VirtualServerColumn.PERSIST_GRANULARITY6, v6 ? Cells.unsigned(granularity6(c)) : null);
        t.set(row, VirtualServerColumn.DELAY_LOOP, Cells.seconds(c.delayLoop()));
        t.set(row, VirtualServerColumn.HA_SUSPEND, Cells.truth(c.haSuspend()));
        t.set(row, VirtualServerColumn.ALPHA, Cells.truth(c.alpha()));
        t.set(row, VirtualServerColumn.OMEGA, Cells.truth(c.omega()));
        t.set(row, VirtualServerColumn.QUORUM, Cells.unsigned(c.quorum()));
        t.set(row, VirtualServerColumn.QUORUM_UP, c.quorumUp() == null ? null : Cells.string(c.quorumUp().command()));
        t.set(row, VirtualServerColumn.QUORUM_DOWN,
                c.quorumDown() == null ? null : Cells.string(c.quorumDown().command()));
        t.set(row, VirtualServerColumn.HYSTERESIS, Cells.unsigned(c.hysteresis()));
        t.set(row, VirtualServerColumn.OPS, Cells.truth(c.onePacketScheduling()));
        // IPVS has one bit per scheduler flag: flag-1 = sh-fallback = mh-fallback, flag-2 = sh-port = mh-port
        Set<String> f = c.schedulerFlags();
        boolean flag1 = f.contains("flag-1") || f.contains("sh-fallback") || f.contains("mh-fallback");
        boolean flag2 = f.contains("flag-2") || f.contains("sh-port") || f.contains("mh-port");
        t.set(row, VirtualServerColumn.HASHED, Cells.truth(false));
        t.set(row, VirtualServerColumn.SH_FALLBACK, Cells.truth(flag1));
        t.set(row, VirtualServerColumn.SH_PORT, Cells.truth(flag2));
        t.set(row, VirtualServerColumn.SCHED3, Cells.truth(f.contains("flag-3")));
        t.set(row, VirtualServerColumn.ACTION_WHEN_DOWN, Cells.integer(c.inhibitOnFailure() ? 2 : 1));
        t.set(row, VirtualServerColumn.RETRY, Cells.unsigned(c.retry() == null ? 0 : c.retry()));
        t.set(row, VirtualServerColumn.DELAY_BEFORE_RETRY,
                c.delayBeforeRetry() == null ? Cells.unsigned(0) : Cells.seconds(c.delayBeforeRetry()));
        t.set(row, VirtualServerColumn.WARMUP, c.warmup() == null ? Cells.unsigned(0) : Cells.seconds(c.warmup()));
        t.set(row, VirtualServerColumn.WEIGHT, Cells.integer(c.weight()));
        t.set(row, VirtualServerColumn.SMTP_ALERT, Cells.truth(c.smtpAlert()));
        t.set(row, VirtualServerColumn.MH_FALLBACK, Cells.truth(flag1));
        t.set(row, VirtualServerColumn.MH_PORT, Cells.truth(flag2));
        t.set(row, VirtualServerColumn.DELAY_LOOP_USEC, Cells.micros(c.delayLoop()));
        t.set(row, VirtualServerColumn.DELAY_BEFORE_RETR_USEC,
                c.delayBeforeRetry() == null ? Cells.unsigned(0) : Cells.micros(c.delayBeforeRetry()));
        t.set(row, VirtualServerColumn.WARMUP_USEC, c.warmup() == null ? Cells.unsigned(0) : Cells.micros(c.warmup()));
        t.set(row, VirtualServerColumn.CONN_TIMEOUT_USEC, Cells.micros(c.connectTimeout()));
        t.set(row, VirtualServerColumn.TUNNEL_TYPE, Forwarding.tunnelType(c.forwarding()));
        t.set(row, VirtualServerColumn.TUNNEL_PORT, Forwarding.tunnelPort(c.forwarding()));
        t.set(row, VirtualServerColumn.TUNNEL_CSUM, Forwarding.tunnelChecksum(c.forwarding()));
        t.set(row, VirtualServerColumn.NAME, Cells.string(c.snmpName()));
    }

    static int type(VirtualServer c) {
        if (c.target() instanceof VirtualServer.Group) {
            return VirtualServerFacts.TYPE_GROUP;
        }
        return c.target() instanceof VirtualServer.Fwmark ? VirtualServerFacts.TYPE_FWMARK : VirtualServerFacts.TYPE_IP;
    }

    /** tcp(1), udp(2), sctp(3); none(4) without a protocol (a fwmark service). */
    static int protocol(VirtualServer c) {
        if (c.protocol() == null) {
            return 4;
        }
        return switch (c.protocol()) {
            case TCP -> 1;
            case UDP -> 2;
            case SCTP -> 3;
        };
    }

    /** virtualServerLoadBalancingAlgo: the MIB numbers fo, ovf, mh, twos differently from our enum order. */
    static int algorithm(VirtualServer c) {
        if (c.scheduler() == null) {
            return 99;
        }
        return switch (c.scheduler()) {
            case RR -> 1;
            case WRR -> 2;
            case LC -> 3;
            case WLC -> 4;
            case LBLC -> 5;
            case LBLCR -> 6;
            case DH -> 7;
            case SH -> 8;
            case SED -> 9;
            case NQ -> 10;
            case FO -> 11;
            case OVF -> 12;
            case MH -> 13;
            case TWOS -> 14;
        };
    }

    private boolean isIpv6(VirtualServer c) {
        if (c.target() instanceof VirtualServer.Address a) {
            return a.address() instanceof Inet6Address;
        }
        if (c.ipFamily() != null) {
            return c.ipFamily() == IpFamily.INET6;
        }
        if (c.target() instanceof VirtualServer.Group g && groups.get(g.name()) != null) {
            VirtualServerGroup vsg = groups.get(g.name());
            return !vsg.addressRanges().isEmpty() && vsg.addressRanges().get(0).first() instanceof Inet6Address;
        }
        return false;
    }

    /** The IPv4 persistence netmask; 0.0.0.0 when unset, as keepalived reports its zero field. */
    private static InetAddress granularity4(VirtualServer c) {
        String g = c.persistenceGranularity();
        try {
            return InetAddress.getByAddress(g == null || !g.matches("[0-9.]+") ? new byte[4]
                    : InetAddress.getByName(g).getAddress());
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long granularity6(VirtualServer c) {
        String g = c.persistenceGranularity();
        return g == null || !g.matches("[0-9]+") ? 0 : Long.parseLong(g);
    }
}
