package org.keepalive4j.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostFactsTest {

    @TempDir
    Path sysClassNet;

    private static final String CONFIG = """
            static_ipaddress {
                198.51.100.1/24 dev gone3
            }
            vrrp_instance VI_1 {
                interface eth0
                virtual_router_id 51
                track_interface {
                    eth1
                    gone1
                }
                virtual_ipaddress {
                    192.0.2.10/24 dev gone2
                    192.0.2.11/24 dev eth0
                    192.0.2.12/24
                }
            }
            """;

    private List<Diagnostic> check(String... present) throws Exception {
        for (String name : present) {
            Files.createDirectory(sysClassNet.resolve(name));
        }
        ParsedConfig parsed = new ConfigParser(ParseOptions.defaults()).parse(CONFIG, sysClassNet.resolve("k.conf"));
        return new HostFacts(sysClassNet).check(parsed.config());
    }

    @Test
    void warnsAboutEveryMissingInterfaceWithItsLine() throws Exception {
        String k = sysClassNet.resolve("k.conf").toString();
        List<String> found = check("eth0", "eth1").stream().map(Diagnostic::toString).toList();
        assertEquals(List.of(
                k + ":9: warning: 'track_interface': interface gone1 for vrrp_instance VI_1 doesn't exist",
                k + ":12: warning: 'virtual_ipaddress': interface gone2 for vrrp_instance VI_1 address "
                        + "192.0.2.10/24 doesn't exist",
                k + ":2: warning: 'static_ipaddress': interface gone3 for static_ipaddress address "
                        + "198.51.100.1/24 doesn't exist"), found);
    }

    @Test
    void theInstanceInterfaceItself() throws Exception {
        List<Diagnostic> found = check("eth1", "gone1", "gone2", "gone3");
        // the instance's interface, and the address that names it as its device
        assertEquals(2, found.size());
        assertEquals("interface", found.get(0).keyword());
        assertTrue(found.get(0).message().contains("interface eth0 for vrrp_instance VI_1"));
        assertEquals(Diagnostic.Severity.WARNING, found.get(0).severity());
    }

    @Test
    void nothingWhenAllExist() throws Exception {
        assertEquals(List.of(), check("eth0", "eth1", "gone1", "gone2", "gone3"));
    }
}
