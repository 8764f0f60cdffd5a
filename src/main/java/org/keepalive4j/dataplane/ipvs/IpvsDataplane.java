package org.keepalive4j.dataplane.ipvs;

import java.net.Inet6Address;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.keepalive4j.dataplane.Counters;
import org.keepalive4j.dataplane.Dataplane;
import org.keepalive4j.dataplane.DataplaneException;
import org.keepalive4j.dataplane.Destination;
import org.keepalive4j.dataplane.DestinationKey;
import org.keepalive4j.dataplane.ServiceKey;
import org.keepalive4j.dataplane.VirtualService;
import org.keepalive4j.linux.Errno;
import org.keepalive4j.linux.ErrnoException;
import org.keepalive4j.linux.GenericNetlink;
import org.keepalive4j.linux.NetlinkAttributes.Attribute;

/**
 * The load balancer in the kernel's IPVS, programmed over generic netlink (family "IPVS"; no ipvsadm).
 * Every change is one kernel command, which IPVS applies atomically: a service with its scheduler,
 * flags and persistence, or one destination with its weight, forwarding method and thresholds.
 *
 * <p>Ownership: the services this object added are its own; on close they are deleted unless told to keep
 * them (-I). A service the kernel already holds when it is added was left by an earlier run (a crash or
 * -I): it is deleted and created afresh, so no stale destination or setting survives (connections already
 * in IPVS's connection table keep flowing). Services nobody configured are left alone unless global_defs
 * has lvs_flush, which flushes the whole table at start, as keepalived does.
 *
 * <p>Counters come from the kernel's 64-bit statistics (STATS64) and the per-destination connection
 * gauges. Acts in the network namespace of the thread that opened it. Threads: changes come from the
 * check engine's owner thread, counter reads from others; this object's monitor guards the socket.
 */
public final class IpvsDataplane implements Dataplane {

    private static final Logger LOG = LogManager.getLogger(IpvsDataplane.class);

    private final GenericNetlink netlink;
    private final boolean keepTableOnClose;
    private final Map<ServiceKey, VirtualService> services = new LinkedHashMap<>(); // guarded by this
    private final String kernelVersion;
    private long lastChangeNanos; // guarded by this
    private boolean closed; // guarded by this

    private IpvsDataplane(GenericNetlink netlink, boolean keepTableOnClose, String kernelVersion) {
        this.netlink = netlink;
        this.keepTableOnClose = keepTableOnClose;
        this.kernelVersion = kernelVersion;
    }

    /** Whether this kernel offers IPVS (resolving the family loads the ip_vs module when the kernel has it). */
    public static boolean available() {
        return GenericNetlink.familyExists(IpvsCodec.FAMILY);
    }

    /**
     * @param keepTableOnClose leave our services in the kernel on close (-I / --dont-release-ipvs)
     * @param flush            delete every service of the kernel's table first (global_defs lvs_flush)
     */
    public static IpvsDataplane open(boolean keepTableOnClose, boolean flush) throws DataplaneException {
        GenericNetlink netlink;
        try {
            netlink = GenericNetlink.open(IpvsCodec.FAMILY, IpvsCodec.VERSION);
        } catch (ErrnoException e) {
            throw new DataplaneException(e.errno() == Errno.ENOENT
                    ? "this kernel has no IPVS (generic netlink family IPVS; module ip_vs); use lvs_dataplane nftables"
                    + " or auto"
                    : "cannot open IPVS: " + e.getMessage(), e);
        }
        try {
            String version = IpvsCodec.version(netlink.query(IpvsCodec.CMD_GET_INFO, new byte[0], "IPVS info"));
            if (flush) {
                netlink.execute(IpvsCodec.CMD_FLUSH, 0, new byte[0], "flushing IPVS");
                LOG.info("Dataplane IPVS: flushed the kernel's table (lvs_flush)");
            }
            LOG.info("Dataplane IPVS: kernel IPVS {} over generic netlink family {} (id {})", version,
                    IpvsCodec.FAMILY, netlink.familyId());
            return new IpvsDataplane(netlink, keepTableOnClose, version);
        } catch (ErrnoException e) {
            netlink.close();
            throw new DataplaneException("cannot open IPVS: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean keepsTableOnClose() {
        return keepTableOnClose;
    }

    @Override
    public String name() {
        return "IPVS";
    }

    @Override
    public synchronized void addService(VirtualService service) throws DataplaneException {
        IpvsSupport.checkService(service);
        open();
        String what = "adding service " + service.key().describe();
        long start = System.nanoTime();
        try {
            netlink.execute(IpvsCodec.CMD_NEW_SERVICE, 0, IpvsCodec.service(service), what);
        } catch (ErrnoException e) {
            if (e.errno() != Errno.EEXIST) {
                throw failure(e, service);
            }
            if (services.containsKey(service.key())) {
                LOG.warn("Dataplane IPVS: service {} is already present; updating it", service.key().describe());
                run(IpvsCodec.CMD_SET_SERVICE, IpvsCodec.service(service), what, service);
            } else {
                LOG.warn("Dataplane IPVS: replacing service {} left in the kernel by an earlier run",
                        service.key().describe());
                run(IpvsCodec.CMD_DEL_SERVICE, IpvsCodec.serviceIdentity(service.key()),
                        "removing stale service " + service.key().describe(), service);
                run(IpvsCodec.CMD_NEW_SERVICE, IpvsCodec.service(service), what, service);
            }
        }
        lastChangeNanos = System.nanoTime() - start;
        services.put(service.key(), service);
        LOG.info("Dataplane IPVS: added service {} ({})", service.key().describe(), settings(service));
    }

    @Override
    public synchronized void updateService(VirtualService service) throws DataplaneException {
        IpvsSupport.checkService(service);
        open();
        run(IpvsCodec.CMD_SET_SERVICE, IpvsCodec.service(service), "updating service " + service.key().describe(),
                service);
        services.put(service.key(), service);
        LOG.info("Dataplane IPVS: updated service {} ({})", service.key().describe(), settings(service));
    }

    @Override
    public synchronized void removeService(ServiceKey key) throws DataplaneException {
        open();
        try {
            netlink.execute(IpvsCodec.CMD_DEL_SERVICE, 0, IpvsCodec.serviceIdentity(key),
                    "removing service " + key.describe());
            LOG.info("Dataplane IPVS: removed service {}", key.describe());
        } catch (ErrnoException e) {
            if (e.errno() != Errno.ESRCH && e.errno() != Errno.ENOENT) {
                throw new DataplaneException(e.getMessage(), e);
            }
            LOG.warn("Dataplane IPVS: service {} to remove is not in the kernel", key.describe());
        } finally {
            services.remove(key);
        }
    }

    @Override
    public synchronized void addDestination(ServiceKey service, Destination d) throws DataplaneException {
        IpvsSupport.checkDestination(service, d);
        open();
        String what = "adding " + d.describe() + " to " + service.describe();
        long start = System.nanoTime();
        try {
            netlink.execute(IpvsCodec.CMD_NEW_DEST, 0, IpvsCodec.destination(service, d), what);
        } catch (ErrnoException e) {
            if (e.errno() != Errno.EEXIST) {
                throw new DataplaneException(e.getMessage(), e);
            }
            LOG.warn("Dataplane IPVS: {} is already in {}; updating it", d.describe(), service.describe());
            run(IpvsCodec.CMD_SET_DEST, IpvsCodec.destination(service, d), what, null);
        }
        lastChangeNanos = System.nanoTime() - start;
        LOG.info("Dataplane IPVS: added {} weight {} to {}", d.describe(), d.weight(), service.describe());
    }

    @Override
    public synchronized void updateDestination(ServiceKey service, Destination d) throws DataplaneException {
        IpvsSupport.checkDestination(service, d);
        open();
        long start = System.nanoTime();
        run(IpvsCodec.CMD_SET_DEST, IpvsCodec.destination(service, d),
                "updating " + d.describe() + " in " + service.describe(), null);
        lastChangeNanos = System.nanoTime() - start;
        LOG.info("Dataplane IPVS: set {} in {} to weight {}", d.describe(), service.describe(), d.weight());
    }

    @Override
    public synchronized void removeDestination(ServiceKey service, DestinationKey d) throws DataplaneException {
        open();
        long start = System.nanoTime();
        try {
            netlink.execute(IpvsCodec.CMD_DEL_DEST, 0, IpvsCodec.destinationIdentity(service, d),
                    "removing " + d.describe() + " from " + service.describe());
            lastChangeNanos = System.nanoTime() - start;
            LOG.info("Dataplane IPVS: removed {} from {}", d.describe(), service.describe());
        } catch (ErrnoException e) {
            if (e.errno() != Errno.ENOENT && e.errno() != Errno.ESRCH) {
                throw new DataplaneException(e.getMessage(), e);
            }
            LOG.warn("Dataplane IPVS: {} to remove is not in {}", d.describe(), service.describe());
        }
    }

    @Override
    public synchronized Map<DestinationKey, Counters> destinationCounters(ServiceKey service) {
        Map<DestinationKey, Counters> out = new LinkedHashMap<>();
        for (IpvsCodec.KernelDestination d : kernelDestinations(service)) {
            out.put(d.key(), d.counters());
        }
        return out;
    }

    @Override
    public synchronized Counters counters(ServiceKey service) {
        IpvsCodec.KernelService s = kernelService(service);
        return s == null ? Counters.ZERO : s.counters();
    }

    /** How long the last change took in the kernel, in nanoseconds (for measurements). */
    public synchronized long lastChangeNanos() {
        return lastChangeNanos;
    }

    @Override
    public synchronized void describeTable(StringBuilder out) {
        out.append(" Dataplane (IPVS ").append(kernelVersion).append(", generic netlink): ").append(services.size())
                .append(" services\n");
        for (VirtualService s : services.values()) {
            IpvsCodec.KernelService k = kernelService(s.key());
            out.append("  Service ").append(s.key().describe()).append(' ').append(settings(s));
            if (k == null) {
                out.append(" (not in the kernel)\n");
                continue;
            }
            Counters c = k.counters();
            out.append(": ").append(c.conns()).append(" connections, in ").append(c.inPackets()).append(" packets ")
                    .append(c.inBytes()).append(" bytes, out ").append(c.outPackets()).append(" packets ")
                    .append(c.outBytes()).append(" bytes\n");
            for (IpvsCodec.KernelDestination d : kernelDestinations(s.key())) {
                Counters dc = d.counters();
                out.append("   Destination ").append(d.key().describe()).append(" weight ").append(d.weight())
                        .append(' ').append(forwardingName(d.forwarding())).append(": active ")
                        .append(dc.activeConns()).append(" inactive ").append(dc.inactiveConns()).append(", ")
                        .append(dc.conns()).append(" connections\n");
            }
        }
    }

    /** Deletes our services unless told to keep them, and closes the socket. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (keepTableOnClose) {
                LOG.info("Dataplane IPVS: leaving {} services in the kernel", services.size());
                return;
            }
            int removed = 0;
            for (ServiceKey key : services.keySet()) {
                try {
                    netlink.execute(IpvsCodec.CMD_DEL_SERVICE, 0, IpvsCodec.serviceIdentity(key),
                            "removing service " + key.describe());
                    removed++;
                } catch (ErrnoException e) {
                    LOG.error("Dataplane IPVS: cannot remove service {}: {}", key.describe(), e.getMessage());
                }
            }
            // the check engine normally removed them already; these are what it left
            LOG.info("Dataplane IPVS: closed{}", removed == 0 ? "" : ", removed " + removed + " remaining services");
        } finally {
            services.clear();
            netlink.close();
        }
    }

    private IpvsCodec.KernelService kernelService(ServiceKey key) {
        if (closed) {
            return null;
        }
        try {
            List<Attribute> answer = netlink.query(IpvsCodec.CMD_GET_SERVICE, IpvsCodec.serviceIdentity(key),
                    "reading service " + key.describe());
            return IpvsCodec.decodeService(answer);
        } catch (ErrnoException e) {
            LOG.warn("Dataplane IPVS: cannot read service {}: {}", key.describe(), e.getMessage());
            return null;
        }
    }

    private List<IpvsCodec.KernelDestination> kernelDestinations(ServiceKey key) {
        if (closed) {
            return List.of();
        }
        try {
            boolean v6 = IpvsCodec.isIpv6(key);
            return netlink.dump(IpvsCodec.CMD_GET_DEST, IpvsCodec.serviceIdentity(key),
                            "reading the destinations of " + key.describe()).stream()
                    .map(m -> IpvsCodec.decodeDestination(m, v6))
                    .filter(d -> d != null)
                    .toList();
        } catch (ErrnoException e) {
            LOG.warn("Dataplane IPVS: cannot read the destinations of {}: {}", key.describe(), e.getMessage());
            return List.of();
        }
    }

    private void run(int cmd, byte[] attributes, String what, VirtualService service) throws DataplaneException {
        try {
            netlink.execute(cmd, 0, attributes, what);
        } catch (ErrnoException e) {
            throw service == null ? new DataplaneException(e.getMessage(), e) : failure(e, service);
        }
    }

    /** ENOENT for a new service most often means the scheduler's module is missing; say so. */
    private static DataplaneException failure(ErrnoException e, VirtualService service) {
        if (e.errno() == Errno.ENOENT) {
            String sched = IpvsCodec.scheduler(service).kernelName();
            return new DataplaneException(e.getMessage() + "; is scheduler " + sched
                    + " available in this kernel (module ip_vs_" + sched + ")?", e);
        }
        return new DataplaneException(e.getMessage(), e);
    }

    private void open() throws DataplaneException {
        if (closed) {
            throw new DataplaneException("the IPVS dataplane is closed");
        }
    }

    static String settings(VirtualService s) {
        StringBuilder b = new StringBuilder(IpvsCodec.scheduler(s).kernelName());
        if (s.persistenceTimeout() != null) {
            b.append(" persistent ").append(s.persistenceTimeout()).append(" s");
            if (s.persistenceGranularity() != null) {
                b.append(" granularity ").append(s.persistenceGranularity());
            }
        }
        if (s.onePacketScheduling()) {
            b.append(" ops");
        }
        if (!s.schedulerFlags().isEmpty()) {
            b.append(' ').append(String.join(",", s.schedulerFlags()));
        }
        return b.toString();
    }

    private static String forwardingName(int fwd) {
        return switch (fwd) {
            case IpvsCodec.CONN_F_MASQ -> "NAT";
            case IpvsCodec.CONN_F_DROUTE -> "DR";
            case IpvsCodec.CONN_F_TUNNEL -> "TUN";
            default -> "fwd " + fwd;
        };
    }

    /** Whether a destination can be under a service of the other family (IPVS: only through a tunnel). */
    static boolean familyMismatch(ServiceKey service, Destination d) {
        return IpvsCodec.isIpv6(service) != (d.address() instanceof Inet6Address);
    }
}
