package org.keepalive4j.vrrp.packet;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.keepalive4j.vrrp.packet.Fixtures.GROUP4;
import static org.keepalive4j.vrrp.packet.Fixtures.GROUP6;
import static org.keepalive4j.vrrp.packet.Fixtures.PEER4;
import static org.keepalive4j.vrrp.packet.Fixtures.SOURCE4;
import static org.keepalive4j.vrrp.packet.Fixtures.SOURCE6;
import static org.keepalive4j.vrrp.packet.Fixtures.VIP4;
import static org.keepalive4j.vrrp.packet.Fixtures.VIP6;
import static org.keepalive4j.vrrp.packet.Fixtures.ip;

import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A million inputs, random and mutated from valid adverts, against several instance setups:
 * the decoder must always answer with an advert or a reason, never throw, and stay fast.
 */
class DecoderFuzzTest {

    private static final int INPUTS = 1_000_000;
    private static final Authentication PASSWORD = Authentication.password("k4jpass1");
    private static final Authentication AH = Authentication.ipsecAh("k4jahkey");

    private record Target(byte[] valid, Expectations expected) {
    }

    private static List<Target> ipv4Targets() {
        Advertisement v2 = Fixtures.v2(51, 150, 1, VIP4, ip("192.0.2.151"));
        Advertisement v3 = Fixtures.v3(IpFamily.IPV4, 51, 150, Duration.ofSeconds(1), VIP4, ip("192.0.2.151"));
        List<UnicastPeer> peers = List.of(new UnicastPeer(SOURCE4, 200, 255));
        return List.of(
                new Target(AdvertEncoder.ipv4Datagram(v2, SendParameters.of(SOURCE4, GROUP4), 1, 0),
                        Fixtures.expectV2(51, 1, VIP4, ip("192.0.2.151")).build()),
                new Target(AdvertEncoder.ipv4Datagram(v2, SendParameters.of(SOURCE4, GROUP4).withAuthentication(PASSWORD), 1, 0),
                        Fixtures.expectV2(51, 1, VIP4, ip("192.0.2.151")).authentication(PASSWORD).build()),
                new Target(AdvertEncoder.ipv4Datagram(v2, SendParameters.of(SOURCE4, GROUP4).withAuthentication(AH), 1, 7),
                        Fixtures.expectV2(51, 1, VIP4, ip("192.0.2.151")).authentication(AH).lastAhSequence(3).build()),
                new Target(AdvertEncoder.ipv4Datagram(v3, SendParameters.of(SOURCE4, GROUP4), 1, 0),
                        Fixtures.expectV3(IpFamily.IPV4, 51, VIP4, ip("192.0.2.151")).checkAddresses(false).build()),
                new Target(AdvertEncoder.ipv4Datagram(v3, SendParameters.of(SOURCE4, PEER4), 1, 0),
                        Fixtures.expectV3(IpFamily.IPV4, 51, VIP4, ip("192.0.2.151")).unicastPeers(peers)
                                .checkUnicastSource(true).build()),
                new Target(AdvertEncoder.ipv4Datagram(v3, SendParameters.of(SOURCE4, PEER4)
                                .withV3ChecksumMode(V3ChecksumMode.WITHOUT_PSEUDO_HEADER), 1, 0),
                        Fixtures.expectV3(IpFamily.IPV4, 51, VIP4, ip("192.0.2.151")).unicastPeers(peers)
                                .v3ChecksumMode(V3ChecksumMode.WITHOUT_PSEUDO_HEADER).build()));
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void neverThrowsAndAlwaysAnswers() {
        Random random = new Random(0x6b346a);
        List<Target> ipv4 = ipv4Targets();
        Advertisement v3v6 = Fixtures.v3(IpFamily.IPV6, 51, 150, Duration.ofSeconds(1), VIP6);
        byte[] validIpv6 = AdvertEncoder.vrrpMessage(v3v6, SendParameters.of(SOURCE6, GROUP6));
        Expectations ipv6Expected = Fixtures.expectV3(IpFamily.IPV6, 51, VIP6).build();

        EnumSet<DropReason> seen = EnumSet.noneOf(DropReason.class);
        int accepted = 0;
        long start = System.nanoTime();
        for (int i = 0; i < INPUTS; i++) {
            DecodeResult result;
            if (i % 5 == 0) {
                byte[] message = i % 10 == 0 ? randomBytes(random, 80) : mutate(random, validIpv6);
                int hopLimit = random.nextInt(20) == 0 ? random.nextInt(256) : 255;
                result = AdvertDecoder.decode(new ReceivedPacket.Ipv6Message(message, hopLimit, SOURCE6, GROUP6),
                        ipv6Expected);
            } else {
                Target target = ipv4.get(random.nextInt(ipv4.size()));
                byte[] datagram = i % 5 == 1 ? randomIpv4(random) : mutate(random, target.valid());
                result = AdvertDecoder.decode(new ReceivedPacket.Ipv4Datagram(datagram), target.expected());
            }
            if (result instanceof DecodeResult.Dropped dropped) {
                seen.add(dropped.reason());
            } else if (result instanceof DecodeResult.Accepted) {
                accepted++;
            } else {
                throw new AssertionError("no answer for input " + i);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("DecoderFuzzTest: %d inputs in %.2f s (%.0f/s), %d accepted, %d reasons seen%n",
                INPUTS, seconds, INPUTS / seconds, accepted, seen.size());
        assertTrue(accepted > 0, "some mutations leave a valid advert");
        assertTrue(seen.size() >= 15, "mutations reach deep checks: " + seen);
    }

    private static byte[] randomBytes(Random random, int maxLength) {
        byte[] bytes = new byte[random.nextInt(maxLength + 1)];
        random.nextBytes(bytes);
        return bytes;
    }

    /** Random bytes behind a plausible IPv4 header start, so that they get past the first checks. */
    private static byte[] randomIpv4(Random random) {
        byte[] bytes = randomBytes(random, 120);
        if (bytes.length > 10 && random.nextBoolean()) {
            bytes[0] = (byte) (0x40 | (5 + random.nextInt(3)));
            bytes[9] = (byte) (random.nextBoolean() ? 112 : 51);
        }
        return bytes;
    }

    /** One to three byte changes, sometimes a truncation or an extension. */
    private static byte[] mutate(Random random, byte[] valid) {
        byte[] bytes = valid.clone();
        switch (random.nextInt(8)) {
            case 0 -> bytes = Arrays.copyOf(bytes, random.nextInt(bytes.length + 1));
            case 1 -> bytes = Arrays.copyOf(bytes, bytes.length + 1 + random.nextInt(40));
            case 2 -> {
                return bytes; // the untouched packet keeps the accept path exercised
            }
            default -> {
                int changes = 1 + random.nextInt(3);
                for (int c = 0; c < changes; c++) {
                    bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
                }
            }
        }
        return bytes;
    }
}
