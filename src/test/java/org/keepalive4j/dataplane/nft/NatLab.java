package org.keepalive4j.dataplane.nft;

import java.net.InetAddress;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.keepalive4j.testlib.Host;
import org.keepalive4j.testlib.ManagedProcess;
import org.keepalive4j.testlib.NamespaceThread;
import org.keepalive4j.testlib.NetnsLab;

/**
 * The NAT load-balancing lab the dataplane tests share. h1 is the client: it sends from 10.99.0.1 and
 * 10.99.0.2 (and fd99::1), networks only the director routes back to. h2 is the director: it holds the
 * virtual address 10.77.0.100 (and fd00:77::100) and forwards. h3.. are real servers running a tiny HTTP
 * server on port 8080 that answers with its host name; their route to the clients goes via the
 * director, so replies pass its conntrack and are un-NATed. Threads inside the director's and the
 * client's namespaces run the dataplane and the client sockets.
 */
final class NatLab implements AutoCloseable {

    static final String VIP = "10.77.0.100";
    static final String VIP6 = "fd00:77::100";
    static final int VPORT = 80;
    static final int RPORT = 8080;
    static final String CLIENT_A = "10.99.0.1";
    static final String CLIENT_B = "10.99.0.2";
    static final String CLIENT6 = "fd99::1";
    /** The first real server's host number. */
    static final int FIRST_SERVER = 3;

    private final NetnsLab lab;
    private final int servers;
    private final Map<Integer, ManagedProcess> http = new HashMap<>();
    private final Map<Integer, Integer> starts = new HashMap<>();
    private NamespaceThread directorThread;
    private NamespaceThread clientThread;

    private NatLab(NetnsLab lab, int servers) {
        this.lab = lab;
        this.servers = servers;
    }

    /** A client, a director and {@code servers} real servers (hosts 3..), with IPv6 too when asked. */
    static NatLab start(int servers, boolean ipv6) throws Exception {
        NetnsLab.Builder b = NetnsLab.builder().hosts(2 + servers);
        NatLab nat = new NatLab(ipv6 ? b.ipv6().start() : b.start(), servers);
        try {
            nat.build(ipv6);
            return nat;
        } catch (Exception | Error e) {
            nat.close();
            throw e;
        }
    }

    private void build(boolean ipv6) throws Exception {
        Host client = client();
        Host director = director();
        director.exec("ip", "addr", "add", VIP + "/24", "dev", Host.INTERFACE).orThrow();
        director.exec("sysctl", "-qw", "net.ipv4.ip_forward=1").orThrow();
        // replies come in and go out on eth0: a redirect would send the servers straight to the client
        director.exec("sysctl", "-qw", "net.ipv4.conf.all.send_redirects=0").orThrow();
        director.exec("sysctl", "-qw", "net.ipv4.conf.eth0.send_redirects=0").orThrow();
        director.exec("ip", "route", "add", "10.99.0.0/24", "via", client.ipv4()).orThrow();
        client.exec("ip", "addr", "add", CLIENT_A + "/32", "dev", Host.INTERFACE).orThrow();
        client.exec("ip", "addr", "add", CLIENT_B + "/32", "dev", Host.INTERFACE).orThrow();
        if (ipv6) {
            director.exec("ip", "addr", "add", VIP6 + "/64", "dev", Host.INTERFACE, "nodad").orThrow();
            director.exec("sysctl", "-qw", "net.ipv6.conf.all.forwarding=1").orThrow();
            director.exec("ip", "-6", "route", "add", "fd99::/64", "via", client.ipv6()).orThrow();
            client.exec("ip", "addr", "add", CLIENT6 + "/128", "dev", Host.INTERFACE, "nodad").orThrow();
        }
        for (int i = FIRST_SERVER; i < FIRST_SERVER + servers; i++) {
            Host rs = lab.host(i);
            rs.exec("ip", "route", "add", "10.99.0.0/24", "via", director.ipv4()).orThrow();
            if (ipv6) {
                rs.exec("ip", "-6", "route", "add", "fd99::/64", "via", director.ipv6()).orThrow();
                // an ICMPv6 redirect from the director would send replies around its conntrack
                rs.exec("sysctl", "-qw", "net.ipv6.conf.all.accept_redirects=0").orThrow();
                rs.exec("sysctl", "-qw", "net.ipv6.conf.eth0.accept_redirects=0").orThrow();
            }
            startServer(i);
        }
        directorThread = new NamespaceThread(director.namespace(), Duration.ofSeconds(120));
        clientThread = new NamespaceThread(client.namespace(), Duration.ofSeconds(120));
    }

    Host client() {
        return lab.host(1);
    }

    Host director() {
        return lab.host(2);
    }

    Host host(int i) {
        return lab.host(i);
    }

    NamespaceThread directorThread() {
        return directorThread;
    }

    NamespaceThread clientThread() {
        return clientThread;
    }

    /** Starts (again) the name server of real server host {@code i}; returns once it listens. */
    void startServer(int i) throws URISyntaxException {
        String script = Path.of(NatLab.class.getResource("/dataplane/name_server.py").toURI()).toString();
        Host rs = lab.host(i);
        int n = starts.merge(i, 1, Integer::sum);
        ManagedProcess p = rs.start("http-" + n, "python3", script, rs.name(), Integer.toString(RPORT));
        http.put(i, p);
        p.waitForOutput("listening", Duration.ofSeconds(10));
    }

    /** Stops the name server of real server host {@code i} (its port is then closed: connections refused). */
    void stopServer(int i) {
        ManagedProcess p = http.remove(i);
        if (p != null) {
            p.stop(Duration.ofSeconds(5));
        }
    }

    /** {@code n} requests, one new connection each, from {@code source}; how many each server answered. */
    Map<String, Integer> requests(String source, String vip, int port, int n) throws Exception {
        return clientThread.call(() -> {
            Map<String, Integer> spread = new TreeMap<>();
            for (int i = 0; i < n; i++) {
                spread.merge(HttpClient.get(source, vip, port), 1, Integer::sum);
            }
            return spread;
        });
    }

    Map<String, Integer> requests(String source, int n) throws Exception {
        return requests(source, VIP, VPORT, n);
    }

    static InetAddress address(String s) {
        try {
            return InetAddress.getByName(s);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Override
    public void close() {
        if (directorThread != null) {
            directorThread.close();
        }
        if (clientThread != null) {
            clientThread.close();
        }
        lab.close(); // stops the servers with everything else it started
    }
}
