package org.keepalive4j.daemon;

import java.io.PrintStream;
import org.keepalive4j.check.http.Genhash;

/**
 * keepalive4j's command-line entry point, with keepalived 2.2's options.
 *
 * <p>keepalive4j never forks: it always runs in the foreground, as keepalived does with -n, and
 * leaves daemonizing to the service manager (systemd Type=notify, see org.keepalive4j.systemd). A
 * JVM cannot fork safely, and a supervisor that watches the process it started gives restarts and
 * logging for free. -n is accepted and changes nothing.
 *
 * <p>Exit status: 0 success, 1 failure (bad configuration, another instance running, ...), 2 a
 * command line that cannot be understood.
 * With -T (genhash) the statuses are genhash's: 0 whatever the server did, 1 for a usage error.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream stdout, PrintStream stderr) {
        CommandLine cl;
        try {
            cl = CommandLineParser.parse(args);
        } catch (UsageException e) {
            stderr.println("keepalive4j: " + e.getMessage());
            stderr.println(Usage.HINT);
            return 2;
        }
        return switch (cl.action()) {
            case HELP -> {
                stdout.print(Usage.text());
                yield 0;
            }
            case VERSION -> {
                stdout.print(Version.banner());
                yield 0;
            }
            case SIGNUM -> signalNumber(cl.signalFunction(), stdout, stderr);
            // keepalived's genhash mode: the words after -T are genhash's options
            case GENHASH -> Genhash.runFromDaemonArgs(args, stdout, stderr);
            case CONFIG_TEST -> ConfigTest.run(cl, stderr);
            case RUN -> DaemonStartup.run(cl, args, stderr);
        };
    }

    private static int signalNumber(String function, PrintStream stdout, PrintStream stderr) {
        return SignalFunction.byName(function).map(f -> {
            stdout.println(f.number);
            return 0;
        }).orElseGet(() -> {
            stderr.println("keepalive4j: unknown or unsupported signal function '" + function
                    + "' (known: STOP, RELOAD, DATA, STATS)");
            return 1;
        });
    }
}
