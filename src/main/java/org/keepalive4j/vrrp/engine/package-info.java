/**
 * The VRRP engine: joins the packet codec ({@code vrrp.packet}), the state machines ({@code vrrp.fsm}),
 * Linux I/O ({@code linux}), the MIB rows ({@code mib.vrrp}) and the script runner ({@code notify}) into
 * a running keepalived-compatible VRRP daemon.
 *
 * <h2>Threads</h2>
 * One event-loop thread, {@code vrrp-loop} ({@link org.keepalive4j.vrrp.engine.VrrpLoop}), owns every
 * socket, every state machine and every timer, like keepalived's single scheduler thread. It sleeps in
 * ppoll(2) until a packet, a netlink event, a wake-up or the earliest deadline of all state machines and
 * timers. Other threads never touch that state: SNMP SETs (AgentX threads), script results (script
 * threads) and the daemon's lifecycle calls (start, reload, stop, dumps) post tasks to the loop and wake
 * it. The MIB rows are written from the loop; their setters raise the traps.
 *
 * <h2>Sockets</h2>
 * One raw socket per (interface, address family, protocol) ({@link org.keepalive4j.vrrp.engine.AdvertSocket}),
 * shared by the instances on it for receiving and sending: received adverts are demultiplexed by VRID
 * (and, among unicast instances, by peer address). IPv4 adverts are sent with their own IP header
 * (IP_HDRINCL) as keepalived does; IPv6 ones as bare VRRP messages from the link-local address.
 */
package org.keepalive4j.vrrp.engine;
