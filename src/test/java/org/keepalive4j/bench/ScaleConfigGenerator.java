package org.keepalive4j.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes large but realistic keepalived.conf files in standard keepalived syntax: virtual servers with
 * TCP_CHECKed real servers, and VRRP instances with one VIP each on one interface.
 *
 * <p>Addresses are unique across the whole file: virtual server k (from 0) is 10.1.x.y:80, its real
 * servers 10.2.x.y:8080 numbered on across virtual servers, and VRRP instance i (1..255) has VRID i and
 * VIP 10.3.i.1/24.
 */
public record ScaleConfigGenerator(int virtualServers, int realServersPerVirtualServer, int vrrpInstances) {

    /** The scale the parser benchmark targets: 1,000 virtual servers × 10 real servers, 255 VRRP instances. */
    public static final ScaleConfigGenerator BENCHMARK = new ScaleConfigGenerator(1000, 10, 255);

    /** Addresses available in one 10.x.0.0/16 with 250 per third octet. */
    private static final int MAX_PER_NET = 250 * 256;

    public ScaleConfigGenerator {
        if (vrrpInstances < 0 || vrrpInstances > 255) {
            throw new IllegalArgumentException("a VRID is 1..255, so at most 255 instances on one interface");
        }
        long realServers = (long) virtualServers * realServersPerVirtualServer;
        if (virtualServers < 0 || realServersPerVirtualServer < 0 || Math.max(virtualServers, realServers) > MAX_PER_NET) {
            throw new IllegalArgumentException("at most " + MAX_PER_NET + " virtual and real servers each");
        }
    }

    public String generate() {
        StringBuilder out = new StringBuilder(virtualServers * realServersPerVirtualServer * 140 + 4096);
        out.append("global_defs {\n    router_id scale_test\n}\n\n");
        for (int i = 1; i <= vrrpInstances; i++) {
            vrrpInstance(out, i);
        }
        for (int k = 0; k < virtualServers; k++) {
            virtualServer(out, k);
        }
        return out.toString();
    }

    public Path writeTo(Path file) throws IOException {
        return Files.writeString(file, generate(), StandardCharsets.UTF_8);
    }

    private static void vrrpInstance(StringBuilder out, int i) {
        out.append("vrrp_instance VI_").append(i).append(" {\n")
                .append("    state BACKUP\n")
                .append("    interface eth0\n")
                .append("    virtual_router_id ").append(i).append('\n')
                .append("    priority 100\n")
                .append("    advert_int 1\n")
                .append("    virtual_ipaddress {\n")
                .append("        10.3.").append(i).append(".1/24\n")
                .append("    }\n")
                .append("}\n\n");
    }

    private void virtualServer(StringBuilder out, int k) {
        out.append("virtual_server ").append(address(1, k)).append(" 80 {\n")
                .append("    delay_loop 6\n")
                .append("    lb_algo rr\n")
                .append("    lb_kind NAT\n")
                .append("    protocol TCP\n");
        for (int j = 0; j < realServersPerVirtualServer; j++) {
            out.append("    real_server ").append(address(2, k * realServersPerVirtualServer + j)).append(" 8080 {\n")
                    .append("        weight 1\n")
                    .append("        TCP_CHECK {\n")
                    .append("            connect_timeout 3\n")
                    .append("        }\n")
                    .append("    }\n");
        }
        out.append("}\n\n");
    }

    /** The n-th (from 0) address of 10.{net}.0.0/16, using .1-.250 of each third octet. */
    private static String address(int net, int n) {
        return "10." + net + "." + n / 250 + "." + (n % 250 + 1);
    }
}
