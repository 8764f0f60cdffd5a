package org.keepalive4j.dataplane.nft;

import org.keepalive4j.dataplane.DataplaneException;

/**
 * Hands a script of nft commands to the kernel as one transaction and returns what nft printed.
 * Implementations: {@link LibNftables} (in-process, JNA) and {@link NftCommand} (the nft program).
 * Both act in the network namespace of the calling thread.
 */
public interface NftRunner extends AutoCloseable {

    /** Runs {@code script} (nft syntax, one command a line) atomically; a failure changes nothing. */
    String run(String script) throws DataplaneException;

    /** "libnftables" or "nft", for log lines and measurements. */
    String name();

    @Override
    default void close() {
    }
}
