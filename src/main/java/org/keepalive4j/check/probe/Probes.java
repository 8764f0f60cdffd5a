package org.keepalive4j.check.probe;

import org.keepalive4j.config.model.check.Checker;
import org.keepalive4j.config.model.check.DnsCheck;
import org.keepalive4j.config.model.check.HttpCheck;
import org.keepalive4j.config.model.check.MiscCheck;
import org.keepalive4j.config.model.check.PingCheck;
import org.keepalive4j.config.model.check.SmtpCheck;
import org.keepalive4j.config.model.check.TcpCheck;
import org.keepalive4j.config.model.check.UdpCheck;

/** Makes the probe for a configured checker; its settings arrive fully resolved (connect_ip, port...). */
public final class Probes {

    private final ProbeResources resources;

    public Probes(ProbeResources resources) {
        this.resources = resources;
    }

    public Probe create(Checker checker) {
        // Java 17: no pattern switch yet; one line per checker kind
        if (checker instanceof TcpCheck c) {
            return new TcpProbe(c, resources);
        }

        if (checker instanceof HttpCheck c) {
            return new HttpProbe(c, resources);
        }

        if (checker instanceof MiscCheck c) {
            return new MiscProbe(c, resources);
        }

        if (checker instanceof SmtpCheck c) {
            return new SmtpProbe(c, resources);
        }

        if (checker instanceof DnsCheck c) {
            return new DnsProbe(c, resources);
        }

        if (checker instanceof UdpCheck c) {
            return new UdpProbe(c, resources);
        }

        if (checker instanceof PingCheck c) {
            return new PingProbe(c, resources);
        }
        throw new IllegalArgumentException("no probe for " + checker.getClass().getSimpleName());
    }
}
