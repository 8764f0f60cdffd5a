package org.keepalive4j.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import org.keepalive4j.config.ConfigException;
import org.keepalive4j.config.ConfigParser;
import org.keepalive4j.config.ParseOptions;
import org.keepalive4j.config.ParsedConfig;
import org.keepalive4j.config.model.KeepalivedConfig;

/**
 * The keepalived.conf parser benchmark, run by scripts/bench-parse. Prints figures, asserts nothing.
 *
 * <pre>
 * write FILE             write the benchmark configuration (ScaleConfigGenerator.BENCHMARK) to FILE
 * measure FILE [RUNS]    in this JVM: first (cold) parse, warm parse median and min, retained heap
 * once FILE LAUNCHED     one parse in a fresh JVM: time to the parsed model from LAUNCHED (epoch
 *                        nanoseconds, taken by the launching shell) and from the JVM's own start time
 * </pre>
 */
public final class ParseBenchmark {

    private static final int WARMUP_RUNS = 5;

    private ParseBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: ParseBenchmark write|measure|once FILE [RUNS|LAUNCHED]");
        }
        Path file = Path.of(args[1]);
        switch (args[0]) {
            case "write" -> ScaleConfigGenerator.BENCHMARK.writeTo(file);
            case "measure" -> measure(file, args.length > 2 ? Integer.parseInt(args[2]) : 10);
            case "once" -> once(file, Long.parseLong(args[2]));
            default -> throw new IllegalArgumentException("unknown mode " + args[0]);
        }
    }

    /**
     * The launch time comes from the caller because the process start time Java can see
     * (ProcessHandle.Info.startInstant) is derived from the kernel's boot time, which has whole-second
     * resolution.
     */
    private static void once(Path file, long launchedEpochNanos) throws ConfigException {
        KeepalivedConfig config = parse(file).config();
        // taken before the management classes load, which would add their own start-up cost
        Instant parsedAt = Instant.now();
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        long parsedEpochNanos = parsedAt.getEpochSecond() * 1_000_000_000L + parsedAt.getNano();
        System.out.printf("once: launch -> parsed model %d ms, JVM start -> parsed model %d ms; %s%n",
                (parsedEpochNanos - launchedEpochNanos) / 1_000_000, parsedAt.toEpochMilli() - jvmStart,
                describe(config));
    }

    private static void measure(Path file, int runs) throws Exception {
        System.out.printf("config: %s, %,d bytes%n", file, Files.size(file));
        long t0 = System.nanoTime();
        KeepalivedConfig cold = parse(file).config();
        System.out.printf("cold: first parse in this JVM %.0f ms; %s%n", millisSince(t0), describe(cold));

        for (int i = 0; i < WARMUP_RUNS; i++) {
            parse(file);
        }
        double[] times = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            parse(file);
            times[i] = millisSince(t);
        }
        Arrays.sort(times);
        System.out.printf("warm: median %.0f ms, min %.0f ms, max %.0f ms over %d runs after %d warm-up runs%n",
                median(times), times[0], times[runs - 1], runs, WARMUP_RUNS);

        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long before = usedHeapAfterGc(memory);
        ParsedConfig kept = parse(file);
        long after = usedHeapAfterGc(memory);
        Reference.reachabilityFence(kept);
        System.out.printf("heap: parsed model retains %.1f MiB (heap used after full GC: %.1f -> %.1f MiB)%n",
                mib(after - before), mib(before), mib(after));
    }

    private static ParsedConfig parse(Path file) throws ConfigException {
        return new ConfigParser(ParseOptions.defaults()).parse(file);
    }

    private static String describe(KeepalivedConfig c) {
        return String.format("%d vrrp_instances, %d virtual_servers, %d real_servers",
                c.vrrpInstances().size(), c.virtualServers().size(), c.realServerCount());
    }

    /** Several collections, because one may leave garbage that a finalizer or reference queue still holds. */
    private static long usedHeapAfterGc(MemoryMXBean memory) throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double millisSince(long nanoTime) {
        return (System.nanoTime() - nanoTime) / 1e6;
    }

    private static double mib(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }
}
