package org.keepalive4j.agentx;

import org.keepalive4j.mib.SysOrEntry;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.keepalive4j.mib.Notification;
import org.snmp4j.agent.MOScope;
import org.snmp4j.agent.MOServer;
import org.snmp4j.agent.ManagedObject;
import org.snmp4j.agent.agentx.AgentX;
import org.snmp4j.agent.agentx.AgentXClosePDU;
import org.snmp4j.agent.agentx.AgentXMessageDispatcher;
import org.snmp4j.agent.agentx.AgentXNotifyPDU;
import org.snmp4j.agent.agentx.AgentXPDU;
import org.snmp4j.agent.agentx.AgentXPeer;
import org.snmp4j.agent.agentx.AgentXPingPDU;
import org.snmp4j.agent.agentx.AgentXProtocol;
import org.snmp4j.agent.agentx.AgentXResponseEvent;
import org.snmp4j.agent.agentx.AgentXResponsePDU;
import org.snmp4j.agent.agentx.AgentXSession;
import org.snmp4j.agent.agentx.AgentXTarget;
import org.snmp4j.agent.agentx.subagent.AgentXSharedMOTable;
import org.snmp4j.agent.agentx.subagent.AgentXSubagent;
import org.snmp4j.agent.agentx.subagent.RegistrationCallback;
import org.snmp4j.agent.agentx.subagent.SubagentXConfigManager;
import org.snmp4j.agent.mo.MOColumn;
import org.snmp4j.agent.mo.MOTableModel;
import org.snmp4j.agent.mo.MOTableRow;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.VariableBinding;

/**
 * SNMP4J's {@link AgentXSubagent} (which answers the master's requests from the MOServer) plus the
 * session operations the supervisor needs with timeouts of our choosing: the library's own connect,
 * notify and ping wait for the session timeout and its connect creates transports we cannot use.
 * Everything here is synchronous; only the supervisor and the notification sender threads call it.
 * Sessions are kept in the library's protected peer and session maps so request processing finds them.
 */
final class Snmp4jSubagent extends AgentXSubagent {

    /** SNMP4J's AgentX replaces any request timeout below one second with five seconds. */
    static final long MIN_TIMEOUT_MILLIS = 1000;

    /** The default context: registrations and notifications carry no context. */
    private static final OctetString DEFAULT_CONTEXT = null;

    private final AgentX agentX;
    private final MOServer server;

    private Snmp4jSubagent(AgentX agentX, MOServer server, OID id, OctetString description,
            SubagentXConfigManager config) {
        super(agentX, id, description, config);
        this.agentX = agentX;
        this.server = server;
    }

    /**
     * A subagent serving {@code server} in the default context. Requests are answered on the thread that
     * reads them (no worker pool): a lookup in the MOServer costs microseconds, and a pool's hand-off
     * cost more than the work in measurements.
     */
    static Snmp4jSubagent create(MOServer server, OID id, String description) {
        AgentXMessageDispatcher dispatcher = new org.snmp4j.agent.agentx.AgentXMessageDispatcherImpl();
        AgentX agentX = new AgentX(dispatcher);
        ServerOnlyConfig config = new ServerOnlyConfig(dispatcher, server);
        return new Snmp4jSubagent(agentX, server, id, new OctetString(description), config);
    }

    /**
     * Opens a session over a connected transport: the Open PDU waits at most the session's timeout.
     *
     * @return the AgentX status, {@link AgentXProtocol#AGENTX_SUCCESS} when the session is open
     */
    int open(AgentXChannelTransport transport, AgentXSession<MasterPeerAddress> session) throws IOException {
        MasterPeerAddress master = transport.getListenAddress();
        agentX.addTransportMapping(transport);
        transport.listen();
        AgentXPeer<MasterPeerAddress> peer = new AgentXPeer<>(transport, master);
        peer.setTimeout(session.getTimeout());
        session.setPeer(peer);
        int status = openSession(transport, master, session);
        if (status == AgentXProtocol.AGENTX_SUCCESS) {
            peers.put(master, peer);
            sessions.put(session.getSessionID(), session);
        }
        return status;
    }

    /** The regions the MOServer holds in the default context, in registration order. */
    List<MOScope> regions() {
        List<MOScope> regions = new ArrayList<>();
        for (Iterator<Map.Entry<MOScope, ManagedObject<?>>> it = server.iterator(); it.hasNext(); ) {
            regions.add(it.next().getKey());
        }
        return regions;
    }

    /**
     * Registers every region of the MOServer; each Register PDU waits at most the session timeout.
     *
     * @return a description of the first failure, or null when all regions are registered
     */
    String registerAll(AgentXSession<MasterPeerAddress> session) {
        RegistrationOutcome outcome = new RegistrationOutcome();
        registerRegions(session, DEFAULT_CONTEXT, null, outcome);
        int expected = regions().size();
        if (outcome.firstFailure != null) {
            return outcome.firstFailure;
        }
        if (outcome.registered != expected) {
            return "only " + outcome.registered + " of " + expected + " regions registered";
        }
        return null;
    }

    /** Adds a sysORTable row at the master; returns the AgentX status. */
    int addAgentCaps(AgentXSession<MasterPeerAddress> session, SysOrEntry entry) {
        return addAgentCaps(session, DEFAULT_CONTEXT, entry.id(), new OctetString(entry.description()));
    }

    /** True when the master answers a Ping within {@code timeoutMillis} without error. */
    boolean ping(AgentXSession<MasterPeerAddress> session, long timeoutMillis) {
        return send(session, new AgentXPingPDU(DEFAULT_CONTEXT), timeoutMillis) == SendResult.OK;
    }

    /** Sends a notification (the master adds sysUpTime.0 when it is not the first varbind, RFC 2741 7.1.10). */
    SendResult notify(AgentXSession<MasterPeerAddress> session, Notification notification, long timeoutMillis) {
        List<VariableBinding> vbs = notification.varbinds();
        VariableBinding[] all = new VariableBinding[vbs.size() + 1];
        all[0] = new VariableBinding(org.snmp4j.mp.SnmpConstants.snmpTrapOID, notification.trapOid());
        for (int i = 0; i < vbs.size(); i++) {
            all[i + 1] = vbs.get(i);
        }
        return send(session, new AgentXNotifyPDU(DEFAULT_CONTEXT, all), timeoutMillis);
    }

    /**
     * Tells the master we leave (reason shutdown) without waiting for its answer: the connection is
     * closed right after, which ends the session at the master either way, and a frozen master must not
     * hold up the shutdown. The PDU is in the socket before this returns.
     */
    void announceClose(AgentXSession<MasterPeerAddress> session) {
        AgentXClosePDU pdu = new AgentXClosePDU(AgentXProtocol.REASON_SHUTDOWN);
        pdu.setSessionAttributes(session);
        pdu.setTransactionID(getNextTransactionID());
        AgentXPeer<MasterPeerAddress> peer = session.getPeer();
        try {
            agentX.send(pdu, new AgentXTarget<>(peer.getAddress(), MIN_TIMEOUT_MILLIS), peer.getTransport(), null,
                    event -> { });
        } catch (IOException e) {
            // the master is gone already: nothing to announce
        }
    }

    /** Drops the session and its connection from the library's books and closes the transport. */
    void forget(AgentXSession<MasterPeerAddress> session, AgentXChannelTransport transport) {
        session.setClosed(true);
        sessions.remove(session.getSessionID());
        peers.remove(transport.getListenAddress());
        agentX.removeTransportMapping(transport);
        transport.close();
    }

    /**
     * Waits for an answer for {@code timeoutMillis}, at least {@link #MIN_TIMEOUT_MILLIS}; the library
     * would read anything shorter as 5 s.
     */
    private SendResult send(AgentXSession<MasterPeerAddress> session, AgentXPDU pdu, long timeoutMillis) {
        if (timeoutMillis < MIN_TIMEOUT_MILLIS) {
            throw new IllegalArgumentException("AgentX request timeouts below " + MIN_TIMEOUT_MILLIS
                    + " ms are not honoured by SNMP4J: " + timeoutMillis);
        }
        pdu.setSessionAttributes(session);
        pdu.setTransactionID(getNextTransactionID());
        MasterPeerAddress master = session.getPeer().getAddress();
        AgentXResponseEvent<MasterPeerAddress> event;
        try {
            event = agentX.send(pdu, new AgentXTarget<>(master, timeoutMillis), session.getPeer().getTransport());
        } catch (IOException e) {
            return SendResult.FAILED;
        }
        // the library answers an interrupted wait with no event at all
        AgentXResponsePDU response = event == null ? null : event.getResponse();
        if (response == null) {
            return SendResult.FAILED;
        }
        return switch (response.getErrorStatus()) {
            case AgentXProtocol.AGENTX_SUCCESS -> SendResult.OK;
            // the master dropped our session while the socket stayed up: a new session will take it
            case AgentXProtocol.AGENTX_NOT_OPEN -> SendResult.FAILED;
            default -> SendResult.REJECTED;
        };
    }

    /** How a request to the master ended. */
    enum SendResult {
        OK,
        /** the master answered with an error: it got the request, resending will not help */
        REJECTED,
        /** no answer in time, or the connection failed: the master may or may not have seen it */
        FAILED
    }

    /** Counts what {@link #registerRegions} reports; runs on the calling (supervisor) thread. */
    private static final class RegistrationOutcome implements RegistrationCallback {
        int registered;
        String firstFailure;

        @Override
        public void registrationEvent(OctetString context, ManagedObject<?> mo, int status) {
            if (status == AgentXProtocol.AGENTX_SUCCESS) {
                registered++;
            } else if (firstFailure == null) {
                firstFailure = "registering " + mo + " failed with AgentX status " + status;
            }
        }

        @Override
        public <R extends MOTableRow, C extends MOColumn<?>, M extends MOTableModel<R>> boolean tableRegistrationEvent(
                OctetString context, AgentXSharedMOTable<R, C, M> table, R row, boolean indexAllocation,
                int status, int retryCount) {
            // shared tables (rows owned by several subagents) are not part of the keepalived model
            return false;
        }

        @Override
        public void unregistrationEvent(OctetString context, ManagedObject<?> mo, int status) {
            // sessions end by closing; regions are never unregistered one by one
        }

        @Override
        public <R extends MOTableRow, C extends MOColumn<?>, M extends MOTableModel<R>> void tableUnregistrationEvent(
                OctetString context, AgentXSharedMOTable<R, C, M> table, R row, boolean indexAllocation,
                int status) {
            // see tableRegistrationEvent
        }
    }

    /**
     * The library finds the MOServer and the worker pool through a config manager; ours holds the one
     * server and no pool (requests are answered inline). It never launches anything itself.
     */
    private static final class ServerOnlyConfig extends SubagentXConfigManager {
        ServerOnlyConfig(AgentXMessageDispatcher dispatcher, MOServer server) {
            super(null, dispatcher, new MOServer[] {server}, null, null, null, null);
        }

        @Override
        public void launchAgentXSessions() {
            throw new UnsupportedOperationException("sessions are opened by SubagentSupervisor");
        }
    }
}
