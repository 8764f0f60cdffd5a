package org.keepalive4j.testlib;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One machine of a {@link NetnsLab}: a network namespace with loopback and {@code eth0}, whose other end
 * is a port of the lab's bridge.
 */
public final class Host {

    public static final String INTERFACE = "eth0";
    /** The second interface, present when the lab was built with {@code secondLink()}. */
    public static final String SECOND_INTERFACE = "eth1";

    private final NetnsLab lab;
    private final String name;
    private final String namespace;
    private final String switchPort;
    private final String secondSwitchPort; // null without a second link
    private final String ipv4;
    private final String ipv6;
    private final Path workDir;

    Host(NetnsLab lab, String name, String namespace, String switchPort, String secondSwitchPort, String ipv4,
         String ipv6, Path workDir) {
        this.lab = lab;
        this.name = name;
        this.namespace = namespace;
        this.switchPort = switchPort;
        this.secondSwitchPort = secondSwitchPort;
        this.ipv4 = ipv4;
        this.ipv6 = ipv6;
        this.workDir = workDir;
    }

    /** "h1", "h2", ... */
    public String name() {
        return name;
    }

    public String namespace() {
        return namespace;
    }

    public String interfaceName() {
        return INTERFACE;
    }

    /** The host's own IPv4 address on eth0 (prefix length {@value NetnsLab#IPV4_PREFIX_LENGTH}). */
    public String ipv4() {
        return ipv4;
    }

    /** The host's own IPv6 address on eth0 (prefix length {@value NetnsLab#IPV6_PREFIX_LENGTH}). */
    public String ipv6() {
        if (ipv6 == null) {
            throw new IllegalStateException("the lab was built without IPv6 (NetnsLab.builder().ipv6())");
        }
        return ipv6;
    }

    /** A directory of this host's own for configuration files and the logs of processes started here. */
    public Path workDir() {
        return workDir;
    }

    public CommandResult exec(String... command) {
        return exec(Processes.DEFAULT_TIMEOUT, command);
    }

    /** Runs a command inside this host's namespace and waits for it. */
    public CommandResult exec(Duration timeout, String... command) {
        return Processes.run(timeout, inNamespace(List.of(command)));
    }

    public ManagedProcess start(String label, String... command) {
        return start(label, List.of(command), Map.of());
    }

    /**
     * Starts a background process inside this host's namespace; output goes to {@code workDir()/label.out}
     * and {@code .err}. The lab stops it on close if the test has not.
     */
    public ManagedProcess start(String label, List<String> command, Map<String, String> env) {
        return lab.track(Processes.start(workDir, label, inNamespace(command), env));
    }

    /** Pulls the cable: eth0 stays administratively up but loses carrier, as in a real link failure. */
    public void linkDown() {
        lab.switchIp("link", "set", switchPort, "down");
    }

    public void linkUp() {
        lab.switchIp("link", "set", switchPort, "up");
    }

    /** Deletes eth0 (the link goes away at once) without creating it again. */
    public void deleteLink() {
        Processes.run("ip", "-n", namespace, "link", "del", INTERFACE).orThrow();
    }

    /** Creates eth0 again after {@link #deleteLink()}: same name and addresses, a new interface index. */
    public void createLinkAgain() {
        lab.recreateLinkAfterDelete(namespace, switchPort, ipv4, ipv6);
    }

    /** Pulls the cable of {@code eth1} (the lab's second link), as {@link #linkDown()} does for eth0. */
    public void secondLinkDown() {
        lab.switchIp("link", "set", requireSecondPort(), "down");
    }

    public void secondLinkUp() {
        lab.switchIp("link", "set", requireSecondPort(), "up");
    }

    /** 10.78.0.(10+i) on eth1; only with a second link. */
    public String secondIpv4() {
        requireSecondPort();
        return "10.78." + ipv4.substring("10.77.".length());
    }

    private String requireSecondPort() {
        if (secondSwitchPort == null) {
            throw new IllegalStateException(name + " has no second link: build the lab with secondLink()");
        }
        return secondSwitchPort;
    }

    /** Every address on every interface of this host, as the kernel has them now. */
    public List<AssignedAddress> addresses() {
        return AssignedAddress.parseIpJson(Processes.run("ip", "-n", namespace, "-j", "addr", "show").orThrow().stdout());
    }

    /** Whether any interface has {@code cidrOrIp} ("10.77.0.21" or, to check the prefix too, "10.77.0.21/24"). */
    public boolean hasAddress(String cidrOrIp) {
        return addresses().stream().anyMatch(a -> a.matches(cidrOrIp));
    }

    @Override
    public String toString() {
        return name + " (netns " + namespace + ")";
    }

    private List<String> inNamespace(List<String> command) {
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", namespace));
        full.addAll(command);
        return full;
    }
}
