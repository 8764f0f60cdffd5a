package org.keepalive4j.check.http;

import java.io.PrintStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.keepalive4j.config.model.check.HttpCheck.HttpProtocol;

/**
 * genhash's options, parsed as keepalived 2.2.7's genhash parses them with getopt_long: short options
 * may be clustered ({@code -vS}) and take their value attached or as the next word, long options take
 * {@code --opt=value} or {@code --opt value} and may be shortened to a unique prefix, words that are
 * not options are collected and refused at the end. The messages are genhash's, on stderr; any of them
 * ends in the usage text and exit status 1.
 *
 * <p>One difference: for a long option missing its value genhash 2.2.7 prints garbage instead of the
 * option's name (it indexes its table with -1); this prints the name.
 */
public final class GenhashCommandLine {

    private record Opt(char c, String name, boolean hasArg) {
    }

    private static final List<Opt> OPTS = List.of(
            new Opt('h', "help", false),
            new Opt('v', "verbose", false),
            new Opt('S', "use-ssl", false),
            new Opt('I', "use-sni", false),
            new Opt('s', "server", true),
            new Opt('V', "use-virtualhost", true),
            new Opt('p', "port", true),
            new Opt('u', "url", true),
            new Opt('m', "fwmark", true),
            new Opt('P', "protocol", true),
            new Opt('t', "timeout", true));

    private static final Pattern IPV4 = Pattern.compile("(0|[1-9][0-9]{0,2})(\\.(0|[1-9][0-9]{0,2})){3}");
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:.]+");

    private final PrintStream err;
    private InetAddress server;
    private Integer port;
    private String path;
    private boolean ssl;
    private boolean sni;
    private String virtualhost;
    private boolean verbose;
    private HttpProtocol protocol = HttpProtocol.HTTP_1_0;
    private long timeoutMs = GenhashOptions.DEFAULT_TIMEOUT_MS;
    private boolean badOption;

    private GenhashCommandLine(PrintStream err) {
        this.err = err;
    }

    /** The options, or null after printing why not (the caller then prints the usage text). */
    public static GenhashOptions parse(List<String> args, PrintStream err) {
        return new GenhashCommandLine(err).run(args);
    }

    private GenhashOptions run(List<String> args) {
        if (args.isEmpty()) {
            return null;
        }
        List<String> loose = new ArrayList<>();
        int i = 0;
        while (i < args.size()) {
            String word = args.get(i++);
            if (word.equals("--")) {
                loose.addAll(args.subList(i, args.size()));
                break;
            }
            if (word.startsWith("--")) {
                int eq = word.indexOf('=');
                String name = word.substring(2, eq < 0 ? word.length() : eq);
                Opt o = findLong(name);
                if (o == null || (!o.hasArg() && eq >= 0)) {
                    err.println("Unknown option " + word);
                    badOption = true;
                    continue;
                }
                String value = null;
                if (o.hasArg()) {
                    if (eq >= 0) {
                        value = word.substring(eq + 1);
                    } else if (i < args.size()) {
                        value = args.get(i++);
                    } else {
                        err.println("Missing parameter for option --" + o.name());
                        badOption = true;
                        continue;
                    }
                }
                if (!apply(o.c(), value)) {
                    return null;
                }
            } else if (word.startsWith("-") && word.length() > 1) {
                for (int k = 1; k < word.length(); k++) {
                    char c = word.charAt(k);
                    Opt o = findShort(c);
                    if (o == null) {
                        err.println("Unknown option -" + c);
                        badOption = true;
                        continue;
                    }
                    String value = null;
                    if (o.hasArg()) {
                        if (k + 1 < word.length()) {
                            value = word.substring(k + 1);
                        } else if (i < args.size()) {
                            value = args.get(i++);
                        } else {
                            err.println("Missing parameter for option -" + c);
                            badOption = true;
                            break;
                        }
                        k = word.length();
                    }
                    if (!apply(c, value)) {
                        return null;
                    }
                }
            } else {
                loose.add(word);
            }
        }
        if (badOption) {
            return null;
        }
        if (!loose.isEmpty()) {
            err.println("Unexpected argument(s): " + String.join(" ", loose));
            return null;
        }
        if (server == null || port == null || path == null) {
            return null;
        }
        return new GenhashOptions(server, port, path, ssl, sni, virtualhost, verbose, protocol, timeoutMs);
    }

    private static Opt findShort(char c) {
        for (Opt o : OPTS) {
            if (o.c() == c) {
                return o;
            }
        }
        return null;
    }

    /** Exact name, else the only option the name is a prefix of; null when none or ambiguous. */
    private static Opt findLong(String name) {
        Opt found = null;
        for (Opt o : OPTS) {
            if (o.name().equals(name)) {
                return o;
            }
            if (!name.isEmpty() && o.name().startsWith(name)) {
                if (found != null) {
                    return null;
                }
                found = o;
            }
        }
        return found;
    }

    /** false after a fatal message (genhash stops parsing at a bad value). */
    private boolean apply(char c, String v) {
        switch (c) {
            case 'h' -> badOption = true;
            case 'v' -> verbose = true;
            case 'S' -> ssl = true;
            case 'I' -> sni = true;
            case 's' -> {
                server = address(v);
                if (server == null) {
                    err.println("server should be an IP, not " + v);
                    return false;
                }
            }
            case 'V' -> virtualhost = v;
            case 'p' -> {
                port = port(v);
                if (port == null) {
                    err.println("invalid port number '" + v + "'");
                    return false;
                }
            }
            case 'u' -> path = v;
            case 'm' -> {
                // Java sockets cannot set SO_MARK; refusing beats silently checking another path
                err.println("keepalive4j built without fwmark support");
                return false;
            }
            case 'P' -> {
                if (v.equals("1.0")) {
                    protocol = HttpProtocol.HTTP_1_0;
                } else if (v.equals("1.0c") || v.equals("1.0C")) {
                    protocol = HttpProtocol.HTTP_1_0C;
                } else if (v.equals("1.1")) {
                    protocol = HttpProtocol.HTTP_1_1;
                } else {
                    err.println("invalid HTTP protocol version '" + v + "'");
                    return false;
                }
            }
            case 't' -> {
                Long seconds = seconds(v);
                if (seconds == null) {
                    err.println("invalid timeout '" + v + "'");
                    return false;
                }
                timeoutMs = seconds * 1000;
            }
            default -> throw new IllegalStateException("option -" + c + " has no handler");
        }
        return true;
    }

    /** A literal address as inet_pton takes it (never a name: no lookup); "-range" and "/mask" cut off. */
    static InetAddress address(String v) {
        String s = v;
        int cut = s.indexOf('-');
        if (cut < 0) {
            cut = s.indexOf('/');
        }
        if (cut >= 0) {
            s = s.substring(0, cut);
        }
        boolean v6 = v.indexOf(':') >= 0;
        if (v6 ? !IPV6_CHARS.matcher(s).matches() : !IPV4.matcher(s).matches()) {
            return null;
        }
        if (!v6) {
            for (String part : s.split("\\.")) {
                if (Integer.parseInt(part) > 255) {
                    return null;
                }
            }
        }
        try {
            // a literal: InetAddress parses it without any lookup
            return InetAddress.getByName(s);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** strtol(v, &end, 10) with nothing left over, 1..65535. */
    static Integer port(String v) {
        String s = v.stripLeading();
        int sign = 1;
        if (s.startsWith("+") || s.startsWith("-")) {
            sign = s.startsWith("-") ? -1 : 1;
            s = s.substring(1);
        }
        if (s.isEmpty() || !s.chars().allMatch(ch -> ch >= '0' && ch <= '9') || s.length() > 6) {
            return null;
        }
        int p = sign * Integer.parseInt(s);
        return p >= 1 && p <= 65535 ? p : null;
    }

    /** strtoul after blanks: digits only, no sign. */
    static Long seconds(String v) {
        String s = v.replaceFirst("^[ \\t]+", "");
        if (s.isEmpty() || !s.chars().allMatch(ch -> ch >= '0' && ch <= '9') || s.length() > 9) {
            return null;
        }
        return Long.parseLong(s);
    }
}
