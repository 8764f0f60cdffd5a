package org.keepalive4j.config.bind;

import java.time.Duration;
import java.util.List;
import org.keepalive4j.config.model.ForwardingMethod;
import org.keepalive4j.config.text.ConfigNode;

/** Value syntaxes shared by the LVS blocks: ports, unsigned 32-bit numbers, timers, forwarding methods. */
final class LvsValues {

    /** keepalived's TIMER values are kept in microseconds. */
    static final Duration MICROSECOND = Duration.ofNanos(1000);
    /** connect_timeout is stored in an unsigned int of microseconds. */
    static final Duration MAX_CONNECT_TIMEOUT = Duration.ofNanos(0xFFFF_FFFFL * 1000);
    static final long UINT32_MAX = 0xFFFF_FFFFL;

    private LvsValues() {
    }

    /**
     * A port word: 1..65535, or 0 for "0" (keepalived reads a zero port as "no port", for configurations
     * written before the port became optional). Null, after reporting, for anything else.
     */
    static Integer port(ConfigNode n, String v, BindContext c) {
        if (!v.isEmpty() && v.chars().allMatch(ch -> ch == '0')) {
            return 0;
        }
        return c.integerValue(n, v, 1, 65535);
    }

    /** 0 ("no port") as null, for the model. */
    static Integer noZero(int port) {
        return port == 0 ? null : port;
    }

    /** An unsigned 32-bit argument (thresholds, quorum, fwmarks, retry counts). */
    static Long unsigned(ConfigNode n, int i, long min, long max, BindContext c) {
        String v = c.required(n, i, "a number (" + min + ".." + max + ")");
        return v == null ? null : unsignedValue(n, v, min, max, c);
    }

    static Long unsignedValue(ConfigNode n, String v, long min, long max, BindContext c) {
        long x;
        try {
            x = Long.parseLong(v);
        } catch (NumberFormatException e) {
            c.error(n, "'" + v + "' is not a whole number (expected " + min + ".." + max + ")");
            return null;
        }
        if (x < min || x > max) {
            c.error(n, v + " is outside " + min + ".." + max);
            return null;
        }
        return x;
    }

    static Duration timer(ConfigNode n, Duration min, BindContext c) {
        return c.timer(n, 0, min, GlobalDefsBinder.MAX_TIMER);
    }

    /** {@code NAT|DR|TUN [type ipip|gue port N|gre] [nocsum|csum|remcsum]} (lb_kind, lvs_method). */
    static ForwardingMethod forwarding(ConfigNode n, BindContext c) {
        String v = c.required(n, 0, "NAT, DR or TUN");
        if (v == null) {
            return null;
        }
        ForwardingMethod.Kind kind;
        switch (v) {
            case "NAT" -> kind = ForwardingMethod.Kind.NAT;
            case "DR" -> kind = ForwardingMethod.Kind.DR;
            case "TUN" -> kind = ForwardingMethod.Kind.TUN;
            default -> {
                c.error(n, "'" + v + "' is not a forwarding method (NAT, DR or TUN)");
                return null;
            }
        }
        if (kind != ForwardingMethod.Kind.TUN) {
            c.noExtraArgs(n, 1);
            return ForwardingMethod.simple(kind);
        }
        return tunnel(n, c);
    }

    private static ForwardingMethod tunnel(ConfigNode n, BindContext c) {
        ForwardingMethod.TunnelType type = ForwardingMethod.TunnelType.IPIP;
        ForwardingMethod.TunnelChecksum csum = ForwardingMethod.TunnelChecksum.NOCSUM;
        Integer port = null;
        List<String> a = n.args();
        for (int i = 1; i < a.size(); i++) {
            String w = a.get(i);
            String next = i + 1 < a.size() ? a.get(i + 1) : null;
            switch (w) {
                case "type" -> {
                    i++;
                    if (next == null || !List.of("ipip", "gue", "gre").contains(next)) {
                        c.error(n, "tunnel type must be ipip, gue or gre");
                        return null;
                    }
                    type = ForwardingMethod.TunnelType.valueOf(next.toUpperCase(java.util.Locale.ROOT));
                }
                case "port" -> {
                    i++;
                    port = next == null ? null : c.integerValue(n, next, 1, 65535);
                    if (port == null) {
                        c.error(n, "gue tunnel port must be 1..65535");
                        return null;
                    }
                }
                case "nocsum" -> csum = ForwardingMethod.TunnelChecksum.NOCSUM;
                case "csum" -> csum = ForwardingMethod.TunnelChecksum.CSUM;
                case "remcsum" -> csum = ForwardingMethod.TunnelChecksum.REMCSUM;
                default -> {
                    c.error(n, "unknown tunnel option '" + w + "'");
                    return null;
                }
            }
        }
        if ((type == ForwardingMethod.TunnelType.GUE) != (port != null)) {
            c.error(n, "a gue tunnel needs a port, and only a gue tunnel takes one");
            return null;
        }
        if (type == ForwardingMethod.TunnelType.IPIP && csum != ForwardingMethod.TunnelChecksum.NOCSUM) {
            c.error(n, "ipip tunnels do not support checksum options");
            return null;
        }
        if (type == ForwardingMethod.TunnelType.GRE && csum == ForwardingMethod.TunnelChecksum.REMCSUM) {
            c.error(n, "gre tunnels do not support remcsum");
            return null;
        }
        return new ForwardingMethod(ForwardingMethod.Kind.TUN, type, port, csum);
    }
}
