package org.keepalive4j.linux;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs this package's code inside a lab namespace for {@link LinuxIoIT}: native calls act in the
 * namespace of the calling thread, and the test JVM lives in the root namespace, so the IT starts this
 * main with {@code ip netns exec}. Arguments are steps separated by "--", run in order, each printing
 * one line per result:
 * <pre>
 *   send v4|v6 IFNAME DEST PAYLOAD [SOURCE]       raw VRRP datagram, then "sent ..."
 *   send-ah IFNAME SOURCE DEST PAYLOAD            an IPv4 AH datagram whose header we build (IP_HDRINCL)
 *   own v4|v6 IFNAME GROUP MILLIS                 "own N": datagrams our socket got back (loop is off)
 *   receive v4|v6 IFNAME GROUP COUNT MILLIS [PROTOCOL]  "ready", then "packet src=.. dst=.. ttl=.. payload=.."
 *   add|delete IFNAME CIDR [label=L] [nodad] [noprefixroute] [scope=N]   "added true|false"
 *   links                                         "link INDEX NAME MAC up=.." per interface
 *   events MILLIS                                 "ready", then "event EPOCH_MILLIS ..." lines
 *   garp IFNAME IPV4 request|reply | na IFNAME IPV6   "announced ..."
 *   await FILE                                    waits until the test creates FILE
 * </pre>
 */
public final class LinuxProbeMain {

    private LinuxProbeMain() {
    }

    public static void main(String[] args) throws Exception {
        List<String> step = new ArrayList<>();
        for (String arg : args) {
            if (arg.equals("--")) {
                run(step);
                step.clear();
            } else {
                step.add(arg);
            }
        }
        run(step);
        System.out.println("probe done");
    }

    private static void run(List<String> step) throws Exception {
        String[] a = step.toArray(String[]::new);
        switch (a[0]) {
            case "send" -> send(a);
            case "send-ah" -> sendWithOwnHeader(a);
            case "own" -> own(a);
            case "receive" -> receive(a);
            case "add", "delete" -> address(a);
            case "links" -> links();
            case "events" -> events(Long.parseLong(a[1]));
            case "garp", "na" -> announce(a);
            case "await" -> await(Path.of(a[1]));
            default -> throw new IllegalArgumentException("unknown step " + step);
        }
        System.out.flush();
    }

    private static IpFamily family(String name) {
        return name.equals("v4") ? IpFamily.IPV4 : IpFamily.IPV6;
    }

    private static void send(String[] a) throws Exception {
        try (RawIpSocket socket = RawIpSocket.open(family(a[1]), RawIpSocket.PROTOCOL_VRRP, a[2])) {
            byte[] payload = a[4].getBytes(StandardCharsets.US_ASCII);
            InetAddress source = a.length > 5 ? InetAddress.getByName(a[5]) : null;
            socket.send(InetAddress.getByName(a[3]), payload, 0, payload.length, source);
            System.out.println("sent " + a[4] + " to " + a[3]);
        }
    }

    /**
     * The minimal IPv4 header (RFC 791) the kernel completes under IP_HDRINCL: it fills in total length,
     * identification and checksum left zero here.
     */
    private static void sendWithOwnHeader(String[] a) throws Exception {
        InetAddress source = InetAddress.getByName(a[2]);
        InetAddress destination = InetAddress.getByName(a[3]);
        byte[] payload = a[4].getBytes(StandardCharsets.US_ASCII);
        ByteBuffer datagram = ByteBuffer.allocate(20 + payload.length)
                .put((byte) 0x45).put((byte) 0).putShort((short) 0)
                .putShort((short) 0).putShort((short) 0)
                .put((byte) RawIpSocket.MAX_HOP_LIMIT).put((byte) RawIpSocket.PROTOCOL_AH).putShort((short) 0)
                .put(source.getAddress()).put(destination.getAddress())
                .put(payload);
        try (RawIpSocket socket = RawIpSocket.open(IpFamily.IPV4, RawIpSocket.PROTOCOL_AH, a[1])) {
            socket.setHeaderIncluded(true);
            socket.send(destination, datagram.array());
            System.out.println("sent " + a[4] + " with our header to " + a[3]);
        }
    }

    /** Joins the group, sends to it and counts what comes back: nothing, with multicast loop off. */
    private static void own(String[] a) throws Exception {
        InetAddress group = InetAddress.getByName(a[3]);
        try (RawIpSocket socket = RawIpSocket.open(family(a[1]), RawIpSocket.PROTOCOL_VRRP, a[2]);
                Poller poller = new Poller()) {
            socket.joinGroup(group);
            poller.register(socket);
            socket.send(group, "own".getBytes(StandardCharsets.US_ASCII));
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(Long.parseLong(a[4]));
            int own = 0;
            long left;
            while ((left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())) > 0) {
                poller.poll(left);
                while (socket.receive() != null) {
                    own++;
                }
            }
            System.out.println("own " + own);
        }
    }

    /**
     * First proves that another thread's wake-up ends an endless poll, then prints COUNT datagrams
     * (or what arrives within MILLIS), each with how long the poll waited for it.
     */
    private static void receive(String[] a) throws Exception {
        int count = Integer.parseInt(a[4]);
        long millis = Long.parseLong(a[5]);
        int protocol = a.length > 6 ? Integer.parseInt(a[6]) : RawIpSocket.PROTOCOL_VRRP;
        try (RawIpSocket socket = RawIpSocket.open(family(a[1]), protocol, a[2]);
                Poller poller = new Poller()) {
            socket.joinGroup(InetAddress.getByName(a[3]));
            poller.register(socket);

            long start = System.nanoTime();
            Thread waker = new Thread(() -> {
                sleep(100);
                try {
                    poller.wakeup();
                } catch (ErrnoException e) {
                    throw new IllegalStateException(e);
                }
            });
            waker.start();
            List<Pollable> woken = poller.poll(Poller.FOREVER);
            System.out.println("woken by eventfd after " + sinceMillis(start) + " ms, ready " + woken.size());
            waker.join();

            System.out.println("ready");
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
            int received = 0;
            while (received < count && System.nanoTime() < deadline) {
                long pollStart = System.nanoTime();
                List<Pollable> ready = poller.poll(TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()) + 1);
                if (!ready.contains(socket)) {
                    continue;
                }
                long waited = sinceMillis(pollStart);
                for (ReceivedPacket p; (p = socket.receive()) != null; received++) {
                    System.out.println("packet src=" + p.source().getHostAddress()
                            + " dst=" + p.destination().getHostAddress() + " ifindex=" + p.ifindex()
                            + " ttl=" + p.ttlOrHopLimit() + " length=" + p.length()
                            + " payload=" + new String(p.payload(), StandardCharsets.US_ASCII)
                            + " polled=" + waited + "ms");
                }
            }
            System.out.println("received " + received + " on ifindex " + socket.ifindex());
        }
    }

    private static void address(String[] a) throws Exception {
        String[] cidr = a[2].split("/");
        InterfaceAddress address = InterfaceAddress.of(Interfaces.index(a[1]), InetAddress.getByName(cidr[0]),
                Integer.parseInt(cidr[1]));
        int flags = 0;
        for (String option : Arrays.copyOfRange(a, 3, a.length)) {
            if (option.startsWith("label=")) {
                address = address.withLabel(option.substring(6));
            } else if (option.startsWith("scope=")) {
                address = address.withScope(Integer.parseInt(option.substring(6)));
            } else if (option.startsWith("brd=")) {
                address = address.withBroadcast(InetAddress.getByName(option.substring(4)));
            } else if (option.equals("nodad")) {
                flags |= InterfaceAddress.NODAD;
            } else if (option.equals("noprefixroute")) {
                flags |= InterfaceAddress.NOPREFIXROUTE;
            } else {
                throw new IllegalArgumentException("address option " + option);
            }
        }
        address = address.withFlags(flags);
        try (RtNetlink rtnl = RtNetlink.open()) {
            if (a[0].equals("add")) {
                System.out.println("added " + rtnl.addAddress(address) + " " + address);
            } else {
                System.out.println("deleted " + rtnl.deleteAddress(address) + " " + address);
            }
            for (InterfaceAddress listed : rtnl.addresses(address.ifindex())) {
                System.out.println("listed " + listed);
            }
        } catch (ErrnoException e) {
            System.out.println("failed " + Errno.name(e.errno()) + ": " + e.getMessage());
        }
    }

    private static void links() throws Exception {
        try (RtNetlink rtnl = RtNetlink.open()) {
            for (Link l : rtnl.links()) {
                System.out.println("link " + l.index() + " " + l.name() + " "
                        + HexFormat.ofDelimiter(":").formatHex(l.hardwareAddress()) + " up=" + l.isUp());
            }
        }
    }

    private static void events(long millis) throws Exception {
        try (LinkEvents events = LinkEvents.open(); Poller poller = new Poller()) {
            poller.register(events);
            System.out.println("ready");
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
            long left;
            while ((left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())) > 0) {
                poller.poll(left);
                for (NetlinkEvent e : events.read()) {
                    System.out.println("event " + System.currentTimeMillis() + " " + describe(e));
                }
            }
        }
    }

    private static String describe(NetlinkEvent event) {
        if (event instanceof NetlinkEvent.LinkChanged c) {
            Link l = c.link();
            return (c.deleted() ? "link-deleted " : "link ") + l.name() + " index=" + l.index() + " up=" + l.isUp()
                    + " running=" + l.isRunning() + " carrier=" + l.carrier();
        }
        if (event instanceof NetlinkEvent.AddressAdded added) {
            return "address-added " + added.address();
        }
        if (event instanceof NetlinkEvent.AddressRemoved removed) {
            return "address-removed " + removed.address();
        }
        return "lost";
    }

    private static void announce(String[] a) throws Exception {
        byte[] mac;
        try (RtNetlink rtnl = RtNetlink.open()) {
            mac = rtnl.link(a[1]).hardwareAddress();
        }
        try (AddressAnnouncer announcer = new AddressAnnouncer(a[1], mac, false)) {
            InetAddress address = InetAddress.getByName(a[2]);
            if (a[0].equals("garp")) {
                announcer.gratuitousArp((Inet4Address) address,
                        a[3].equals("request") ? ArpPacket.REQUEST : ArpPacket.REPLY);
            } else {
                announcer.neighbourAdvertisement((Inet6Address) address);
            }
            System.out.println("announced " + a[2] + " at " + HexFormat.ofDelimiter(":").formatHex(mac));
        }
    }

    private static void await(Path file) {
        while (!Files.exists(file)) {
            sleep(10);
        }
    }

    private static long sinceMillis(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
