package org.keepalive4j.vrrp.packet;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * keepalived's IPsec AH for VRRPv2 (auth_type AH): an RFC 2402 AH header between the IPv4
 * header and the VRRP message, with no security association behind it.
 *
 * <p>Layout (ipsec_ah_t in keepalived's vrrp_ipsecah.h): next header 112, payload length 4
 * (IPSEC_AH_PLEN: 96-bit ICV), 16 reserved zero bits, SPI, sequence number, 12-octet ICV.
 * The SPI is the sender's IPv4 source address copied as-is (vrrp_build_ipsecah:
 * {@code ah->spi = ip->saddr}); receivers drop an AH whose SPI differs from the IPv4 source
 * (vrrp_in_chk_ipsecah).
 *
 * <p>The ICV is HMAC-MD5 truncated to 96 bits (HMAC_MD5_TRUNC), keyed with the instance's 8
 * octets of auth_data, over: the IPv4 header with TOS, flags/fragment offset and header
 * checksum zeroed, and TTL also zeroed when the instance is unicast; then the AH header with
 * the ICV zeroed; then the VRRP message (vrrp_update_pkt on send, vrrp_in_chk_ipsecah on
 * receipt). The identification field and, for multicast, the TTL are covered as sent.
 */
final class IpsecAh {

    static final int LENGTH = 24;
    static final int NEXT_HEADER = 0;
    static final int PAYLOAD_LENGTH = 1;
    static final int SPI = 4;
    static final int SEQUENCE = 8;
    static final int ICV = 12;
    static final int ICV_LENGTH = 12;
    /** AH length in 32-bit words minus 2 for a 96-bit ICV (RFC 2402 section 2.2). */
    static final int PAYLOAD_LENGTH_VALUE = 4;
    /** keepalived stops at 0xFFFFFFFD and waits for the counter to be reset (vrrp_update_pkt). */
    static final long MAX_SEQUENCE = 0xFFFFFFFDL;

    private static final ThreadLocal<Mac> HMAC_MD5 = ThreadLocal.withInitial(() -> {
        try {
            return Mac.getInstance("HmacMD5");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK always provides HmacMD5", e);
        }
    });

    private IpsecAh() {
    }

    /**
     * The 96-bit ICV of an IPv4 datagram carrying AH right after its {@code headerLength}-octet
     * IPv4 header. The datagram itself is not modified.
     */
    static byte[] icv(byte[] datagram, int headerLength, int datagramLength, boolean unicast, byte[] key) {
        int covered = headerLength + LENGTH;
        byte[] immutableView = Arrays.copyOf(datagram, covered);
        immutableView[Ipv4Header.TOS] = 0;
        immutableView[Ipv4Header.FRAGMENT] = 0;
        immutableView[Ipv4Header.FRAGMENT + 1] = 0;
        immutableView[Ipv4Header.CHECKSUM] = 0;
        immutableView[Ipv4Header.CHECKSUM + 1] = 0;
        if (unicast) {
            immutableView[Ipv4Header.TTL] = 0;
        }
        Arrays.fill(immutableView, headerLength + ICV, covered, (byte) 0);

        Mac mac = HMAC_MD5.get();
        try {
            mac.init(new SecretKeySpec(key, "HmacMD5"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("an 8-octet key is always valid for HmacMD5", e);
        }
        mac.update(immutableView);
        mac.update(datagram, covered, datagramLength - covered);
        return Arrays.copyOf(mac.doFinal(), ICV_LENGTH);
    }
}
