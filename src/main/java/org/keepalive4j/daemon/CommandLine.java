package org.keepalive4j.daemon;

import java.nio.file.Path;

/**
 * The options of one invocation, as keepalived 2.2 names them. Built by {@link CommandLineParser}.
 *
 * @param action           what this invocation does; options after -h / -v are not looked at
 * @param vrrpOnly         -P: run the VRRP engine only (together with -C: both)
 * @param checkOnly        -C: run the health-check engine only
 * @param configTestLog    -t=FILE: where -t writes its findings; null: stderr
 * @param configId         -i; null: the host name up to the first dot
 * @param umask            -u; null: leave the inherited umask
 * @param coreDumpPattern  -M's argument; null when -M was not given or given without one
 * @param namespace        -s; null: stay in the current network namespace
 * @param snmpAgentSocket  -A; null: the configuration's snmp_socket or the agentx default
 * @param signalFunction   --signum's argument, for {@link Action#SIGNUM}
 */
public record CommandLine(
        Action action,
        Path configFile,
        boolean vrrpOnly,
        boolean checkOnly,
        boolean noBfd,
        boolean allSubsystems,
        boolean logConsole,
        boolean logDetail,
        SyslogFacility logFacility,
        boolean noSyslog,
        Integer umask,
        boolean releaseVips,
        boolean dontReleaseVrrp,
        boolean dontReleaseIpvs,
        boolean dontRespawn,
        boolean dontFork,
        boolean dumpConf,
        Path pidFile,
        Path vrrpPidFile,
        Path checkersPidFile,
        Path bfdPidFile,
        boolean addressMonitoring,
        boolean snmp,
        String snmpAgentSocket,
        String namespace,
        boolean coreDump,
        String coreDumpPattern,
        boolean allConfig,
        String configId,
        String signalFunction,
        Path configTestLog) {

    public enum Action { RUN, CONFIG_TEST, HELP, VERSION, SIGNUM, GENHASH }

    public static final Path DEFAULT_CONFIG = Path.of("/etc/keepalived/keepalived.conf");
    public static final Path DEFAULT_PID = Path.of("/run/keepalived.pid");
    public static final Path DEFAULT_VRRP_PID = Path.of("/run/keepalived_vrrp.pid");
    public static final Path DEFAULT_CHECKERS_PID = Path.of("/run/keepalived_checkers.pid");
    public static final Path DEFAULT_BFD_PID = Path.of("/run/keepalived_bfd.pid");

    /** keepalived runs every subsystem unless -P or -C narrows it down. */
    public boolean runsVrrp() {
        return vrrpOnly || !checkOnly;
    }

    public boolean runsChecker() {
        return checkOnly || !vrrpOnly;
    }
}
