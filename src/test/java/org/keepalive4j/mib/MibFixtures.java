package org.keepalive4j.mib;

import java.nio.file.Path;
import org.keepalive4j.config.ConfigException;
import org.keepalive4j.config.ConfigParser;
import org.keepalive4j.config.ParseOptions;
import org.keepalive4j.config.model.KeepalivedConfig;

/** Configurations the MIB tests build from. */
final class MibFixtures {

    private MibFixtures() {
    }

    static KeepalivedConfig parse(String text) {
        try {
            return new ConfigParser(ParseOptions.defaults()).parse(text, Path.of("/tmp/x/keepalived.conf")).config();
        } catch (ConfigException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    static String globalDefs(String extra) {
        return """
                global_defs {
                  router_id lb01
                  notification_email {
                    ops@example.com
                    noc@example.com
                  }
                  notification_email_from keepalived@example.com
                  smtp_server 192.0.2.25 2525
                  smtp_connect_timeout 20
                  lvs_sync_daemon eth0 VI_1 id 7
                %s
                }
                """.formatted(extra);
    }

    /** 3 instances (VI_1 and VI_2 in sync group G1), a script, 2 virtual servers x 3 real servers. */
    static String standard(String globalExtra) {
        return globalDefs(globalExtra) + """
                vrrp_script chk_app {
                  script "/usr/local/bin/check app"
                  interval 2
                  weight -20
                  rise 3
                  fall 2
                }
                vrrp_sync_group G1 {
                  group {
                    VI_1
                    VI_2
                  }
                  notify_master "/etc/k/g1 master"
                }
                vrrp_instance VI_1 {
                  state MASTER
                  interface lo
                  virtual_router_id 51
                  priority 150
                  advert_int 1
                  authentication {
                    auth_type PASS
                    auth_pass secret
                  }
                  track_interface {
                    lo weight 10
                  }
                  track_script {
                    chk_app
                  }
                  notify_master "/etc/k/vi1 master"
                  virtual_ipaddress {
                    192.0.2.10/24 dev lo label lo:vip
                    192.0.2.11/24
                  }
                  virtual_ipaddress_excluded {
                    2001:db8::10/64
                  }
                  virtual_routes {
                    198.51.100.0/24 via 192.0.2.1 dev lo
                  }
                }
                vrrp_instance VI_2 {
                  interface lo
                  virtual_router_id 52
                  priority 100
                  nopreempt
                  virtual_ipaddress {
                    192.0.2.20/24
                  }
                  virtual_rules {
                    from 192.0.2.128/25 table 100 priority 200
                  }
                }
                vrrp_instance VI_3 {
                  interface lo
                  virtual_router_id 53
                  version 3
                  advert_int 0.5
                  priority 90
                  virtual_ipaddress {
                    192.0.2.30/24
                  }
                }
                virtual_server_group VSG_WEB {
                  203.0.113.10-12 443
                  fwmark 7
                }
                virtual_server 203.0.113.1 80 {
                  delay_loop 10
                  lb_algo wrr
                  lb_kind DR
                  protocol TCP
                  quorum 2
                  hysteresis 1
                  real_server 10.1.0.1 80 {
                    weight 3
                    TCP_CHECK {
                      connect_timeout 2
                    }
                  }
                  real_server 10.1.0.2 80 {
                    weight 2
                    inhibit_on_failure
                  }
                  real_server 10.1.0.3 8080 {
                    weight 1
                    uthreshold 100
                  }
                }
                virtual_server group VSG_WEB {
                  lb_algo rr
                  lb_kind NAT
                  protocol TCP
                  alpha
                  sorry_server 10.9.9.9 443
                  real_server 10.2.0.1 443 {
                    weight 1
                    TCP_CHECK {
                    }
                  }
                  real_server 10.2.0.2 443 {
                    weight 1
                    TCP_CHECK {
                    }
                  }
                  real_server 10.2.0.3 443 {
                    weight 1
                  }
                }
                """;
    }
}
