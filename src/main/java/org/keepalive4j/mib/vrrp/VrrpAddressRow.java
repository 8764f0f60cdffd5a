package org.keepalive4j.mib.vrrp;

import org.keepalive4j.config.model.VirtualAddress;
import org.keepalive4j.mib.schema.VrrpAddressColumn;
import org.keepalive4j.mib.table.CellRow;
import org.keepalive4j.mib.table.Cells;
import org.keepalive4j.mib.table.MibTable;
import org.snmp4j.smi.OID;

/**
 * One vrrpAddressTable row: a virtual_ipaddress (advertised) or virtual_ipaddress_excluded (not
 * advertised) entry of an instance. Identity: instance name + address + prefix length + device (the
 * instance's interface when no dev is given). Written by the VRRP engine thread: {@link #setStatus}.
 */
public final class VrrpAddressRow {

    private final MibTable<VrrpAddressColumn> table;
    private final CellRow row;
    private final VirtualAddress address;
    private final boolean advertised;

    VrrpAddressRow(MibTable<VrrpAddressColumn> table, CellRow row, VirtualAddress address, boolean advertised) {
        this.table = table;
        this.row = row;
        this.address = address;
        this.advertised = advertised;
    }

    public VirtualAddress address() {
        return address;
    }

    public boolean advertised() {
        return advertised;
    }

    /** (vrrpInstanceIndex, vrrpAddressIndex). */
    public OID index() {
        return row.getIndex();
    }

    /** vrrpAddressStatus: set(1) once the address is on its interface, unset(2) after removal. */
    public void setStatus(boolean set) {
        table.set(row, VrrpAddressColumn.STATUS, Cells.truth(set));
    }

    public boolean isSet() {
        return table.get(row, VrrpAddressColumn.STATUS).toInt() == 1;
    }

    /** Writes the config cells; the status starts unset (the engine has not added anything yet). */
    static void fill(MibTable<VrrpAddressColumn> t, CellRow row, VirtualAddress a, String device, int ifIndex,
                     boolean advertised) {
        t.set(row, VrrpAddressColumn.TYPE, Cells.addressType(a.address()));
        t.set(row, VrrpAddressColumn.VALUE, Cells.address(a.address()));
        t.set(row, VrrpAddressColumn.BROADCAST, Cells.address(a.broadcast()));
        t.set(row, VrrpAddressColumn.MASK, Cells.unsigned(a.prefixLength()));
        t.set(row, VrrpAddressColumn.SCOPE, Cells.integer(scope(a.scope())));
        t.set(row, VrrpAddressColumn.IF_INDEX, ifIndex > 0 ? Cells.integer(ifIndex) : null);
        t.set(row, VrrpAddressColumn.IF_NAME, Cells.string(device));
        t.set(row, VrrpAddressColumn.IF_ALIAS, Cells.string(a.label()));
        if (t.get(row, VrrpAddressColumn.STATUS) == null) {
            t.set(row, VrrpAddressColumn.STATUS, Cells.truth(false));
        }
        t.set(row, VrrpAddressColumn.ADVERTISING, Cells.truth(advertised));
        t.set(row, VrrpAddressColumn.PEER, Cells.address(a.peer()));
    }

    /** InetScopeType as keepalived maps the kernel scope: global 14, host 1, link 2, site 5, nowhere 0. */
    static int scope(String scope) {
        if (scope == null) {
            return 14;
        }
        return switch (scope) {
            case "global", "universe", "0" -> 14;
            case "host", "254" -> 1;
            case "link", "253" -> 2;
            case "site", "200" -> 5;
            default -> 0;
        };
    }
}
