package org.keepalive4j.vrrp.packet;

import java.net.InetAddress;

/**
 * Builds VRRP adverts the way keepalived puts them on the wire.
 *
 * <p>Two shapes: {@link #vrrpMessage} is the VRRP message alone, for a raw socket whose kernel
 * writes the IP header (IPv6 always; IPv4 without AH). {@link #ipv4Datagram} is the whole IPv4
 * datagram for an IP_HDRINCL socket, which is how keepalived sends every IPv4 advert
 * (vrrp_build_ip4) and the only way to send AH, since the ICV covers the IPv4 header.
 */
public final class AdvertEncoder {

    private AdvertEncoder() {
    }

    /**
     * The VRRP message with its checksum filled in.
     *
     * @throws IllegalArgumentException for IPsec AH (use {@link #ipv4Datagram}), VRRPv3 with
     *         authentication, or addresses of the wrong family
     */
    public static byte[] vrrpMessage(Advertisement advert, SendParameters send) {
        checkCompatible(advert, send);
        if (send.authentication().type() == AuthType.IPSEC_AH) {
            throw new IllegalArgumentException("IPsec AH covers the IPv4 header: use ipv4Datagram");
        }
        byte[] message = new byte[messageLength(advert)];
        writeMessage(advert, send, message, 0);
        return message;
    }

    /**
     * The IPv4 datagram as keepalived builds it: 20-octet header with TOS 0xc0, the given
     * identification (keepalived counts from 1 and skips 0, which would let the kernel choose),
     * no fragmentation flags, {@code send.ttl()}, protocol 112, or 51 followed by the AH header.
     * The header checksum is filled in although the kernel rewrites it for IP_HDRINCL sockets,
     * so that the result equals the datagram on the wire.
     *
     * @param ahSequence the AH sequence number, 1 to 0xFFFFFFFD; ignored without AH. keepalived
     *                   keeps one counter per instance, incremented before each send and raised
     *                   by every accepted advert ({@link DecodedAdvert#ahSequence()}).
     */
    public static byte[] ipv4Datagram(Advertisement advert, SendParameters send, int identification,
                                      long ahSequence) {
        checkCompatible(advert, send);
        if (advert.family() != IpFamily.IPV4) {
            throw new IllegalArgumentException("ipv4Datagram needs an IPv4 advert");
        }
        if (identification < 0 || identification > 0xFFFF) {
            throw new IllegalArgumentException("identification must be 0-65535: " + identification);
        }
        boolean ah = send.authentication().type() == AuthType.IPSEC_AH;
        if (ah && (ahSequence < 1 || ahSequence > IpsecAh.MAX_SEQUENCE)) {
            throw new IllegalArgumentException("AH sequence number must be 1-0xFFFFFFFD: " + ahSequence);
        }
        int headerLength = Ipv4Header.MIN_LENGTH;
        int messageOffset = headerLength + (ah ? IpsecAh.LENGTH : 0);
        int total = messageOffset + messageLength(advert);
        byte[] datagram = new byte[total];

        datagram[0] = 0x45;
        datagram[Ipv4Header.TOS] = (byte) Ipv4Header.TOS_INTERNETWORK_CONTROL;
        Ipv4Header.put16(datagram, Ipv4Header.TOTAL_LENGTH, total);
        Ipv4Header.put16(datagram, Ipv4Header.ID, identification);
        datagram[Ipv4Header.TTL] = (byte) send.ttl();
        datagram[Ipv4Header.PROTOCOL] = (byte) (ah ? Ipv4Header.PROTOCOL_AH : Ipv4Header.PROTOCOL_VRRP);
        System.arraycopy(send.source().getAddress(), 0, datagram, Ipv4Header.SOURCE, 4);
        System.arraycopy(send.destination().getAddress(), 0, datagram, Ipv4Header.DESTINATION, 4);

        writeMessage(advert, send, datagram, messageOffset);

        if (ah) {
            datagram[headerLength + IpsecAh.NEXT_HEADER] = (byte) Ipv4Header.PROTOCOL_VRRP;
            datagram[headerLength + IpsecAh.PAYLOAD_LENGTH] = (byte) IpsecAh.PAYLOAD_LENGTH_VALUE;
            System.arraycopy(datagram, Ipv4Header.SOURCE, datagram, headerLength + IpsecAh.SPI, 4);
            Ipv4Header.put32(datagram, headerLength + IpsecAh.SEQUENCE, ahSequence);
            byte[] icv = IpsecAh.icv(datagram, headerLength, total, send.unicast(),
                    send.authentication().keyNoCopy());
            System.arraycopy(icv, 0, datagram, headerLength + IpsecAh.ICV, IpsecAh.ICV_LENGTH);
        }
        Ipv4Header.put16(datagram, Ipv4Header.CHECKSUM, InternetChecksum.of(datagram, 0, headerLength));
        return datagram;
    }

    private static void checkCompatible(Advertisement advert, SendParameters send) {
        if (!advert.family().contains(send.source()) || !advert.family().contains(send.destination())) {
            throw new IllegalArgumentException("source and destination must be " + advert.family());
        }
        if (advert.version() == VrrpVersion.V3 && send.authentication().type() != AuthType.NONE) {
            throw new IllegalArgumentException("VRRPv3 has no authentication (RFC 5798 section 5.2)");
        }
    }

    private static int messageLength(Advertisement advert) {
        return VrrpMessage.length(advert.version().wireValue(), advert.family(), advert.addresses().size());
    }

    private static void writeMessage(Advertisement advert, SendParameters send, byte[] buffer, int offset) {
        int count = advert.addresses().size();
        int length = messageLength(advert);
        buffer[offset + VrrpMessage.VERSION_TYPE] =
                (byte) (advert.version().wireValue() << 4 | VrrpMessage.TYPE_ADVERTISEMENT);
        buffer[offset + VrrpMessage.VRID] = (byte) advert.vrid();
        buffer[offset + VrrpMessage.PRIORITY] = (byte) advert.priority();
        buffer[offset + VrrpMessage.COUNT] = (byte) count;
        int interval = Advertisement.intervalWireValue(advert.version(), advert.advertInterval());
        if (advert.version() == VrrpVersion.V2) {
            buffer[offset + VrrpMessage.V2_AUTH_TYPE] = (byte) send.authentication().type().wireValue();
            buffer[offset + VrrpMessage.V2_INTERVAL] = (byte) interval;
        } else {
            Ipv4Header.put16(buffer, offset + VrrpMessage.V3_INTERVAL, interval & VrrpMessage.V3_INTERVAL_MASK);
        }
        int at = offset + VrrpMessage.ADDRESSES;
        for (InetAddress address : advert.addresses()) {
            byte[] raw = address.getAddress();
            System.arraycopy(raw, 0, buffer, at, raw.length);
            at += raw.length;
        }
        // keepalived copies auth_data into the message for PASS only; with AH these octets stay zero
        if (send.authentication().type() == AuthType.SIMPLE_PASSWORD) {
            System.arraycopy(send.authentication().keyNoCopy(), 0, buffer, at, Authentication.KEY_LENGTH);
        }
        Ipv4Header.put16(buffer, offset + VrrpMessage.CHECKSUM, checksum(advert, send, buffer, offset, length));
    }

    private static int checksum(Advertisement advert, SendParameters send, byte[] buffer, int offset, int length) {
        if (advert.version() == VrrpVersion.V2
                || send.v3ChecksumMode() == V3ChecksumMode.WITHOUT_PSEUDO_HEADER && advert.family() == IpFamily.IPV4) {
            return VrrpChecksum.withoutPseudoHeader(buffer, offset, length);
        }
        byte[] source = send.source().getAddress();
        byte[] destination = advert.family() == IpFamily.IPV4 && send.v3ChecksumMode() == V3ChecksumMode.OLD_UNICAST
                ? send.multicastGroup().getAddress()
                : send.destination().getAddress();
        return VrrpChecksum.withPseudoHeader(buffer, offset, length, source, 0, destination, 0, source.length);
    }
}
