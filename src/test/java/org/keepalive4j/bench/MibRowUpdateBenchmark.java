package org.keepalive4j.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;
import org.keepalive4j.config.ConfigParser;
import org.keepalive4j.config.ParseOptions;
import org.keepalive4j.config.model.KeepalivedConfig;
import org.keepalive4j.mib.KeepalivedMib;
import org.keepalive4j.mib.MibOptions;
import org.keepalive4j.mib.check.IpvsStats;
import org.keepalive4j.mib.check.RealServerRow;
import org.keepalive4j.mib.vrrp.VrrpInstanceRow;
import org.keepalive4j.mib.vrrp.VrrpState;

/**
 * What an engine pays per row update, in nanoseconds: the setters the VRRP loop and the checkers
 * call, on a MIB of 1,000 virtual servers x 10 real servers and 255 instances. A plain timed loop
 * after a warm-up (no JMH): good for orders of magnitude, not for single-digit differences.
 *
 * <p>Run: {@code java -cp target/classes:target/test-classes:<deps> org.keepalive4j.bench.MibRowUpdateBenchmark}
 */
public final class MibRowUpdateBenchmark {

    private static final int OPS = 2_000_000;

    public record Result(String name, double nanosPerOp) {
        @Override
        public String toString() {
            return String.format("%-48s %8.1f ns/op", name, nanosPerOp);
        }
    }

    private MibRowUpdateBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        run(OPS).forEach(System.out::println);
    }

    /** Runs every case {@code ops} times after a warm-up of the same length. */
    public static List<Result> run(int ops) throws Exception {
        String text = ScaleConfigGenerator.BENCHMARK.generate();
        KeepalivedConfig quiet = new ConfigParser(ParseOptions.defaults()).parse(text, Path.of("/tmp/x/keepalived.conf"))
                .config();
        KeepalivedConfig loud = new ConfigParser(ParseOptions.defaults())
                .parse(text.replace("router_id scale_test", "router_id scale_test\n    enable_traps"),
                        Path.of("/tmp/x/keepalived.conf")).config();
        AtomicLong sent = new AtomicLong();
        KeepalivedMib mib = KeepalivedMib.build(quiet, MibOptions.defaults());
        KeepalivedMib trapping = KeepalivedMib.build(loud, MibOptions.defaults().withSink(n -> sent.incrementAndGet()));

        VrrpInstanceRow vi = mib.vrrp().instances().get(0);
        RealServerRow rs = mib.check().virtualServers().get(500).realServers().get(5);
        RealServerRow rsTraps = trapping.check().virtualServers().get(500).realServers().get(5);
        VrrpInstanceRow viTraps = trapping.vrrp().instances().get(0);
        IpvsStats[] stats = {new IpvsStats(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13), IpvsStats.ZERO};
        return List.of(
                time("VrrpInstanceRow.setEffectivePriority", ops, i -> vi.setEffectivePriority(100 + (i & 7))),
                time("VrrpInstanceRow.setState (changes, traps off)", ops,
                        i -> vi.setState((i & 1) == 0 ? VrrpState.MASTER : VrrpState.BACKUP)),
                time("VrrpInstanceRow.setState (changes, traps on)", ops,
                        i -> viTraps.setState((i & 1) == 0 ? VrrpState.MASTER : VrrpState.BACKUP)),
                time("RealServerRow.setEffectiveWeight", ops, i -> rs.setEffectiveWeight(i & 255)),
                time("RealServerRow.setAlive (changes, traps off)", ops, i -> rs.setAlive((i & 1) == 0)),
                time("RealServerRow.setAlive (changes, traps on)", ops, i -> rsTraps.setAlive((i & 1) == 0)),
                time("RealServerRow.setAlive (no change)", ops, i -> rs.setAlive(true)),
                time("RealServerRow.setStats (26 cells)", ops / 10, i -> rs.setStats(stats[i & 1])));
    }

    private static Result time(String name, int ops, IntConsumer op) {
        for (int i = 0; i < ops; i++) {
            op.accept(i);
        }
        long t = System.nanoTime();
        for (int i = 0; i < ops; i++) {
            op.accept(i);
        }
        return new Result(name, (double) (System.nanoTime() - t) / ops);
    }
}
