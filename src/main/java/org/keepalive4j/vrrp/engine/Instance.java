package org.keepalive4j.vrrp.engine;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.keepalive4j.config.model.VrrpInstance;
import org.keepalive4j.linux.ErrnoException;
import org.keepalive4j.mib.vrrp.VrrpInstanceRow;
import org.keepalive4j.vrrp.fsm.ActionSink;
import org.keepalive4j.vrrp.fsm.VrrpEvent;
import org.keepalive4j.vrrp.fsm.VrrpStateMachine;
import org.keepalive4j.vrrp.packet.AdvertDecoder;
import org.keepalive4j.vrrp.packet.AdvertEncoder;
import org.keepalive4j.vrrp.packet.Advertisement;
import org.keepalive4j.vrrp.packet.ChecksumForm;
import org.keepalive4j.vrrp.packet.DecodeResult;
import org.keepalive4j.vrrp.packet.DecodedAdvert;
import org.keepalive4j.vrrp.packet.Expectations;
import org.keepalive4j.vrrp.packet.IpFamily;
import org.keepalive4j.vrrp.packet.ReceivedPacket;
import org.keepalive4j.vrrp.packet.SendParameters;
import org.keepalive4j.vrrp.packet.V3ChecksumMode;

/**
 * One running vrrp_instance: its state machine, its MIB row, and its adverts in both directions. Receiving
 * decodes against what the instance expects and feeds the machine; sending encodes what the machine asks
 * for. Loop thread only.
 */
final class Instance {

    private static final Logger LOG = LogManager.getLogger(Instance.class);
    /** keepalived's ipsecah_counter cycles before 0xFFFFFFFE (vrrp.c). */
    private static final long MAX_AH_SEQUENCE = 0xFFFFFFFDL;

    private InstanceSettings settings; // replaced by a reload that changes the instance in place
    private final VrrpInstanceRow row;
    private final VrrpStateMachine machine;
    private final AdvertSocket socket;
    private final ActionSink actions;
    private org.keepalive4j.vrrp.fsm.VrrpState publishedWantState; // loop thread
    private final InstanceCounters counters = new InstanceCounters();

    private V3ChecksumMode checksumMode;
    private Advertisement cachedAdvert; // loop thread
    private List<SendParameters> cachedSends; // loop thread
    private V3ChecksumMode cachedSendsChecksum;
    /** keepalived's one AH counter per instance: raised by accepted adverts, incremented per send. */
    private long ahSequence;
    /** IPv4 identification; keepalived counts from 1 and never sends 0 (which lets the kernel choose). */
    private int ipIdentification;
    /** keepalived's notifies_sent: a sync group member already told its state once. */
    private boolean notifiesSent;

    Instance(InstanceSettings settings, VrrpInstanceRow row, VrrpStateMachine machine, AdvertSocket socket,
             ActionSink actions) {
        this.settings = settings;
        this.row = row;
        this.machine = machine;
        this.socket = socket;
        this.actions = actions;
        this.checksumMode = settings.checksumMode();
    }

    /**
     * A reload changed the instance in place: adverts are built from the new settings from now on. The
     * socket and the checksum form (learnt from peers) stay: a change of either restarts the instance.
     */
    void reconfigure(InstanceSettings next) {
        if (!next.socketKey().equals(settings.socketKey())) {
            throw new IllegalArgumentException(name() + ": a new socket needs a restart");
        }
        settings = next;
        cachedAdvert = null;
        cachedSends = null;
    }

    String name() {
        return settings.config().name();
    }

    VrrpInstance config() {
        return settings.config();
    }

    InstanceSettings settings() {
        return settings;
    }

    VrrpInstanceRow row() {
        return row;
    }

    VrrpStateMachine machine() {
        return machine;
    }

    AdvertSocket socket() {
        return socket;
    }

    InstanceCounters counters() {
        return counters;
    }

    int vrid() {
        return settings.config().virtualRouterId();
    }

    boolean isUnicast() {
        return settings.config().isUnicast();
    }

    boolean hasPeer(InetAddress source) {
        return settings.peerAddresses().contains(source);
    }

    /** The group this instance listens to, or null when unicast. */
    InetAddress multicastGroup() {
        return isUnicast() ? null : settings.destinations().get(0);
    }

    boolean notifiesSent() {
        return notifiesSent;
    }

    void markNotifiesSent() {
        notifiesSent = true;
    }

    /** Hands one event to the state machine, now. */
    void handle(VrrpEvent event) {
        machine.handle(event, System.nanoTime(), actions);
        publishWantedState();
    }

    /** Fires the machine's timer if it is due. */
    void tick(long now) {
        if (machine.nextDeadline() <= now) {
            machine.handle(VrrpEvent.TIMER_EXPIRED, now, actions);
            publishWantedState();
        }
    }

    /**
     * vrrpInstanceWantedState: differs from the state while a sync group holds this instance back (it
     * wants MASTER, the group is BACKUP). Written only when it changes, so the row is not touched per advert.
     */
    void publishWantedState() {
        org.keepalive4j.vrrp.fsm.VrrpState want = machine.wantState();
        if (want != publishedWantState) {
            publishedWantState = want;
            row.setWantedState(MibStates.of(want));
        }
    }

    // ------------------------------------------------------------------ receiving

    void receive(org.keepalive4j.linux.ReceivedPacket packet) {
        DecodeResult result = counters.drops.record(AdvertDecoder.decode(asCodecPacket(packet),
                expectations(packet.source())));
        if (!(result instanceof DecodeResult.Accepted accepted)) {
            if (result instanceof DecodeResult.Dropped dropped && dropped.reason().isError()) {
                LOG.debug("({}) dropped advert from {}: {}", name(), packet.source().getHostAddress(),
                        dropped.reason());
            }
            return;
        }
        DecodedAdvert advert = accepted.advert();
        counters.advertsReceived++;
        if (advert.priority() == 0) {
            counters.priorityZeroReceived++;
        }
        if (advert.ahSequence().isPresent()) {
            ahSequence = Math.max(ahSequence, advert.ahSequence().getAsLong());
        }
        if (advert.checksumForm() == ChecksumForm.PSEUDO_HEADER_MULTICAST_GROUP
                && checksumMode == V3ChecksumMode.PSEUDO_HEADER) {
            // keepalived's CHKSUM_COMPATIBILITY_AUTO: answer a pre-1.3.6 peer in its own checksum form.
            LOG.info("({}) peer {} uses the old unicast checksum; sending it too", name(),
                    advert.source().getHostAddress());
            checksumMode = V3ChecksumMode.OLD_UNICAST;
        }
        handle(new VrrpEvent.AdvertReceived(advert.source(), advert.priority(), advert.advertInterval()));
    }

    private ReceivedPacket asCodecPacket(org.keepalive4j.linux.ReceivedPacket packet) {
        if (settings.family() == IpFamily.IPV4) {
            return ReceivedPacket.ipv4Datagram(packet.bytes());
        }
        int hopLimit = packet.ttlOrHopLimit() < 0 ? ReceivedPacket.HOP_LIMIT_UNKNOWN : packet.ttlOrHopLimit();
        return ReceivedPacket.ipv6Message(packet.bytes(), hopLimit, (Inet6Address) packet.source(),
                (Inet6Address) packet.destination());
    }

    /**
     * keepalived's skip_check_adv_addr: a backup does not check the address list of adverts from the
     * master it already knows (the list was checked when that master first spoke).
     */
    private Expectations expectations(InetAddress source) {
        boolean knownMaster = settings.skipCheckAdvAddr()
                && machine.state() == org.keepalive4j.vrrp.fsm.VrrpState.BACKUP
                && source.equals(machine.masterAddress());
        Expectations.Builder b = Expectations.builder(settings.family(), settings.version(), vrid())
                .authentication(settings.authentication())
                .advertInterval(settings.config().advertInterval())
                .virtualAddresses(settings.advertisedAddresses())
                .checkAddresses(!knownMaster)
                .checkUnicastSource(settings.checkUnicastSource())
                .v3ChecksumMode(checksumMode)
                .multicastGroup(settings.multicastGroup4())
                .lastAhSequence(ahSequence);
        if (isUnicast()) {
            b.unicastPeers(settings.peers());
        }
        return b.build();
    }

    // ------------------------------------------------------------------ sending

    /** Sends one advert with {@code priority} to the group, or to every unicast peer. */
    void sendAdvert(int priority) {
        Advertisement advert = advert(priority);
        List<SendParameters> sends = sendParameters();
        for (int d = 0; d < sends.size(); d++) {
            SendParameters send = sends.get(d);
            InetAddress destination = send.destination();
            try {
                if (settings.family() == IpFamily.IPV4) {
                    ahSequence = ahSequence >= MAX_AH_SEQUENCE ? 1 : ahSequence + 1;
                    ipIdentification = ipIdentification >= 0xFFFF ? 1 : ipIdentification + 1;
                    byte[] datagram = AdvertEncoder.ipv4Datagram(advert, send, ipIdentification, ahSequence);
                    socket.send(destination, datagram, null);
                } else {
                    socket.send(destination, AdvertEncoder.vrrpMessage(advert, send), settings.primaryAddress());
                }
                counters.advertsSent++;
                if (priority == 0) {
                    counters.priorityZeroSent++;
                }
            } catch (ErrnoException e) {
                LOG.warn("({}) cannot send advert to {}: {}", name(), destination.getHostAddress(), e.getMessage());
            }
        }
    }

    /**
     * The advert for {@code priority}, built again only when the priority changed: a master sends the
     * same one every interval, and at 10 ms intervals a new one each time was most of the loop's garbage.
     */
    private Advertisement advert(int priority) {
        if (cachedAdvert == null || cachedAdvert.priority() != priority) {
            cachedAdvert = new Advertisement(settings.version(), settings.family(), vrid(), priority,
                    settings.config().advertInterval(), settings.advertisedAddresses());
        }
        return cachedAdvert;
    }

    /** One per destination; built again only when the checksum form changed (an old peer was heard). */
    private List<SendParameters> sendParameters() {
        if (cachedSends == null || cachedSendsChecksum != checksumMode) {
            List<SendParameters> sends = new ArrayList<>();
            for (InetAddress destination : settings.destinations()) {
                sends.add(new SendParameters(settings.primaryAddress(), destination, SendParameters.VRRP_TTL,
                        settings.authentication(), checksumMode, settings.multicastGroup4()));
            }
            cachedSends = List.copyOf(sends);
            cachedSendsChecksum = checksumMode;
        }
        return cachedSends;
    }

    /** For the data dump. */
    void describe(StringBuilder out) {
        VrrpInstance c = settings.config();
        out.append(" VRRP Instance = ").append(name()).append('\n')
                .append("   State = ").append(machine.state()).append('\n')
                .append("   Interface = ").append(c.interfaceName()).append(", socket ").append(socket.key()).append('\n')
                .append("   Virtual Router ID = ").append(vrid()).append(", version ").append(c.version()).append('\n')
                .append("   Primary address = ").append(settings.primaryAddress().getHostAddress()).append('\n')
                .append("   Destinations = ").append(hosts(settings.destinations())).append('\n')
                .append("   Base priority = ").append(machine.basePriority())
                .append(", effective priority = ").append(machine.effectivePriority()).append('\n')
                .append("   Preempt = ").append(machine.preempt()).append('\n')
                .append("   Advert interval = ").append(machine.masterAdvertIntervalMicros() / 1000).append(" ms\n")
                .append("   Master = ").append(machine.masterAddress() == null ? "-"
                        : machine.masterAddress().getHostAddress() + " priority " + machine.masterPriority())
                .append('\n')
                .append("   Virtual addresses = ").append(hosts(settings.advertisedAddresses())).append('\n');
    }

    private static String hosts(List<InetAddress> addresses) {
        StringBuilder b = new StringBuilder();
        for (InetAddress a : addresses) {
            b.append(b.length() == 0 ? "" : " ").append(a.getHostAddress());
        }
        return b.toString();
    }
}
