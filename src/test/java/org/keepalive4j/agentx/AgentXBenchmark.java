package org.keepalive4j.agentx;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.snmp4j.CommunityTarget;
import org.snmp4j.PDU;
import org.snmp4j.Snmp;
import org.snmp4j.event.ResponseEvent;
import org.snmp4j.mp.SnmpConstants;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.UdpAddress;
import org.snmp4j.smi.VariableBinding;
import org.snmp4j.transport.DefaultUdpTransportMapping;

/**
 * Throughput and latency of the subagent through a real snmpd (scripts/bench-agentx runs it): walks of a
 * realServerTable-shaped table with {@code snmpbulkwalk -Cr50}, and GET latency while walks run. Prints
 * figures, asserts nothing.
 */
public final class AgentXBenchmark {

    private AgentXBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rows = Integer.parseInt(args[0]);
        int columns = Integer.parseInt(args[1]);
        int walks = Integer.parseInt(args[2]);
        int gets = Integer.parseInt(args[3]);
        TestMib mib = new TestMib(rows, columns);
        System.out.printf("== table: %d rows x %d columns (Integer32/Counter64/OctetString), %d values per walk%n",
                rows, columns, mib.valueCount());
        for (String kind : List.of("unix", "tcp")) {
            Path dir = Files.createTempDirectory("k4j-bench-agentx-");
            try (SnmpLab lab = kind.equals("unix") ? SnmpLab.unix(dir) : SnmpLab.tcp(dir)) {
                lab.startSnmpd();
                try (AgentXSubsystem agentx = AgentXSubsystem.start(mib.server, List.of(TestMib.CAPS), lab.master,
                        AgentXSettings.defaults())) {
                    AgentXTesting.awaitConnected(agentx, Duration.ofSeconds(10));
                    System.out.println("== master " + lab.master);
                    walkThroughput(lab, mib, walks);
                    getLatencyDuringWalks(lab, gets);
                }
            }
        }
    }

    private static void walkThroughput(SnmpLab lab, TestMib mib, int walks) throws IOException {
        lab.bulkwalk(TestMib.ROOT.toDottedString()); // warm-up: JIT of the request path
        double best = 0;
        double sum = 0;
        for (int i = 0; i < walks; i++) {
            long t0 = System.nanoTime();
            long ourCpu0 = processCpuNanos();
            long snmpdCpu0 = cpuNanosOf(lab.snmpd().pid());
            int values = lab.bulkwalk(TestMib.ROOT.toDottedString()).size();
            double seconds = (System.nanoTime() - t0) / 1e9;
            long ourCpu = processCpuNanos() - ourCpu0;
            long snmpdCpu = cpuNanosOf(lab.snmpd().pid()) - snmpdCpu0;
            if (values != mib.valueCount()) {
                System.out.printf("walk %d: only %d of %d values%n", i + 1, values, mib.valueCount());
            }
            double rate = values / seconds;
            best = Math.max(best, rate);
            sum += rate;
            System.out.printf("snmpbulkwalk -Cr50 run %d: %d values in %.2f s = %.0f values/s (cpu: subagent JVM %.2f s,"
                    + " snmpd %.2f s)%n", i + 1, values, seconds, rate, ourCpu / 1e9, snmpdCpu / 1e9);
        }
        System.out.printf("walk throughput: mean %.0f values/s, best %.0f values/s (target >= 30,000)%n",
                sum / walks, best);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** utime + stime of a process from /proc/pid/stat, in clock ticks of 10 ms (USER_HZ on Linux). */
    private static long cpuNanosOf(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return ticks * 10_000_000L;
    }

    /** GETs from SNMP4J's manager API (a process start per snmpget would measure exec, not the agent). */
    private static void getLatencyDuringWalks(SnmpLab lab, int gets) throws Exception {
        AtomicBoolean walking = new AtomicBoolean(true);
        AtomicLong walksDone = new AtomicLong();
        Thread walker = new Thread(() -> {
            while (walking.get()) {
                lab.bulkwalk(TestMib.ROOT.toDottedString());
                walksDone.incrementAndGet();
            }
        }, "bench-walker");
        walker.start();
        long[] micros = new long[gets];
        int failures = 0;
        try (Snmp snmp = new Snmp(new DefaultUdpTransportMapping())) {
            snmp.listen();
            CommunityTarget<UdpAddress> target = new CommunityTarget<>(new UdpAddress("127.0.0.1/" + lab.snmpPort),
                    new OctetString("public"));
            target.setVersion(SnmpConstants.version2c);
            target.setTimeout(2000);
            target.setRetries(0);
            OID oid = new OID(TestMib.TABLE).append(1).append(3).append(1);
            for (int i = 0; i < gets; i++) {
                PDU pdu = new PDU(PDU.GET, List.of(new VariableBinding(oid)));
                long t0 = System.nanoTime();
                ResponseEvent<UdpAddress> r = snmp.send(pdu, target);
                micros[i] = TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - t0);
                if (r.getResponse() == null || r.getResponse().getErrorStatus() != 0) {
                    failures++;
                }
            }
        } finally {
            walking.set(false);
            walker.join();
        }
        Arrays.sort(micros);
        System.out.printf("GET latency over %d gets during %d concurrent walks: p50 %.2f ms, p99 %.2f ms, max %.2f ms,"
                + " %d failed%n", gets, walksDone.get(), micros[gets / 2] / 1000.0,
                micros[(int) (gets * 0.99)] / 1000.0, micros[gets - 1] / 1000.0, failures);
    }
}
