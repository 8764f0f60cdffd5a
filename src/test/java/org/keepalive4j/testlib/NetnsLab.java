package org.keepalive4j.testlib;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A throw-away network of hosts: network namespaces {@code NAME-h1..hN}, each with {@code eth0} =
 * 10.77.0.(10+i)/24 (and fd00:77::(10+i)/64 when asked), joined by a bridge that lives in its own
 * namespace {@code NAME-sw}. Nothing is created in, and no route or address is added to, the namespace
 * the JVM runs in, so a test can neither disturb the machine nor reach anything outside the lab.
 *
 * <p>NAME is {@code k4j<jvm pid>n<counter>}: unique among parallel JVMs and labs, and it tells
 * {@link #cleanupStale} whether the JVM that made a namespace is still there.
 *
 * <p>{@link #close()} kills every process in the lab's namespaces and deletes them; use
 * try-with-resources. A shutdown hook closes labs a test forgot, and the first lab of each JVM removes
 * what crashed JVMs left behind.
 */
public final class NetnsLab implements AutoCloseable {

    public static final String PREFIX = "k4j";
    public static final int IPV4_PREFIX_LENGTH = 24;
    public static final int IPV6_PREFIX_LENGTH = 64;
    public static final int MAX_HOSTS = 200;

    private static final Pattern OWNED_NAME = Pattern.compile("^" + PREFIX + "(\\d+)n\\d+(-|$)");
    private static final Path LABS_DIR = Path.of(System.getProperty("java.io.tmpdir"), "k4j-labs");
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final AtomicBoolean STALE_REMOVED = new AtomicBoolean();
    private static final Duration KILL_TIMEOUT = Duration.ofSeconds(10);

    private final String name;
    private final String switchNamespace;
    private final Path workDir;
    private final List<Host> hosts = new ArrayList<>();
    private final List<String> namespaces = new ArrayList<>();
    private final List<ManagedProcess> processes = new ArrayList<>();
    private final Thread shutdownHook;
    private boolean closed;

    /** A lab of {@code hosts} IPv4-only hosts. */
    public static NetnsLab start(int hosts) {
        return builder().hosts(hosts).start();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** What a lab should look like. */
    public static final class Builder {
        private int hosts = 2;
        private boolean ipv6;
        private boolean secondLink;

        private Builder() {
        }

        public Builder hosts(int count) {
            if (count < 1 || count > MAX_HOSTS) {
                throw new IllegalArgumentException("hosts must be 1.." + MAX_HOSTS + ", not " + count);
            }
            this.hosts = count;
            return this;
        }

        /** Also give every host fd00:77::(10+i)/64, usable at once (no duplicate address detection). */
        public Builder ipv6() {
            this.ipv6 = true;
            return this;
        }

        /**
         * Also give every host eth1 with 10.78.0.(10+i)/24 on a second bridge (br1), e.g. for instances
         * of a sync group on two interfaces.
         */
        public Builder secondLink() {
            this.secondLink = true;
            return this;
        }

        public NetnsLab start() {
            if (STALE_REMOVED.compareAndSet(false, true)) {
                cleanupStale(PREFIX);
            }
            return new NetnsLab(hosts, ipv6, secondLink);
        }
    }

    private NetnsLab(int hostCount, boolean ipv6, boolean secondLink) {
        name = PREFIX + ProcessHandle.current().pid() + "n" + COUNTER.incrementAndGet();
        switchNamespace = name + "-sw";
        try {
            workDir = Files.createDirectories(LABS_DIR.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        shutdownHook = new Thread(this::closeAtExit, name + "-teardown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        try {
            build(hostCount, ipv6, secondLink);
        } catch (RuntimeException e) {
            try {
                close();
            } catch (RuntimeException teardown) {
                e.addSuppressed(teardown);
            }
            throw e;
        }
    }

    private void build(int hostCount, boolean ipv6, boolean secondLink) {
        addNamespace(switchNamespace);
        // no multicast snooping: VRRP adverts and IPv6 neighbour discovery must reach every port
        switchIp("link", "add", "br0", "type", "bridge", "mcast_snooping", "0", "stp_state", "0");
        switchIp("link", "set", "br0", "up");
        if (secondLink) {
            switchIp("link", "add", "br1", "type", "bridge", "mcast_snooping", "0", "stp_state", "0");
            switchIp("link", "set", "br1", "up");
        }
        for (int i = 1; i <= hostCount; i++) {
            String hostName = "h" + i;
            String ns = name + "-" + hostName;
            String port = "v" + hostName;
            String v4 = "10.77.0." + (10 + i);
            String v6 = ipv6 ? "fd00:77::" + (10 + i) : null;
            addNamespace(ns);
            ip(ns, "link", "add", Host.INTERFACE, "type", "veth", "peer", "name", port, "netns", switchNamespace);
            ip(ns, "addr", "add", v4 + "/" + IPV4_PREFIX_LENGTH, "dev", Host.INTERFACE);
            if (ipv6) {
                ip(ns, "addr", "add", v6 + "/" + IPV6_PREFIX_LENGTH, "dev", Host.INTERFACE, "nodad");
            }
            ip(ns, "link", "set", Host.INTERFACE, "up");
            switchIp("link", "set", port, "master", "br0", "up");
            String secondPort = null;
            if (secondLink) {
                secondPort = "w" + hostName;
                ip(ns, "link", "add", Host.SECOND_INTERFACE, "type", "veth", "peer", "name", secondPort, "netns",
                        switchNamespace);
                ip(ns, "addr", "add", "10.78.0." + (10 + i) + "/" + IPV4_PREFIX_LENGTH, "dev", Host.SECOND_INTERFACE);
                ip(ns, "link", "set", Host.SECOND_INTERFACE, "up");
                switchIp("link", "set", secondPort, "master", "br1", "up");
            }
            hosts.add(new Host(this, hostName, ns, port, secondPort, v4, v6,
                    createDirectory(workDir.resolve(hostName))));
        }
    }

    /** The lab's name; every namespace of the lab starts with it. */
    public String name() {
        return name;
    }

    /** Host {@code i}, counting from 1 like the names h1, h2, ... */
    public Host host(int i) {
        return hosts.get(i - 1);
    }

    public List<Host> hosts() {
        return List.copyOf(hosts);
    }

    /** The namespace of the bridge, where a capture of the lab's whole traffic can run (interface br0). */
    public String switchNamespace() {
        return switchNamespace;
    }

    /**
     * The lab's scratch directory, {@code <tmp>/k4j-labs/NAME}; each host has a subdirectory. It outlives
     * close() for post-mortems, until {@link #cleanupStale} runs after this JVM has gone.
     */
    public Path workDir() {
        return workDir;
    }

    /** Kills every process in the lab's namespaces, then deletes them. Safe to call more than once. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // we are the shutdown hook, or run beside it: nothing to unregister
        }
        List<RuntimeException> failures = new ArrayList<>();
        // a polite stop first, so daemons can log their shutdown; the namespace sweep below catches the rest
        for (ManagedProcess p : processes) {
            try {
                p.stop();
            } catch (RuntimeException | AssertionError e) {
                failures.add(new IllegalStateException("stopping " + p, e));
            }
        }
        for (String ns : namespaces) {
            try {
                removeNamespace(ns);
            } catch (RuntimeException e) {
                failures.add(e);
            }
        }
        if (!failures.isEmpty()) {
            IllegalStateException e = new IllegalStateException("lab " + name + " was not torn down cleanly");
            failures.forEach(e::addSuppressed);
            throw e;
        }
    }

    /**
     * Removes namespaces whose names start with {@code prefix}, killing what runs in them, and lab work
     * directories of the same names, unless a JVM that is still running owns them. Names with the prefix
     * that no lab would make count as leftovers too: the prefix is reserved for labs. Returns the
     * namespaces removed.
     */
    public static List<String> cleanupStale(String prefix) {
        List<String> removed = new ArrayList<>();
        for (String ns : namespaceNames()) {
            if (ns.startsWith(prefix) && !ownerAlive(ns)) {
                removeNamespace(ns);
                removed.add(ns);
            }
        }
        for (Path dir : labDirectories()) {
            String dirName = dir.getFileName().toString();
            if (dirName.startsWith(prefix) && !ownerAlive(dirName)) {
                deleteRecursively(dir);
            }
        }
        return removed;
    }

    /** Names of all network namespaces that {@code ip netns} knows. */
    public static List<String> namespaceNames() {
        return Arrays.stream(Processes.run("ip", "netns", "list").orThrow().stdout().split("\n"))
                .map(String::strip)
                .filter(line -> !line.isEmpty())
                .map(line -> line.split("\\s+")[0])
                .toList();
    }

    /** Pids of the processes in network namespace {@code ns}. */
    public static List<Long> pidsIn(String ns) {
        return Arrays.stream(Processes.run("ip", "netns", "pids", ns).orThrow().stdout().split("\\s+"))
                .filter(s -> !s.isEmpty())
                .map(Long::valueOf)
                .toList();
    }

    @Override
    public String toString() {
        return "NetnsLab " + name + " " + hosts;
    }

    ManagedProcess track(ManagedProcess process) {
        synchronized (this) {
            if (closed) {
                process.stop();
                throw new IllegalStateException(name + " is closed");
            }
            processes.add(process);
        }
        return process;
    }

    /**
     * Creates a host's deleted eth0 again with the same name, addresses and bridge port, as when an
     * operator rebuilds an interface: the new one has a new interface index.
     */
    void recreateLinkAfterDelete(String ns, String switchPort, String ipv4, String ipv6) {
        ip(ns, "link", "add", Host.INTERFACE, "type", "veth", "peer", "name", switchPort, "netns", switchNamespace);
        ip(ns, "addr", "add", ipv4 + "/" + IPV4_PREFIX_LENGTH, "dev", Host.INTERFACE);
        if (ipv6 != null) {
            ip(ns, "addr", "add", ipv6 + "/" + IPV6_PREFIX_LENGTH, "dev", Host.INTERFACE, "nodad");
        }
        ip(ns, "link", "set", Host.INTERFACE, "up");
        switchIp("link", "set", switchPort, "master", "br0", "up");
    }

    /** Runs {@code ip ARGS} in the switch namespace. */
    void switchIp(String... args) {
        ip(switchNamespace, args);
    }

    private void closeAtExit() {
        try {
            close();
        } catch (RuntimeException e) {
            System.err.println("keepalive4j test lab teardown at exit failed: " + e);
        }
    }

    private void addNamespace(String ns) {
        Processes.run("ip", "netns", "add", ns).orThrow();
        namespaces.add(ns);
        ip(ns, "link", "set", "lo", "up");
    }

    private static void ip(String ns, String... args) {
        List<String> command = new ArrayList<>(List.of("ip", "-n", ns));
        command.addAll(List.of(args));
        Processes.run(Processes.DEFAULT_TIMEOUT, command).orThrow();
    }

    /** KILLs everything in the namespace until nothing is left (a dying parent may still fork), then deletes it. */
    private static void removeNamespace(String ns) {
        long deadline = System.nanoTime() + KILL_TIMEOUT.toNanos();
        List<Long> pids;
        while (!(pids = pidsIn(ns)).isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("processes " + pids + " in netns " + ns + " survive SIGKILL");
            }
            pids.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
            Processes.sleep(20);
        }
        Processes.run("ip", "netns", "del", ns).orThrow();
    }

    private static boolean ownerAlive(String ns) {
        Matcher m = OWNED_NAME.matcher(ns);
        return m.find() && ProcessHandle.of(Long.parseLong(m.group(1))).map(ProcessHandle::isAlive).orElse(false);
    }

    private static List<Path> labDirectories() {
        if (!Files.isDirectory(LABS_DIR)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(LABS_DIR)) {
            return dirs.toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> tree = Files.walk(dir)) {
            for (Path p : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete stale lab directory " + dir, e);
        }
    }

    private static Path createDirectory(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
