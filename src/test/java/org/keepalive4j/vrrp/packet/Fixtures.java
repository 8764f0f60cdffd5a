package org.keepalive4j.vrrp.packet;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

/** Addresses and ready-made adverts shared by the codec tests. */
final class Fixtures {

    static final InetAddress SOURCE4 = ip("192.0.2.1");
    static final InetAddress PEER4 = ip("192.0.2.2");
    static final InetAddress GROUP4 = ip("224.0.0.18");
    static final InetAddress VIP4 = ip("192.0.2.51");
    static final Inet6Address SOURCE6 = (Inet6Address) ip("fe80::1");
    static final Inet6Address GROUP6 = (Inet6Address) ip("ff02::12");
    static final InetAddress VIP6 = ip("2001:db8::54");

    private Fixtures() {
    }

    static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }

    static byte[] hex(String text) {
        return HexFormat.of().parseHex(text.replaceAll("\\s", ""));
    }

    static Advertisement v2(int vrid, int priority, int seconds, InetAddress... vips) {
        return new Advertisement(VrrpVersion.V2, IpFamily.IPV4, vrid, priority, Duration.ofSeconds(seconds), List.of(vips));
    }

    static Advertisement v3(IpFamily family, int vrid, int priority, Duration interval, InetAddress... vips) {
        return new Advertisement(VrrpVersion.V3, family, vrid, priority, interval, List.of(vips));
    }

    static Expectations.Builder expectV2(int vrid, int seconds, InetAddress... vips) {
        return Expectations.builder(IpFamily.IPV4, VrrpVersion.V2, vrid)
                .advertInterval(Duration.ofSeconds(seconds))
                .virtualAddresses(List.of(vips));
    }

    static Expectations.Builder expectV3(IpFamily family, int vrid, InetAddress... vips) {
        return Expectations.builder(family, VrrpVersion.V3, vrid).virtualAddresses(List.of(vips));
    }

    /** Independent RFC 1071 checksum over concatenated parts, for golden-byte expectations. */
    static int rfc1071(byte[]... parts) {
        int total = 0;
        for (byte[] part : parts) {
            total += part.length;
        }
        byte[] all = new byte[total + 1];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        long sum = 0;
        for (int i = 0; i < total; i += 2) {
            sum += ((all[i] & 0xFF) * 256) + (all[i + 1] & 0xFF);
        }
        while (sum > 0xFFFF) {
            sum = (sum >> 16) + (sum & 0xFFFF);
        }
        return (int) (0xFFFF - sum);
    }

    static DecodedAdvert accepted(DecodeResult result) {
        if (result instanceof DecodeResult.Accepted accepted) {
            return accepted.advert();
        }
        throw new AssertionError("expected an accepted advert, got " + result);
    }
}
