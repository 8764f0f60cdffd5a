package org.keepalive4j.check.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.AsynchronousChannelGroup;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The channel group every HTTP/SSL check and genhash share: two threads run every socket's completion
 * handlers, whatever the number of servers. Handlers only scan bytes, hash them and run TLS record
 * work, never block, so two threads keep up with thousands of checks.
 */
final class HttpChannels {

    private static final int THREADS = 2;

    private HttpChannels() {
    }

    private static final class Holder {
        static final AsynchronousChannelGroup GROUP = create();
    }

    static AsynchronousChannelGroup group() {
        return Holder.GROUP;
    }

    private static AsynchronousChannelGroup create() {
        AtomicInteger n = new AtomicInteger();
        ThreadFactory f = r -> {
            Thread t = new Thread(r, "http-check-io-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        try {
            return AsynchronousChannelGroup.withFixedThreadPool(THREADS, f);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the HTTP check channel group", e);
        }
    }
}
