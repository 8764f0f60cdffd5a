package org.keepalive4j.dataplane;

import java.net.Inet6Address;
import java.net.InetAddress;
import org.keepalive4j.config.model.IpFamily;
import org.keepalive4j.config.model.LvsProtocol;

/**
 * What identifies one virtual service in the kernel: an address, port and protocol, or a firewall
 * mark and family. A virtual_server_group expands into several of these, all with the same real
 * servers.
 */
public sealed interface ServiceKey permits ServiceKey.Address, ServiceKey.Fwmark {

    /** e.g. "10.0.0.100:80/TCP", "[2001:db8::1]:443/TCP", "fwmark 7/INET", for log lines. */
    String describe();

    record Address(InetAddress address, int port, LvsProtocol protocol) implements ServiceKey {
        @Override
        public String describe() {
            return Endpoints.format(address, port) + "/" + protocol;
        }
    }

    record Fwmark(long mark, IpFamily family) implements ServiceKey {
        @Override
        public String describe() {
            return "fwmark " + mark + "/" + family;
        }
    }

    /** Small formatting helpers shared by the dataplane's log lines. */
    final class Endpoints {
        private Endpoints() {
        }

        public static String format(InetAddress address, int port) {
            String host = address.getHostAddress();
            return (address instanceof Inet6Address ? "[" + host + "]" : host) + ":" + port;
        }
    }
}
