package org.keepalive4j.bench;

import com.sun.net.httpserver.HttpServer;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.keepalive4j.check.probe.Probe;
import org.keepalive4j.check.probe.ProbeResources;
import org.keepalive4j.check.probe.ProbeResult;
import org.keepalive4j.check.probe.Probes;
import org.keepalive4j.config.SourceLocation;
import org.keepalive4j.config.model.check.CheckerCommon;
import org.keepalive4j.config.model.check.HttpCheck;
import org.keepalive4j.config.model.check.HttpUrl;

/**
 * HTTP_GET / SSL_GET at scale, on loopback: attempts per second against a healthy server, how long many
 * silent servers take to time out (all at once, or queued behind each other), and the client CPU of one
 * SSL_GET (full handshake) against an external TLS server. Prints figures, asserts nothing.
 *
 * <p>Usage: {@code plain PROBES ROUNDS | silent SERVERS TIMEOUT_MS | tls PORT ATTEMPTS}.
 */
public final class HttpCheckBenchmark {

    private HttpCheckBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        ScheduledExecutorService timers = Executors.newScheduledThreadPool(1);
        ExecutorService blocking = Executors.newFixedThreadPool(4);
        Probes probes = new Probes(new ProbeResources(timers, blocking, null));
        try {
            switch (args[0]) {
                case "plain" -> plain(probes, Integer.parseInt(args[1]), Integer.parseInt(args[2]));
                case "silent" -> silent(probes, Integer.parseInt(args[1]), Integer.parseInt(args[2]));
                case "tls" -> tls(probes, Integer.parseInt(args[1]), Integer.parseInt(args[2]));
                default -> throw new IllegalArgumentException("plain | silent | tls");
            }
        } finally {
            timers.shutdownNow();
            blocking.shutdownNow();
        }
    }

    private static HttpCheck check(boolean tls, int port, Duration timeout) {
        CheckerCommon c = new CheckerCommon(InetAddress.getLoopbackAddress(), port, null, null, null, null, timeout, 1,
                Duration.ofSeconds(3), Duration.ZERO, Duration.ofSeconds(5), false, false);
        HttpUrl url = new HttpUrl("/", null, HttpUrl.DEFAULT_STATUS_CODES, null, null, false, List.of(), null, null,
                SourceLocation.UNKNOWN);
        return new HttpCheck(tls, c, List.of(url), null, HttpCheck.HttpProtocol.HTTP_1_0, false, null, false, null,
                SourceLocation.UNKNOWN);
    }

    /** PROBES servers' checks at once, ROUNDS times. */
    private static void plain(Probes probes, int n, int rounds) throws Exception {
        HttpServer srv = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
        byte[] body = "healthy\n".getBytes();
        srv.createContext("/", ex -> {
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        ExecutorService serverThreads = Executors.newFixedThreadPool(4);
        srv.setExecutor(serverThreads);
        srv.start();
        try {
            List<Probe> ps = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                ps.add(probes.create(check(false, srv.getAddress().getPort(), Duration.ofSeconds(5))));
            }
            run(ps, 1); // warm-up round
            long t0 = System.nanoTime();
            Map<String, Integer> outcomes = run(ps, rounds);
            double s = (System.nanoTime() - t0) / 1e9;
            System.out.printf("plain: %d probes x %d rounds in %.2f s = %.0f attempts/s, %d live threads; %s%n", n,
                    rounds, s, n * rounds / s, Thread.activeCount(), outcomes);
        } finally {
            srv.stop(0);
            serverThreads.shutdownNow();
        }
    }

    /** SERVERS listeners that never accept: every check must end at TIMEOUT_MS, all together. */
    private static void silent(Probes probes, int n, int timeoutMs) throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 4096, InetAddress.getLoopbackAddress())) {
            List<Probe> ps = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                ps.add(probes.create(check(false, silent.getLocalPort(), Duration.ofMillis(timeoutMs))));
            }
            long t0 = System.nanoTime();
            Map<String, Integer> outcomes = run(ps, 1);
            System.out.printf("silent: %d servers, connect_timeout %d ms: all answered after %d ms; %s%n", n, timeoutMs,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0), outcomes);
        }
    }

    /** One SSL_GET after another against a TLS server on PORT; client CPU per attempt. */
    private static void tls(Probes probes, int port, int attempts) throws Exception {
        Probe p = probes.create(check(true, port, Duration.ofSeconds(5)));
        run(List.of(p), 50); // warm-up
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        Map<String, Integer> outcomes = run(List.of(p), attempts);
        long wall = System.nanoTime() - t0;
        long cpu = os.getProcessCpuTime() - cpu0;
        System.out.printf("tls: %d sequential SSL_GETs: %.1f ms each, client CPU %.1f ms each; %s%n", attempts,
                wall / 1e6 / attempts, cpu / 1e6 / attempts, outcomes);
    }

    private static Map<String, Integer> run(List<Probe> ps, int rounds) throws Exception {
        Map<String, Integer> outcomes = new TreeMap<>();
        for (int r = 0; r < rounds; r++) {
            List<CompletableFuture<ProbeResult>> fs = new ArrayList<>();
            for (Probe p : ps) {
                fs.add(p.attempt());
            }
            for (CompletableFuture<ProbeResult> f : fs) {
                ProbeResult res = f.get(60, TimeUnit.SECONDS);
                outcomes.merge((res.up() ? "up" : res.detail().replaceAll("\\d+", "N")), 1, Integer::sum);
            }
        }
        return outcomes;
    }
}
