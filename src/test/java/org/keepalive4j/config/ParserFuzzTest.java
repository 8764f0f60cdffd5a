package org.keepalive4j.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Random mutations of valid configurations: the parser must only ever answer with a model or with
 * its own {@link ConfigException}, and must finish each input in bounded time.
 */
class ParserFuzzTest {

    private static final int INPUTS = 10_000;
    private static final long PER_INPUT_LIMIT_MS = 2_000;
    private static final String NOISE = "{}\"'!#$@~\\/.:-_ \t\n0123456789abcxyzSEQLST(),=";

    @Test
    void randomMutationsNeverCrashOrHang() throws Exception {
        long seed = Long.getLong("fuzz.seed", 0x6b34_6a21L);
        Random rnd = new Random(seed);
        List<String> corpus = corpus();
        ConfigParser parser = new ConfigParser(ParseOptions.defaults().withConfigId("high"));
        Path pretend = Path.of("/tmp/k4j-fuzz-nonexistent/keepalived.conf");
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz-parse");
            t.setDaemon(true);
            return t;
        });
        int parsed = 0;
        int rejected = 0;
        try {
            for (int i = 0; i < INPUTS; i++) {
                String input = mutate(corpus.get(rnd.nextInt(corpus.size())), rnd);
                Future<Boolean> f = worker.submit(() -> {
                    try {
                        parser.parse(input, pretend);
                        return true;
                    } catch (ConfigException e) {
                        return false;
                    }
                });
                try {
                    if (f.get(PER_INPUT_LIMIT_MS, TimeUnit.MILLISECONDS)) {
                        parsed++;
                    } else {
                        rejected++;
                    }
                } catch (TimeoutException e) {
                    fail("input " + i + " (seed " + seed + ") took more than " + PER_INPUT_LIMIT_MS + " ms:\n" + input);
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new AssertionError("input " + i + " (seed " + seed + ") threw " + e.getCause() + ":\n"
                            + input, e.getCause());
                }
            }
        } finally {
            worker.shutdownNow();
        }
        assertEquals(INPUTS, parsed + rejected);
        // Both outcomes must occur, or the mutations are not exercising the parser.
        if (parsed == 0 || rejected == 0) {
            fail("degenerate fuzzing: parsed=" + parsed + " rejected=" + rejected);
        }
    }

    private static String mutate(String text, Random rnd) {
        StringBuilder b = new StringBuilder(text);
        int edits = 1 + rnd.nextInt(6);
        for (int e = 0; e < edits && b.length() > 0; e++) {
            int at = rnd.nextInt(b.length());
            switch (rnd.nextInt(9)) {
                case 0 -> b.deleteCharAt(at);
                case 1 -> b.insert(at, NOISE.charAt(rnd.nextInt(NOISE.length())));
                case 2 -> b.setCharAt(at, NOISE.charAt(rnd.nextInt(NOISE.length())));
                case 3 -> { // duplicate a span (lines, blocks)
                    int len = Math.min(b.length() - at, 1 + rnd.nextInt(200));
                    b.insert(at, b.substring(at, at + len));
                }
                case 4 -> { // delete a span
                    int len = Math.min(b.length() - at, 1 + rnd.nextInt(80));
                    b.delete(at, at + len);
                }
                case 5 -> b.insert(at, " " + (rnd.nextBoolean() ? rnd.nextLong() : rnd.nextInt(1000) - 500) + " ");
                case 6 -> b.insert(at, switch (rnd.nextInt(6)) {
                    case 0 -> "\n$P=" + rnd.nextInt(300) + "\n";
                    case 1 -> " $P ";
                    case 2 -> "\n~SEQ(I, " + rnd.nextInt(5) + ", " + rnd.nextInt(50) + ") ";
                    case 3 -> "\n@high ";
                    case 4 -> "\n$Q= \\\n x $Q \\\n";
                    default -> "${P}";
                });
                case 7 -> b.insert(at, rnd.nextBoolean() ? "{" : "}");
                default -> { // swap two characters far apart
                    int other = rnd.nextInt(b.length());
                    char c = b.charAt(at);
                    b.setCharAt(at, b.charAt(other));
                    b.setCharAt(other, c);
                }
            }
        }
        return b.toString();
    }

    private static List<String> corpus() throws IOException {
        List<String> texts = new ArrayList<>();
        for (String name : List.of("failover-director1.conf", "failover-director2.conf", "healthcheck.conf",
                "healthcheck-ssl.conf", "mixing.conf")) {
            try (InputStream in = ParserFuzzTest.class.getResourceAsStream("/userguide/" + name)) {
                texts.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        Path samples = DebianSamplesTest.SAMPLES;
        if (Files.isDirectory(samples)) {
            try (Stream<Path> s = Files.list(samples)) {
                for (Path p : s.filter(p -> p.getFileName().toString().startsWith("keepalived.conf.")).sorted().toList()) {
                    texts.add(Files.readString(p));
                }
            }
        }
        return texts;
    }
}
