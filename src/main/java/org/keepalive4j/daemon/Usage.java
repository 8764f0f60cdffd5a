package org.keepalive4j.daemon;

/** The text of --help. Written for keepalive4j; option names and meanings follow keepalived 2.2. */
final class Usage {

    private Usage() {
    }

    static final String HINT = "Try 'keepalive4j --help' for more information.";

    static String text() {
        return """
                Usage: keepalive4j [OPTION]...
                VRRP and health-check daemon for keepalived.conf, with an SNMP agent.
                keepalive4j always stays in the foreground: run it under systemd
                (Type=notify) or another supervisor. -n is accepted and changes nothing.

                Configuration:
                  -f, --use-file=FILE         read FILE
                                              (default /etc/keepalived/keepalived.conf)
                  -t, --config-test[=LOG]     check the configuration, report every problem
                                              to stderr (or LOG), exit 0 if it is usable
                  -d, --dump-conf             log the parsed configuration (start, reload)
                  -i, --config-id=ID          keep '@ID' lines and drop other '@' lines;
                                              drop '@^ID' lines (default: host name up to
                                              the first dot)
                  -e, --all-config            a missing or unreadable include is an error

                Subsystems:
                  -P, --vrrp                  run the VRRP engine only
                  -C, --check                 run the health checkers only
                  -B, --no_bfd                do not run BFD (keepalive4j has no BFD engine)
                      --all                   run every engine, even if not configured
                  -x, --snmp                  enable the SNMP subagent
                  -A, --snmp-agent-socket=S   AgentX master socket to connect to
                  -s, --namespace=NAME        network namespace (not supported yet: use
                                              'ip netns exec NAME keepalive4j ...')

                Logging:
                  -l, --log-console           also log to the console (stderr)
                  -D, --log-detail            detailed (debug) log messages
                  -S, --log-facility=FAC      syslog facility: 0-7 (local0-7),
                                              local0-local7, user or daemon (default)
                  -G, --no-syslog             do not log to syslog

                Process:
                  -n, --dont-fork             stay in the foreground (always the case)
                  -p, --pid=FILE              main pid file (default /run/keepalived.pid)
                  -r, --vrrp_pid=FILE         pid file written when VRRP runs
                                              (default /run/keepalived_vrrp.pid)
                  -c, --checkers_pid=FILE     pid file written when the checkers run
                                              (default /run/keepalived_checkers.pid)
                  -b, --bfd_pid=FILE          accepted for compatibility (no BFD engine)
                  -u, --umask=MASK            umask for created files (numeric, e.g. 022)
                  -R, --dont-respawn          accepted (there are no child processes)
                  -m, --core-dump             accepted; JVM crash dumps follow 'ulimit -c'
                  -M, --core-dump-pattern[=P] accepted; the kernel core pattern is kept

                On stop and on signals:
                  -V, --dont-release-vrrp     keep virtual addresses and routes on stop
                  -I, --dont-release-ipvs     keep the IPVS configuration on stop
                  -X, --release-vips          drop virtual addresses on a signal-driven
                                              state transition
                  -a, --address-monitoring    log every address change seen on netlink

                Other:
                      --signum=FUNCTION       print the signal number of STOP, RELOAD,
                                              DATA or STATS and exit
                  -T, --genhash               genhash: the options after it are genhash's
                  -v, --version               print the version and exit
                  -h, --help                  print this help and exit

                Signals: TERM/INT stop, HUP reloads the configuration, USR1 writes
                /tmp/keepalived.data, USR2 writes /tmp/keepalived.stats
                (KEEPALIVE4J_DUMP_DIR in the environment moves both elsewhere).
                Exit status: 0 success, 1 failure, 2 bad command line.
                """;
    }
}
