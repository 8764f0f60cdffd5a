package org.keepalive4j.daemon;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

/**
 * Parses keepalived 2.2's options the way getopt_long does: short options may be clustered
 * ({@code -nlD}) and take their argument attached or as the next word ({@code -fFILE}, {@code -f FILE});
 * long options take {@code --opt=value} or {@code --opt value} and may be abbreviated to any unique
 * prefix. Options with an optional argument (-t, -M) only take it attached, as with getopt.
 * -h, -v, --signum and -T act as soon as they are met, so later words are not examined.
 */
public final class CommandLineParser {

    private enum Arg { NONE, REQUIRED, OPTIONAL }

    private record Option(char shortName, String longName, Arg arg, BiConsumer<Builder, String> apply) {
        String display() {
            return longName != null ? "--" + longName : "-" + shortName;
        }
    }

    private static final char NO_SHORT = 0;

    private static final List<Option> OPTIONS = List.of(
            new Option('f', "use-file", Arg.REQUIRED, (b, v) -> b.configFile = Path.of(v)),
            new Option('P', "vrrp", Arg.NONE, (b, v) -> b.vrrpOnly = true),
            new Option('C', "check", Arg.NONE, (b, v) -> b.checkOnly = true),
            new Option('B', "no_bfd", Arg.NONE, (b, v) -> b.noBfd = true),
            new Option(NO_SHORT, "all", Arg.NONE, (b, v) -> b.allSubsystems = true),
            new Option('l', "log-console", Arg.NONE, (b, v) -> b.logConsole = true),
            new Option('D', "log-detail", Arg.NONE, (b, v) -> b.logDetail = true),
            new Option('S', "log-facility", Arg.REQUIRED, (b, v) -> b.logFacility = SyslogFacility.parse(v)),
            new Option('G', "no-syslog", Arg.NONE, (b, v) -> b.noSyslog = true),
            new Option('u', "umask", Arg.REQUIRED, (b, v) -> b.umask = parseUmask(v)),
            new Option('X', "release-vips", Arg.NONE, (b, v) -> b.releaseVips = true),
            new Option('V', "dont-release-vrrp", Arg.NONE, (b, v) -> b.dontReleaseVrrp = true),
            new Option('I', "dont-release-ipvs", Arg.NONE, (b, v) -> b.dontReleaseIpvs = true),
            new Option('R', "dont-respawn", Arg.NONE, (b, v) -> b.dontRespawn = true),
            new Option('n', "dont-fork", Arg.NONE, (b, v) -> b.dontFork = true),
            new Option('d', "dump-conf", Arg.NONE, (b, v) -> b.dumpConf = true),
            new Option('p', "pid", Arg.REQUIRED, (b, v) -> b.pidFile = Path.of(v)),
            new Option('r', "vrrp_pid", Arg.REQUIRED, (b, v) -> b.vrrpPidFile = Path.of(v)),
            new Option('c', "checkers_pid", Arg.REQUIRED, (b, v) -> b.checkersPidFile = Path.of(v)),
            new Option('b', "bfd_pid", Arg.REQUIRED, (b, v) -> b.bfdPidFile = Path.of(v)),
            new Option('T', "genhash", Arg.NONE, (b, v) -> b.action = CommandLine.Action.GENHASH),
            new Option('a', "address-monitoring", Arg.NONE, (b, v) -> b.addressMonitoring = true),
            new Option('x', "snmp", Arg.NONE, (b, v) -> b.snmp = true),
            new Option('A', "snmp-agent-socket", Arg.REQUIRED, (b, v) -> b.snmpAgentSocket = v),
            new Option('s', "namespace", Arg.REQUIRED, (b, v) -> b.namespace = requireNonEmpty(v)),
            new Option('m', "core-dump", Arg.NONE, (b, v) -> b.coreDump = true),
            new Option('M', "core-dump-pattern", Arg.OPTIONAL, (b, v) -> {
                b.coreDump = true;
                b.coreDumpPattern = v;
            }),
            new Option('e', "all-config", Arg.NONE, (b, v) -> b.allConfig = true),
            new Option('i', "config-id", Arg.REQUIRED, (b, v) -> b.configId = requireNonEmpty(v)),
            new Option(NO_SHORT, "signum", Arg.REQUIRED, (b, v) -> {
                b.action = CommandLine.Action.SIGNUM;
                b.signalFunction = v;
            }),
            new Option('t', "config-test", Arg.OPTIONAL, (b, v) -> {
                b.action = CommandLine.Action.CONFIG_TEST;
                b.configTestLog = v == null ? null : Path.of(requireNonEmpty(v));
            }),
            new Option('v', "version", Arg.NONE, (b, v) -> b.action = CommandLine.Action.VERSION),
            new Option('h', "help", Arg.NONE, (b, v) -> b.action = CommandLine.Action.HELP));

    private static final Map<Character, Option> BY_SHORT = OPTIONS.stream()
            .filter(o -> o.shortName() != NO_SHORT)
            .collect(Collectors.toUnmodifiableMap(Option::shortName, o -> o));

    private CommandLineParser() {
    }

    public static CommandLine parse(String... args) throws UsageException {
        Builder b = new Builder();
        int i = 0;
        while (i < args.length) {
            String word = args[i++];
            if (word.equals("--")) {
                if (i < args.length) {
                    throw new UsageException("unexpected argument '" + args[i] + "'");
                }
                break;
            }
            if (word.startsWith("--")) {
                i = longOption(word, args, i, b);
            } else if (word.startsWith("-") && word.length() > 1) {
                i = shortOptions(word, args, i, b);
            } else {
                throw new UsageException("unexpected argument '" + word + "'");
            }
            if (b.actsImmediately()) {
                break;
            }
        }
        return b.build();
    }

    /** Returns the index of the next unread word. */
    private static int longOption(String word, String[] args, int next, Builder b) throws UsageException {
        int eq = word.indexOf('=');
        String name = word.substring(2, eq < 0 ? word.length() : eq);
        String inline = eq < 0 ? null : word.substring(eq + 1);
        Option o = findLong(name, word);
        String value = inline;
        if (o.arg() == Arg.NONE && inline != null) {
            throw new UsageException("option '" + o.display() + "' doesn't allow an argument");
        }
        if (o.arg() == Arg.REQUIRED && inline == null) {
            if (next >= args.length) {
                throw new UsageException("option '" + o.display() + "' requires an argument");
            }
            value = args[next++];
        }
        apply(o, value, b);
        return next;
    }

    private static Option findLong(String name, String word) throws UsageException {
        List<Option> matches = new ArrayList<>();
        for (Option o : OPTIONS) {
            if (o.longName().equals(name)) {
                return o;
            }
            if (!name.isEmpty() && o.longName().startsWith(name)) {
                matches.add(o);
            }
        }
        if (matches.size() == 1) {
            return matches.get(0);
        }
        String bare = word.contains("=") ? word.substring(0, word.indexOf('=')) : word;
        if (matches.isEmpty()) {
            throw new UsageException("unrecognized option '" + bare + "'");
        }
        throw new UsageException("option '" + bare + "' is ambiguous; possibilities: "
                + matches.stream().map(Option::display).collect(Collectors.joining(" ")));
    }

    private static int shortOptions(String word, String[] args, int next, Builder b) throws UsageException {
        for (int pos = 1; pos < word.length(); pos++) {
            Option o = BY_SHORT.get(word.charAt(pos));
            if (o == null) {
                throw new UsageException("invalid option -- '" + word.charAt(pos) + "'");
            }
            String rest = word.substring(pos + 1);
            switch (o.arg()) {
                case NONE -> apply(o, null, b);
                case OPTIONAL -> {
                    apply(o, rest.isEmpty() ? null : rest, b);
                    return next;
                }
                case REQUIRED -> {
                    if (!rest.isEmpty()) {
                        apply(o, rest, b);
                    } else if (next < args.length) {
                        apply(o, args[next++], b);
                    } else {
                        throw new UsageException("option requires an argument -- '" + o.shortName() + "'");
                    }
                    return next;
                }
            }
            if (b.actsImmediately()) {
                return next;
            }
        }
        return next;
    }

    private static void apply(Option o, String value, Builder b) throws UsageException {
        try {
            o.apply().accept(b, value);
        } catch (IllegalArgumentException e) {
            throw new UsageException("invalid argument '" + value + "' for '" + o.display() + "': " + e.getMessage());
        }
    }

    /** keepalived reads the mask with strtoul base 0: 022 is octal, 0x12 hex, 18 decimal. */
    private static int parseUmask(String text) {
        int mask;
        try {
            mask = Integer.decode(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number");
        }
        if (mask < 0 || mask > 0777) {
            throw new IllegalArgumentException("must be between 0 and 0777");
        }
        return mask;
    }

    private static String requireNonEmpty(String v) {
        if (v.isEmpty()) {
            throw new IllegalArgumentException("must not be empty");
        }
        return v;
    }

    /** Mutable only while parsing; {@link #build()} freezes it into a {@link CommandLine}. */
    private static final class Builder {
        CommandLine.Action action = CommandLine.Action.RUN;
        Path configFile = CommandLine.DEFAULT_CONFIG;
        boolean vrrpOnly;
        boolean checkOnly;
        boolean noBfd;
        boolean allSubsystems;
        boolean logConsole;
        boolean logDetail;
        SyslogFacility logFacility = SyslogFacility.DAEMON;
        boolean noSyslog;
        Integer umask;
        boolean releaseVips;
        boolean dontReleaseVrrp;
        boolean dontReleaseIpvs;
        boolean dontRespawn;
        boolean dontFork;
        boolean dumpConf;
        Path pidFile = CommandLine.DEFAULT_PID;
        Path vrrpPidFile = CommandLine.DEFAULT_VRRP_PID;
        Path checkersPidFile = CommandLine.DEFAULT_CHECKERS_PID;
        Path bfdPidFile = CommandLine.DEFAULT_BFD_PID;
        boolean addressMonitoring;
        boolean snmp;
        String snmpAgentSocket;
        String namespace;
        boolean coreDump;
        String coreDumpPattern;
        boolean allConfig;
        String configId;
        String signalFunction;
        Path configTestLog;

        boolean actsImmediately() {
            return switch (action) {
                case HELP, VERSION, SIGNUM, GENHASH -> true;
                case RUN, CONFIG_TEST -> false;
            };
        }

        CommandLine build() {
            return new CommandLine(action, configFile, vrrpOnly, checkOnly, noBfd, allSubsystems, logConsole,
                    logDetail, logFacility, noSyslog, umask, releaseVips, dontReleaseVrrp, dontReleaseIpvs,
                    dontRespawn, dontFork, dumpConf, pidFile, vrrpPidFile, checkersPidFile, bfdPidFile,
                    addressMonitoring, snmp, snmpAgentSocket, namespace, coreDump, coreDumpPattern, allConfig,
                    configId, signalFunction, configTestLog);
        }
    }
}
