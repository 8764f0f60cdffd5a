package org.keepalive4j.agentx;

import java.nio.charset.StandardCharsets;
import org.snmp4j.smi.Address;

/**
 * A {@link MasterAddress} in the form SNMP4J's AgentX classes key their peers, sessions and targets by.
 * SNMP4J's own address types cannot name a unix socket, so both unix and tcp masters use this one type
 * and {@link AgentXChannelTransport} serves both.
 */
public final class MasterPeerAddress implements Address {

    private MasterAddress master;

    public MasterPeerAddress(MasterAddress master) {
        this.master = master;
    }

    public MasterAddress master() {
        return master;
    }

    @Override
    public boolean isValid() {
        return master != null;
    }

    @Override
    public boolean parseAddress(String address) {
        try {
            master = MasterAddress.parse(address);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public void setValue(String address) {
        master = MasterAddress.parse(address);
    }

    @Override
    public void setValue(byte[] address) {
        setValue(new String(address, StandardCharsets.UTF_8));
    }

    @Override
    public byte[] toByteArray() {
        return toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MasterPeerAddress other && master.equals(other.master);
    }

    @Override
    public int hashCode() {
        return master.hashCode();
    }

    @Override
    public String toString() {
        return master.toString();
    }
}
