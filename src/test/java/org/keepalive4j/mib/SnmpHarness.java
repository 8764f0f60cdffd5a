package org.keepalive4j.mib;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.snmp4j.CommunityTarget;
import org.snmp4j.MessageDispatcherImpl;
import org.snmp4j.PDU;
import org.snmp4j.Snmp;
import org.snmp4j.agent.CommandProcessor;
import org.snmp4j.agent.MOServer;
import org.snmp4j.agent.mo.snmp.CoexistenceInfo;
import org.snmp4j.agent.mo.snmp.CoexistenceInfoProvider;
import org.snmp4j.agent.security.VACM;
import org.snmp4j.event.ResponseEvent;
import org.snmp4j.mp.MPv2c;
import org.snmp4j.mp.MPv3;
import org.snmp4j.mp.SnmpConstants;
import org.snmp4j.smi.Address;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.UdpAddress;
import org.snmp4j.smi.Variable;
import org.snmp4j.smi.VariableBinding;
import org.snmp4j.transport.DefaultUdpTransportMapping;
import org.snmp4j.util.ThreadPool;

/**
 * snmp4j-agent's own request machinery (a {@link CommandProcessor}) serving a MOServer on an
 * ephemeral 127.0.0.1 UDP port, and a snmp4j client talking SNMPv2c to it: the most faithful way to
 * check values, walks and SET error codes without a master agent.
 */
final class SnmpHarness implements AutoCloseable {

    private final DefaultUdpTransportMapping agentTransport;
    private final ThreadPool pool;
    private final Snmp client;
    private final CommunityTarget<Address> target;

    SnmpHarness(MOServer server) throws IOException {
        CommandProcessor processor = new CommandProcessor(new OctetString(MPv3.createLocalEngineID()));
        processor.addMOServer(server);
        // no access control under test: every community reads and writes the default context
        processor.setVacm(new AllowAll());
        processor.setCoexistenceProvider(new AnyCommunity(processor.getContextEngineID()));
        pool = ThreadPool.create("test-agent", 2);
        processor.setWorkerPool(pool);
        MessageDispatcherImpl dispatcher = new MessageDispatcherImpl();
        dispatcher.addMessageProcessingModel(new MPv2c());
        dispatcher.addCommandResponder(processor);
        agentTransport = new DefaultUdpTransportMapping(new UdpAddress("127.0.0.1/0"));
        dispatcher.addTransportMapping(agentTransport);
        agentTransport.addTransportListener(dispatcher);
        agentTransport.listen();

        client = new Snmp(new DefaultUdpTransportMapping());
        client.listen();
        target = new CommunityTarget<>(agentTransport.getListenAddress(), new OctetString("public"));
        target.setVersion(SnmpConstants.version2c);
        target.setTimeout(2000);
        target.setRetries(0);
    }

    PDU send(int type, List<VariableBinding> vbs, int maxRepetitions) throws IOException {
        PDU pdu = new PDU();
        pdu.setType(type);
        vbs.forEach(pdu::add);
        if (type == PDU.GETBULK) {
            pdu.setMaxRepetitions(maxRepetitions);
            pdu.setNonRepeaters(0);
        }
        ResponseEvent<Address> e = client.send(pdu, target);
        if (e.getResponse() == null) {
            throw new IOException("no response to " + pdu, e.getError());
        }
        return e.getResponse();
    }

    Variable get(OID oid) throws IOException {
        PDU r = send(PDU.GET, List.of(new VariableBinding(oid)), 0);
        return r.get(0).getVariable();
    }

    VariableBinding getNext(OID oid) throws IOException {
        return send(PDU.GETNEXT, List.of(new VariableBinding(oid)), 0).get(0);
    }

    /** The SET response (check getErrorStatus / getErrorIndex). */
    PDU set(OID oid, Variable value) throws IOException {
        return send(PDU.SET, List.of(new VariableBinding(oid, value)), 0);
    }

    /** Every varbind under {@code prefix}, by GETBULK. */
    List<VariableBinding> walk(OID prefix, int maxRepetitions) throws IOException {
        List<VariableBinding> out = new ArrayList<>();
        OID next = prefix;
        while (true) {
            PDU r = send(PDU.GETBULK, List.of(new VariableBinding(next)), maxRepetitions);
            if (r.getErrorStatus() != 0) {
                throw new IOException("walk failed: " + r);
            }
            for (VariableBinding vb : r.getVariableBindings()) {
                if (vb.getVariable().isException() || !vb.getOid().startsWith(prefix)) {
                    return out;
                }
                out.add(vb);
                next = vb.getOid();
            }
        }
    }

    private static final class AllowAll implements VACM {
        private static final OctetString VIEW = new OctetString("all");

        @Override
        public int isAccessAllowed(OctetString context, OctetString securityName, int securityModel,
                                   int securityLevel, int viewType, OID oid) {
            return VACM_OK;
        }

        @Override
        public int isAccessAllowed(OctetString viewName, OID oid) {
            return VACM_OK;
        }

        @Override
        public OctetString getViewName(OctetString context, OctetString securityName, int securityModel,
                                       int securityLevel, int viewType) {
            return VIEW;
        }
    }

    private record AnyCommunity(OctetString engineId) implements CoexistenceInfoProvider {
        @Override
        public CoexistenceInfo[] getCoexistenceInfo(OctetString community) {
            return new CoexistenceInfo[] {new CoexistenceInfo(community, engineId, new OctetString())};
        }

        @Override
        public OctetString getCommunity(OctetString securityName, OctetString contextEngineID,
                                        OctetString contextName) {
            return securityName;
        }

        @Override
        public boolean passesFilter(Address address, CoexistenceInfo info) {
            return true;
        }
    }

    @Override
    public void close() throws IOException {
        client.close();
        agentTransport.close();
        pool.stop();
    }
}
