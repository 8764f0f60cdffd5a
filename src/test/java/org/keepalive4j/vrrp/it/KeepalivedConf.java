package org.keepalive4j.vrrp.it;

import java.util.List;
import org.keepalive4j.testlib.Host;

/** Writes a {@link VrrpSetup} as the keepalived.conf that keepalived and keepalive4j both read. */
final class KeepalivedConf {

    private KeepalivedConf() {
    }

    /** The configuration of {@code self}; {@code peers} matter only for unicast. */
    static String render(VrrpSetup s, Host self, List<Host> peers) {
        StringBuilder c = new StringBuilder();
        c.append("global_defs {\n  router_id ").append(self.name()).append("\n}\n");
        c.append("vrrp_instance ").append(s.instance()).append(" {\n")
                .append("  state ").append(s.state()).append('\n')
                .append("  interface ").append(self.interfaceName()).append('\n')
                .append("  virtual_router_id ").append(s.vrid()).append('\n')
                .append("  priority ").append(s.priority()).append('\n')
                .append("  advert_int ").append(s.advertInt()).append('\n')
                .append("  version ").append(s.version()).append('\n');
        if (s.auth() != VrrpSetup.Auth.NONE) {
            c.append("  authentication {\n    auth_type ").append(s.auth()).append("\n    auth_pass ")
                    .append(s.password()).append("\n  }\n");
        }
        if (s.unicast()) {
            c.append("  unicast_src_ip ").append(address(s, self)).append("\n  unicast_peer {\n");
            peers.forEach(p -> c.append("    ").append(address(s, p)).append('\n'));
            c.append("  }\n");
        }
        c.append("  virtual_ipaddress {\n    ").append(s.vip()).append("\n  }\n}\n");
        return c.toString();
    }

    private static String address(VrrpSetup s, Host h) {
        return s.ipv6() ? h.ipv6() : h.ipv4();
    }
}
