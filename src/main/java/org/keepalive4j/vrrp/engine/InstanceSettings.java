package org.keepalive4j.vrrp.engine;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import org.keepalive4j.config.model.GlobalDefs;
import org.keepalive4j.config.model.VirtualAddress;
import org.keepalive4j.config.model.VrrpInstance;
import org.keepalive4j.linux.RawIpSocket;
import org.keepalive4j.vrrp.packet.Authentication;
import org.keepalive4j.vrrp.packet.IpFamily;
import org.keepalive4j.vrrp.packet.SendParameters;
import org.keepalive4j.vrrp.packet.UnicastPeer;
import org.keepalive4j.vrrp.packet.V3ChecksumMode;
import org.keepalive4j.vrrp.packet.VrrpVersion;

/**
 * What the engine derives from one vrrp_instance block and global_defs to put adverts on the wire and
 * check the ones it receives, resolved once when the instance starts.
 *
 * @param primaryAddress      our advert source: unicast_src_ip, mcast_src_ip, or the interface's address
 * @param destinations        the multicast group, or every unicast peer
 * @param advertisedAddresses the virtual_ipaddress entries of the instance's family, in advert order
 * @param multicastGroup4     vrrp_mcast_group4, for VRRPv3 checksums in keepalived's old unicast form
 */
record InstanceSettings(
        VrrpInstance config,
        IpFamily family,
        VrrpVersion version,
        InetAddress primaryAddress,
        List<InetAddress> destinations,
        List<UnicastPeer> peers,
        List<InetAddress> peerAddresses,
        Authentication authentication,
        List<InetAddress> advertisedAddresses,
        V3ChecksumMode checksumMode,
        InetAddress multicastGroup4,
        boolean skipCheckAdvAddr,
        boolean checkUnicastSource) {

    static InstanceSettings of(VrrpInstance config, GlobalDefs global, InetAddress primaryAddress) {
        IpFamily family = config.ipv6() ? IpFamily.IPV6 : IpFamily.IPV4;
        VrrpVersion version = config.version() == 2 ? VrrpVersion.V2 : VrrpVersion.V3;
        InetAddress group4 = global.vrrpMcastGroup4() != null ? global.vrrpMcastGroup4() : SendParameters.VRRP_IPV4_GROUP;
        InetAddress group6 = global.vrrpMcastGroup6() != null ? global.vrrpMcastGroup6() : RawIpSocket.VRRP_IPV6_GROUP;
        List<UnicastPeer> peers = new ArrayList<>();
        List<InetAddress> peerAddresses = new ArrayList<>();
        for (org.keepalive4j.config.model.UnicastPeer p : config.unicastPeers()) {
            peers.add(new UnicastPeer(p.address(), p.minTtl() == null ? 0 : p.minTtl(),
                    p.maxTtl() == null ? 255 : p.maxTtl()));
            peerAddresses.add(p.address());
        }
        List<InetAddress> destinations;
        if (config.isUnicast()) {
            destinations = peerAddresses;
        } else if (config.mcastDstIp() != null) {
            destinations = List.of(config.mcastDstIp());
        } else {
            destinations = List.of(family == IpFamily.IPV4 ? group4 : group6);
        }
        List<InetAddress> advertised = new ArrayList<>();
        for (VirtualAddress v : config.virtualAddresses()) {
            if (family.contains(v.address())) {
                advertised.add(v.address());
            }
        }
        return new InstanceSettings(config, family, version, primaryAddress, List.copyOf(destinations),
                List.copyOf(peers), List.copyOf(peerAddresses), authentication(config),
                List.copyOf(advertised),
                config.oldUnicastChecksum() ? V3ChecksumMode.OLD_UNICAST : V3ChecksumMode.PSEUDO_HEADER,
                group4, config.skipCheckAdvAddr() || global.vrrpSkipCheckAdvAddr(),
                config.checkUnicastSrc() || global.vrrpCheckUnicastSrc());
    }

    /** VRRPv3 has no authentication (RFC 5798); keepalived ignores the block there. */
    private static Authentication authentication(VrrpInstance config) {
        if (config.version() != 2 || config.authentication() == null) {
            return Authentication.none();
        }
        return switch (config.authentication().type()) {
            case PASS -> Authentication.password(config.authentication().password());
            case AH -> Authentication.ipsecAh(config.authentication().password());
        };
    }

    /** IPsec AH adverts are IP protocol 51, so they need a socket of their own. */
    AdvertSocket.Key socketKey() {
        int protocol = authentication.type() == org.keepalive4j.vrrp.packet.AuthType.IPSEC_AH
                ? RawIpSocket.PROTOCOL_AH : RawIpSocket.PROTOCOL_VRRP;
        return new AdvertSocket.Key(config.interfaceName(),
                family == IpFamily.IPV4 ? org.keepalive4j.linux.IpFamily.IPV4 : org.keepalive4j.linux.IpFamily.IPV6,
                protocol);
    }
}
