package org.keepalive4j.config.model;

/** An address of static_ipaddress: set at start and never moved by VRRP. */
public record StaticAddress(VirtualAddress address) {
}
