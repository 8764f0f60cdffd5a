package org.keepalive4j.vrrp.it;

import java.net.InetAddress;
import java.util.Random;
import org.keepalive4j.linux.IpFamily;
import org.keepalive4j.linux.RawIpSocket;

/**
 * Sends hostile VRRP traffic from inside a lab host for {@link BadPacketIT}: raw sockets act in the
 * namespace of the thread that opens them and the test JVM lives in the root namespace, so the test
 * runs this main with {@code ip netns exec}. Prints "sent N" when done.
 * <pre>
 *   advert IFNAME SOURCE VRID VIP PASSWORD BAD_ADVERT   one {@link BadAdvert} datagram to 224.0.0.18
 *   random IFNAME COUNT SEED                           COUNT random VRRP payloads of 8-80 octets
 * </pre>
 */
public final class AdvertInjectorMain {

    /** Random payloads are at least the fixed VRRP header, so each has a VRID a receiver can sort it by. */
    static final int RANDOM_MIN_LENGTH = 8;
    static final int RANDOM_MAX_LENGTH = 80;
    /** A pause after every burst keeps the receiver's socket buffer from overflowing (a lost packet is counted by nobody). */
    private static final int BURST = 50;

    private AdvertInjectorMain() {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "advert" -> advert(args[1], InetAddress.getByName(args[2]), Integer.parseInt(args[3]),
                    InetAddress.getByName(args[4]), args[5], BadAdvert.valueOf(args[6]));
            case "random" -> random(args[1], Integer.parseInt(args[2]), Long.parseLong(args[3]));
            default -> throw new IllegalArgumentException("unknown command " + args[0]);
        }
    }

    private static void advert(String ifname, InetAddress source, int vrid, InetAddress vip, String password,
            BadAdvert bad) throws Exception {
        try (RawIpSocket socket = RawIpSocket.open(IpFamily.IPV4, RawIpSocket.PROTOCOL_VRRP, ifname)) {
            socket.setHeaderIncluded(true);
            socket.send(RawIpSocket.VRRP_IPV4_GROUP, bad.datagram(source, vrid, vip, password, 1));
        }
        System.out.println("sent 1");
    }

    /** The kernel writes a valid IPv4 header (TTL 255, protocol 112); only the VRRP message is random. */
    private static void random(String ifname, int count, long seed) throws Exception {
        Random random = new Random(seed);
        try (RawIpSocket socket = RawIpSocket.open(IpFamily.IPV4, RawIpSocket.PROTOCOL_VRRP, ifname)) {
            for (int i = 1; i <= count; i++) {
                byte[] payload = new byte[RANDOM_MIN_LENGTH + random.nextInt(RANDOM_MAX_LENGTH - RANDOM_MIN_LENGTH + 1)];
                random.nextBytes(payload);
                socket.send(RawIpSocket.VRRP_IPV4_GROUP, payload);
                if (i % BURST == 0) {
                    Thread.sleep(2);
                }
            }
        }
        System.out.println("sent " + count);
    }
}
