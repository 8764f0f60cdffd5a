/**
 * What the JDK cannot do on Linux, through JNA: raw IP sockets with ancillary data, rtnetlink, packet
 * sockets, poll(2) and eventfd. Nothing here knows VRRP's packet format; it offers the primitives the
 * VRRP event loop needs:
 *
 * <pre>{@code
 * RawIpSocket vrrp = RawIpSocket.open(IpFamily.IPV4, RawIpSocket.PROTOCOL_VRRP, "eth0");
 * vrrp.joinGroup(RawIpSocket.VRRP_IPV4_GROUP);
 * LinkEvents links = LinkEvents.open();
 * Poller poller = new Poller();
 * poller.register(vrrp);
 * poller.register(links);
 *
 * // the loop: wait for a datagram, an interface change, a wakeup() from another thread or the next timer
 * for (Pollable ready : poller.poll(millisToNextTimer)) {
 *     if (ready == vrrp) {
 *         for (ReceivedPacket p; (p = vrrp.receive()) != null; ) {
 *             // p.payload(), p.ttlOrHopLimit() == 255, p.ifindex(), p.source(), p.destination()
 *         }
 *     } else if (ready == links) {
 *         for (NetlinkEvent e : links.read()) { ... }
 *     }
 * }
 * vrrp.send(RawIpSocket.VRRP_IPV4_GROUP, advert, 0, advert.length, null);
 *
 * try (RtNetlink rtnl = RtNetlink.open()) {
 *     Link eth0 = rtnl.link("eth0");
 *     rtnl.addAddress(InterfaceAddress.of(eth0.index(), vip, 24).withLabel("eth0:vip"));
 *     new AddressAnnouncer("eth0", eth0.hardwareAddress(), false).gratuitousArp(vip, ArpPacket.REQUEST);
 * }
 * }</pre>
 *
 * <p>Threading: every object belongs to the one thread that polls it; only {@link
 * org.keepalive4j.linux.Poller#wakeup()} and {@link org.keepalive4j.linux.EventFd#signal()} may be called
 * from other threads. Sockets live in the network namespace of the thread that opened them.
 *
 * <p>Tested on x86-64 (LP64); structure layouts follow pointer and {@code size_t} widths, so other 64-bit
 * Linux ABIs should work alike.
 */
package org.keepalive4j.linux;
