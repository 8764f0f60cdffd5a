package org.keepalive4j.vrrp.packet;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * An advert that passed every check, with what the engine needs from the packet around it.
 *
 * @param authType     VRRPv2 auth type as received ({@link AuthType#NONE} for VRRPv3)
 * @param authData     the 8 VRRPv2 authentication octets as received (empty for VRRPv3)
 * @param ahSequence   the AH sequence number, present for AH adverts; keepalived raises its
 *                     instance counter to it
 * @param checksumForm which checksum computation matched; {@link ChecksumForm#PSEUDO_HEADER_MULTICAST_GROUP}
 *                     on a {@link V3ChecksumMode#PSEUDO_HEADER} instance means keepalived would
 *                     now switch to {@link V3ChecksumMode#OLD_UNICAST}
 */
public record DecodedAdvert(
        Advertisement advert,
        int type,
        InetAddress source,
        AuthType authType,
        byte[] authData,
        OptionalLong ahSequence,
        ChecksumForm checksumForm) {

    public DecodedAdvert {
        Objects.requireNonNull(advert, "advert");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(authType, "authType");
        Objects.requireNonNull(ahSequence, "ahSequence");
        Objects.requireNonNull(checksumForm, "checksumForm");
        authData = authData.clone();
    }

    public VrrpVersion version() {
        return advert.version();
    }

    public int vrid() {
        return advert.vrid();
    }

    public int priority() {
        return advert.priority();
    }

    public int count() {
        return advert.addresses().size();
    }

    public Duration advertInterval() {
        return advert.advertInterval();
    }

    public List<InetAddress> addresses() {
        return advert.addresses();
    }

    @Override
    public byte[] authData() {
        return authData.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DecodedAdvert that
                && advert.equals(that.advert) && type == that.type && source.equals(that.source)
                && authType == that.authType && Arrays.equals(authData, that.authData)
                && ahSequence.equals(that.ahSequence) && checksumForm == that.checksumForm;
    }

    @Override
    public int hashCode() {
        return Objects.hash(advert, type, source, authType, Arrays.hashCode(authData), ahSequence, checksumForm);
    }

    @Override
    public String toString() {
        return "DecodedAdvert[" + advert + ", type=" + type + ", source=" + source.getHostAddress()
                + ", authType=" + authType + ", ahSequence=" + ahSequence + ", checksumForm=" + checksumForm + "]";
    }
}
