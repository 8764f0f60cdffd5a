package org.keepalive4j.daemon;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.config.Configurator;
import org.keepalive4j.check.engine.CheckEngine;
import org.keepalive4j.config.Diagnostic;
import org.keepalive4j.config.model.KeepalivedConfig;
import org.keepalive4j.dataplane.DataplaneException;
import org.keepalive4j.dataplane.Dataplanes;
import org.keepalive4j.mib.MibOptions;
import org.keepalive4j.systemd.SystemdNotifier;
import org.keepalive4j.vrrp.engine.VrrpEngine;

/**
 * Everything between the command line and a running {@link Daemon}: logging, umask, pid files, the
 * first configuration load, signal handlers; and the pid files' removal at the end.
 */
final class DaemonStartup {

    private DaemonStartup() {
    }

    static int run(CommandLine cl, String[] args, PrintStream stderr) {
        if (cl.namespace() != null) {
            // setns(2) moves only the calling thread, and the JVM has started many threads (and will
            // start more from threads still in the old namespace) before main() runs, so sockets
            // would end up in either namespace. Entering it before the JVM starts is the safe way.
            stderr.println("keepalive4j: -s/--namespace is not supported yet; run 'ip netns exec "
                    + cl.namespace() + " keepalive4j ...' instead");
            return 1;
        }
        LogSettings logSettings = LogSettings.forCommandLine(cl);
        Configurator.initialize(new DaemonLogConfiguration(logSettings));
        Logger log = LogManager.getLogger(DaemonStartup.class);
        log.info("Starting keepalive4j {}", Version.current());
        log.info("Command line: keepalive4j {}", String.join(" ", args));
        if (logSettings.syslogMissing()) {
            log.warn("{} does not exist; logging to the console instead of syslog", LogSettings.SYSLOG_SOCKET);
        }
        if (cl.umask() != null) {
            LibC.INSTANCE.umask(cl.umask());
        }
        if (cl.coreDump()) {
            log.warn("-m/-M ignored: core dumps of the JVM follow 'ulimit -c' and -XX:+CreateCoredumpOnCrash");
        }

        PidFiles pidFiles = PidFiles.forCommandLine(cl, ProcessHandle.current().pid());
        try {
            pidFiles.acquire();
        } catch (PidFiles.AlreadyRunningException e) {
            log.error("{}", e.getMessage());
            return 1;
        } catch (IOException e) {
            log.error("Cannot write pid file {} ({})", e.getMessage(), e.getClass().getSimpleName());
            pidFiles.release().forEach(log::warn);
            return 1;
        }
        try {
            return loadAndRun(cl, log);
        } finally {
            pidFiles.release().forEach(log::warn);
        }
    }

    private static int loadAndRun(CommandLine cl, Logger log) {
        ConfigLoader loader = ConfigLoader.forCommandLine(cl);
        // Start order: the MIB model first (engines read and write its rows), then the engines. The
        // VRRP engine (cl.runsVrrp()) and the health checkers (cl.runsChecker()) join after it.
        MibSubsystem mib = new MibSubsystem(MibOptions.defaults(), cl.snmp(), cl.snmpAgentSocket());
        List<Subsystem> subsystems = new ArrayList<>();
        subsystems.add(mib);
        // systemd's watchdog is pinged from the VRRP event loop, or from the check engine's thread with -C
        SystemdNotifier systemd = SystemdNotifier.fromEnvironment(System.getenv(), ProcessHandle.current().pid());
        Optional<Duration> watchdogPing = systemd.watchdogPingInterval();
        if (cl.runsVrrp()) {
            VrrpEngine vrrp = new VrrpEngine(mib::mib, cl.dontReleaseVrrp());
            watchdogPing.ifPresent(p -> vrrp.heartbeat(p, systemd::watchdogPing));
            subsystems.add(vrrp);
        }
        // the configuration the engines start with; the check engine opens its dataplane from it
        AtomicReference<KeepalivedConfig> started = new AtomicReference<>();
        if (cl.runsChecker()) {
            // lvs_dataplane in global_defs: auto (IPVS if the kernel has it, else nftables), ipvs, nftables,
            // or logging, which only logs and dumps the table; read once at start (a change needs a restart)
            CheckEngine check = new CheckEngine(mib::mib, () -> {
                try {
                    return Dataplanes.open(started.get().global(), cl.dontReleaseIpvs());
                } catch (DataplaneException e) {
                    throw new IllegalStateException("cannot open the " + started.get().global().lvsDataplane()
                            + " dataplane: " + e.getMessage(), e);
                }
            });
            if (!cl.runsVrrp()) {
                watchdogPing.ifPresent(p -> check.heartbeat(p, systemd::watchdogPing));
            }
            subsystems.add(check);
        }
        Daemon daemon = new Daemon(loader, subsystems, DumpFiles.fromEnvironment(System.getenv()), cl.dumpConf());
        daemon.notifyTo(systemd);
        // before the first load: a TERM or HUP that arrives while parsing is queued, not fatal
        SignalBridge.install(daemon::submit);
        ConfigLoader.Result first = loader.load();
        for (Diagnostic d : first.diagnostics()) {
            if (d.isError()) {
                log.error("{}", d);
            } else {
                log.warn("{}", d);
            }
        }
        if (!first.ok()) {
            log.error("Configuration {} has {} error(s); not starting", loader.file(), first.errors().size());
            return 1;
        }
        started.set(first.config());
        return daemon.run(first.config());
    }
}
