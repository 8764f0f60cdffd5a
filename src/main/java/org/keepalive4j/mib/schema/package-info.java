/**
 * The column lists of the KEEPALIVED-MIB tables keepalive4j serves, one enum per table, generated
 * from the reference module (/usr/share/snmp/mibs/KEEPALIVED-MIB.txt): sub-identifier, BER tag of the
 * SYNTAX and writability. Tables keepalive4j does not serve (files, BFD, processes, route next hops,
 * sync-group tracking) have no enum.
 */
package org.keepalive4j.mib.schema;
