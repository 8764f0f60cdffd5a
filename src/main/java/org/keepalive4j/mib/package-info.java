/**
 * KEEPALIVED-MIB (enterprises.9586.100.5, as keepalived 2.2 ships it) as the daemon's model: the
 * configuration is loaded into its tables, the engines read their parameters from the rows and write
 * their state into them, and the AgentX subagent serves them.
 *
 * <h2>Building and serving</h2>
 * <pre>{@code
 * KeepalivedMib mib = KeepalivedMib.build(config, MibOptions.defaults().withSink(agentxSink));
 * MOServer server = mib.server();            // or mib.registerWith(subagentServer)
 * OID region = mib.subtree();                 // register with the master
 * List<SysOrEntry> sysOr = mib.sysOrEntries();
 * ...
 * MibReload changes = mib.reload(newConfig);  // on SIGHUP
 * }</pre>
 *
 * <h2>Engines</h2>
 * The VRRP engine takes its rows from {@code mib.vrrp()} ({@link org.keepalive4j.mib.vrrp.VrrpInstanceRow},
 * {@link org.keepalive4j.mib.vrrp.VrrpSyncGroupRow}, {@link org.keepalive4j.mib.vrrp.VrrpAddressRow},
 * {@link org.keepalive4j.mib.vrrp.VrrpScriptRow}); the check engine from {@code mib.check()}
 * ({@link org.keepalive4j.mib.check.VirtualServerRow}, {@link org.keepalive4j.mib.check.RealServerRow}).
 * Parameters are read from the row ({@code basePriority()}, {@code preempt()}, {@code weight()}: the
 * SNMP override if one is in force, else the configured value); state is written with the setters.
 * SETs arrive through {@code onBasePriorityChanged}, {@code onPreemptChanged}, {@code onWeightChanged}:
 * called once per successful SET, on an AgentX thread, after the value is stored; a listener must
 * not block (post to the engine's own thread).
 *
 * <h2>Threads</h2>
 * Cells are atomic references holding immutable values: any thread may write a cell and AgentX
 * threads read whole values. The state setters that raise traps (instance and sync group state,
 * real server status, quorum status) serialize per row (per virtual server for real servers) so the
 * change test, the store and the notification are one step. {@code build} and {@code reload} run on
 * one thread at a time. Row lookups ({@code instance(name)}, {@code realServer(index)}) read
 * snapshots published by the last reload.
 *
 * <h2>Row identity</h2>
 * A row keeps its index for as long as its object stays in the configuration, and a new object never
 * gets an index used before in the process (keepalived renumbers by list position). Identities:
 * instance, sync group, vrrp_script, virtual_server_group: the name; sync group member: the instance
 * name; address: instance + address + prefix length + device (the instance's interface when no dev);
 * tracked interface: the kernel ifIndex (the MIB's own index); tracked script: the script name;
 * route or rule: its text; virtual server: address + port + protocol, fwmark + family, or group name +
 * protocol ({@link org.keepalive4j.mib.check.VirtualServerKey}); real server: its virtual server +
 * address + port; sorry server: its virtual server; group member: its fwmark or address range and
 * port; email: the address.
 *
 * <h2>Writable objects</h2>
 * vrrpInstanceBasePriority (1..254; 0 and 255 wrongValue), vrrpInstancePreempt (preempt(1),
 * noPreempt(2)), realServerWeight (0..65535; not on a sorry server). A wrong type is wrongType, any
 * other object notWritable, including the reference's read-write vrrpInstanceAccept,
 * vrrpInstancePromoteSecondaries, vrrpInstanceUseLinkbeat and vrrpInstanceNotifyDeleted. A SET is an
 * override that survives reloads until the configuration changes that very field.
 *
 * <h2>Traps</h2>
 * vrrpInstanceStateChange, vrrpSyncGroupStateChange, realServerStateChange and
 * virtualServerQuorumStateChange, with keepalived's varbinds in keepalived's order
 * ({@link org.keepalive4j.mib.trap.TrapBuilder}), sent by the state setters when global_defs has
 * enable_traps. Varbinds are bare column OIDs like keepalived's unless {@link MibOptions#indexedTrapVarbinds()}
 * or global_defs snmp_trap_indexed_varbinds asks for the indexed form.
 */
package org.keepalive4j.mib;
