package org.keepalive4j.dataplane;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.keepalive4j.config.model.GlobalDefs;
import org.keepalive4j.dataplane.ipvs.IpvsDataplane;
import org.keepalive4j.dataplane.nft.NftablesDataplane;

/**
 * Opens the backend global_defs' {@code lvs_dataplane} names: ipvs, nftables, logging, or auto (the
 * default): IPVS when the kernel offers it, else nftables. When auto falls back to nftables, a virtual
 * server without lb_algo gets wrr instead of IPVS's default wlc (nftables keeps no connection counts), with
 * one warning per service; an lb_algo written in the configuration that nftables cannot do stays an error,
 * as with an explicit {@code lvs_dataplane nftables}.
 */
public final class Dataplanes {

    private static final Logger LOG = LogManager.getLogger(Dataplanes.class);

    private Dataplanes() {
    }

    /**
     * @param keepTableOnStop -I / --dont-release-ipvs: the kernel table stays when the daemon stops
     * @throws DataplaneException when the kernel backend cannot be opened (the daemon does not start)
     */
    public static Dataplane open(GlobalDefs global, boolean keepTableOnStop) throws DataplaneException {
        String kind = global.lvsDataplane();
        switch (kind) {
            case "nftables":
                return NftablesDataplane.open(keepTableOnStop);
            case "ipvs":
                return IpvsDataplane.open(keepTableOnStop, global.lvsFlush());
            case "auto":
                if (IpvsDataplane.available()) {
                    LOG.info("Dataplane auto: the kernel has IPVS; using it");
                    return IpvsDataplane.open(keepTableOnStop, global.lvsFlush());
                }
                LOG.warn("Dataplane auto: this kernel has no IPVS (generic netlink family IPVS, module ip_vs);"
                        + " using nftables, where a virtual server without lb_algo is scheduled wrr");
                return NftablesDataplane.open(keepTableOnStop, true);
            default:
                return new LoggingDataplane();
        }
    }
}
