/**
 * snmp4j-agent tables for the model: rows of atomic cells over a concurrent sorted model, stable
 * index allocation, reconciliation of rows with a new configuration, and the SET wiring
 * (value-validation listeners, change listeners).
 */
package org.keepalive4j.mib.table;
