package org.keepalive4j.mib.schema;

import org.snmp4j.smi.SMIConstants;

/**
 * The BER tags the KEEPALIVED-MIB syntaxes encode as. INTEGER enumerations, TruthValue,
 * InetAddressType, InterfaceIndex and InetScopeType are INTEGER; DisplayString and InetAddress are
 * OCTET STRING; Unsigned32, Gauge32, InetPortNumber and InetAddressPrefixLength share the
 * Gauge32/Unsigned32 tag.
 */
final class Syntax {

    static final int INTEGER = SMIConstants.SYNTAX_INTEGER32;
    static final int OCTET_STRING = SMIConstants.SYNTAX_OCTET_STRING;
    static final int GAUGE32 = SMIConstants.SYNTAX_GAUGE32;
    static final int COUNTER32 = SMIConstants.SYNTAX_COUNTER32;
    static final int COUNTER64 = SMIConstants.SYNTAX_COUNTER64;

    private Syntax() {
    }
}
