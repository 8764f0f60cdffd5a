package org.keepalive4j.check.http;

import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * genhash: GETs one url and prints the MD5 of its body, the digest to put in a url block. Output and
 * exit status are keepalived 2.2.7's genhash's: the hash (or keepalived's message for a failure, such
 * as "Connection failed") on stdout and exit 0 whatever the server did; usage errors on stderr with
 * exit 1. With -v it also prints the header and body as hex dumps, read by read, as genhash does.
 *
 * <p>It is the probe's own client ({@link HttpFetch}, {@link ResponseScanner}), so the digest it prints
 * is by construction the digest HTTP_GET compares.
 */
public final class Genhash {

    private static final String DELIM_BEGIN = "-----------------------[";
    private static final String DELIM_END = "]-----------------------\n";
    private static final String HTTP_HEADER_HEXA = DELIM_BEGIN + "    HTTP Header Buffer    " + DELIM_END;
    private static final String HTTP_HEADER_ASCII = DELIM_BEGIN + " HTTP Header Ascii Buffer " + DELIM_END;
    private static final String HTML_HEADER_HEXA = DELIM_BEGIN + "        HTML Buffer        " + DELIM_END;
    private static final String HTML_HASH = DELIM_BEGIN + "    HTML hash resulting    " + DELIM_END;
    private static final String HTML_HASH_FINAL = DELIM_BEGIN + " HTML hash final resulting " + DELIM_END;

    /** Set by scripts/genhash to its own path: then the usage text reads as genhash's own. */
    public static final String PROG_ENV = "KEEPALIVE4J_GENHASH_PROG";

    private Genhash() {
    }

    /**
     * {@code keepalive4j -T ...}: like keepalived, genhash's options are the words after the first -T
     * (or --genhash); anything before it is ignored, with keepalived's warning.
     */
    public static int runFromDaemonArgs(String[] args, PrintStream out, PrintStream err) {
        int at = genhashFlagIndex(args);
        if (at > 0) {
            String flag = args[at].startsWith("--") ? "genhash" : "-T";
            err.println("Warning -- `" + flag + "` not used as first option, previous options ignored");
        }
        List<String> rest = Arrays.asList(args).subList(Math.min(at + 1, args.length), args.length);
        String prog = System.getenv(PROG_ENV);
        return prog == null || prog.isEmpty()
                ? run(rest, "keepalive4j", false, out, err)
                : run(rest, prog, true, out, err);
    }

    /** The word holding -T: "-T", a cluster ending in T, or a prefix of --genhash. */
    static int genhashFlagIndex(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String w = args[i];
            if (w.startsWith("--") && w.length() > 3 && "--genhash".startsWith(w)) {
                return i;
            }
            if (!w.startsWith("--") && w.startsWith("-") && w.endsWith("T")) {
                return i;
            }
        }
        return args.length - 1;
    }

    /**
     * @param amGenhash run as the genhash program (usage says "Usage: PROG"), not as keepalived -T
     *                  ("Usage: PROG --genhash")
     */
    public static int run(List<String> args, String prog, boolean amGenhash, PrintStream out, PrintStream err) {
        GenhashOptions o = GenhashCommandLine.parse(args, err);
        if (o == null) {
            err.print(usage(prog, amGenhash));
            err.flush();
            return 1;
        }
        long start = System.nanoTime();
        InetSocketAddress target = new InetSocketAddress(o.server(), o.port());
        byte[] request = HttpGetRequest.build(o.path(), HttpGetRequest.hostHeader(o.virtualhost(), target),
                o.protocol());
        String sni = o.ssl() && o.sni() ? o.virtualhost() : null;
        FetchSpec spec = new FetchSpec(target, null, o.ssl(), sni, request, o.timeoutMs(), Long.MAX_VALUE, 0);
        FetchOutcome outcome;
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "genhash-timer");
            t.setDaemon(true);
            return t;
        });
        try {
            outcome = new HttpFetch(spec, o.verbose() ? new VerboseDump(out) : ResponseObserver.NONE, timer)
                    .start().join();
        } finally {
            timer.shutdownNow();
        }
        ResponseScanner r = outcome.response();
        if (!outcome.ok()) {
            out.println(outcome.failure().genhashText);
        } else {
            if (outcome.cleanEnd() && o.verbose()) {
                byte[] d = r.digest();
                out.print("\n" + HTML_HASH + HexDump.of(d, 0, d.length) + HTML_HASH_FINAL);
            }
            if (!r.headerSeen()) {
                out.flush();
                err.println("no data received from remote webserver");
            } else {
                out.println(r.digestHex());
            }
        }
        if (o.verbose()) {
            long usecs = TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - start);
            out.print("\nGlobal response time for [" + o.path() + "] = " + usecs + " usecs\n");
        }
        out.flush();
        return 0;
    }

    static String usage(String prog, boolean amGenhash) {
        return "Usage: " + prog + (amGenhash ? "" : " --genhash") + " COMMAND [OPTIONS]\n"
                + "Commands:\n"
                + "   -s server-address -p port -u url\n"
                + "   -S -s server-address -p port -u url\n"
                + "   -h\n\n"
                + "Options:\n"
                + "Either long or short options are allowed.\n"
                + "   --use-ssl         -S       Use SSL connection to remote server.\n"
                + "   --use-sni         -I       Use SNI during SSL handshake (uses virtualhost setting; see -V).\n"
                + "   --server          -s       Use the specified remote server address.\n"
                + "   --port            -p       Use the specified remote server port.\n"
                + "   --url             -u       Use the specified remote server url.\n"
                + "   --use-virtualhost -V       Use the specified virtualhost in GET query.\n"
                + "   --verbose         -v       Use verbose mode output.\n"
                + "   --help            -h       Display this short inlined help screen.\n"
                + "   --fwmark          -m       Use the specified FW mark.\n"
                + "   --protocol        -P       Use the specified HTTP protocol - '1.0', 1.0c', '1.1'.\n"
                + "                                1.0c means 1.0 with 'Connection: close'\n"
                + "   --timeout         -t       Timeout in seconds\n";
    }

    /** genhash -v: the header and each body read as hex dumps, as they arrive. */
    private static final class VerboseDump implements ResponseObserver {
        private final PrintStream out;

        VerboseDump(PrintStream out) {
            this.out = out;
        }

        @Override
        public void headerRead() {
            out.print(HTTP_HEADER_HEXA);
        }

        @Override
        public void header(byte[] buffer, int length) {
            out.print(HexDump.of(buffer, 0, length));
            out.print(HTTP_HEADER_ASCII);
            // printf("%.*s") stops at a NUL byte; the bytes go out as received
            int n = 0;
            while (n < length && buffer[n] != 0) {
                n++;
            }
            out.write(buffer, 0, n);
            out.print("\n");
        }

        @Override
        public void bodyDigested(byte[] buffer, int offset, int length, boolean first) {
            if (first) {
                out.print(HTML_HEADER_HEXA);
            }
            out.print(HexDump.of(buffer, offset, length));
        }
    }
}
