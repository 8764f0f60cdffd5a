package org.keepalive4j.dataplane;

import org.keepalive4j.config.model.GlobalDefs;
import org.keepalive4j.dataplane.nft.NftablesDataplane;

/** Opens the backend global_defs' {@code lvs_dataplane} names. */
public final class Dataplanes {

    private Dataplanes() {
    }

    /**
     * @param keepTableOnStop -I / --dont-release-ipvs: the kernel table stays when the daemon stops
     * @throws DataplaneException when the kernel backend cannot be opened (the daemon does not start)
     */
    public static Dataplane open(GlobalDefs global, boolean keepTableOnStop) throws DataplaneException {
        String kind = global.lvsDataplane();
        if ("nftables".equals(kind)) {
            return NftablesDataplane.open(keepTableOnStop);
        }
        return new LoggingDataplane();
    }
}
