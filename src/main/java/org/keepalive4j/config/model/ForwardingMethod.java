package org.keepalive4j.config.model;

/**
 * How IPVS forwards to a real server (lb_kind / lvs_method). The tunnel fields are only meaningful
 * for TUN: {@code guePort} is set exactly when the tunnel type is GUE.
 */
public record ForwardingMethod(Kind kind, TunnelType tunnelType, Integer guePort, TunnelChecksum checksum) {

    public enum Kind { NAT, DR, TUN }

    public enum TunnelType { IPIP, GUE, GRE }

    public enum TunnelChecksum { NOCSUM, CSUM, REMCSUM }

    public static final ForwardingMethod NAT = simple(Kind.NAT);

    public static ForwardingMethod simple(Kind kind) {
        return new ForwardingMethod(kind, kind == Kind.TUN ? TunnelType.IPIP : null, null,
                kind == Kind.TUN ? TunnelChecksum.NOCSUM : null);
    }

    public boolean isTunnel() {
        return kind == Kind.TUN;
    }
}
