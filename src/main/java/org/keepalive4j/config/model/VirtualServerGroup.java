package org.keepalive4j.config.model;

import java.net.InetAddress;
import java.util.List;
import org.keepalive4j.config.SourceLocation;

/** A virtual_server_group: address ranges and firewall marks sharing one real-server topology. */
public record VirtualServerGroup(String name, List<Entry> entries, SourceLocation location) {

    public VirtualServerGroup {
        entries = List.copyOf(entries);
    }

    public sealed interface Entry permits AddressRange, Fwmark {
        SourceLocation location();
    }

    /**
     * Consecutive addresses {@code first..last} (equal for a single address) on one port; {@code port}
     * is null when not given (or given as 0), which is only valid for a persistent service.
     */
    public record AddressRange(InetAddress first, InetAddress last, Integer port, SourceLocation location)
            implements Entry {

        public boolean isSingle() {
            return first.equals(last);
        }
    }

    /** A firewall mark; {@code family} is null when not given. */
    public record Fwmark(long mark, IpFamily family, SourceLocation location) implements Entry {
    }

    public List<AddressRange> addressRanges() {
        return entries.stream().filter(AddressRange.class::isInstance).map(AddressRange.class::cast).toList();
    }

    public List<Fwmark> fwmarks() {
        return entries.stream().filter(Fwmark.class::isInstance).map(Fwmark.class::cast).toList();
    }
}
