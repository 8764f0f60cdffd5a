package org.keepalive4j.check.probe;

import java.net.InetSocketAddress;
import org.keepalive4j.config.model.check.CheckerCommon;
import org.keepalive4j.linux.Errno;
import org.keepalive4j.linux.ErrnoException;
import org.keepalive4j.linux.IpFamily;
import org.keepalive4j.linux.UdpSocket;

/** The connected UDP socket of a UDP_CHECK or DNS_CHECK attempt, with the checker's connection options. */
final class UdpSockets {

    private UdpSockets() {
    }

    /** bind_if, fwmark, bindto/bind_port applied and connected to {@code target}; closed again on failure. */
    static UdpSocket open(CheckerCommon c, InetSocketAddress target) throws ErrnoException {
        UdpSocket s = UdpSocket.open(IpFamily.of(target.getAddress()));
        try {
            if (c.bindIf() != null) {
                s.bindToDevice(c.bindIf());
            }
            if (c.fwmark() != null) {
                s.setMark(c.fwmark());
            }
            if (c.bindto() != null || c.bindPort() != null) {
                s.bind(c.bindto(), c.bindPort() == null ? 0 : c.bindPort());
            }
            s.connect(target.getAddress(), target.getPort());
            return s;
        } catch (ErrnoException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    /** How an error the kernel reported on the socket reads in a log line. */
    static String failure(ErrnoException e) {
        if (e.errno() == Errno.ECONNREFUSED) {
            return "port unreachable (ICMP)";
        }
        if (e.errno() == Errno.EHOSTUNREACH) {
            return "host unreachable (ICMP)";
        }
        if (e.errno() == Errno.ENETUNREACH) {
            return "network unreachable";
        }
        return e.getMessage();
    }
}
