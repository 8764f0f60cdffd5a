package org.keepalive4j.check.probe;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A thread living in a lab host's network namespace: setns(2) moves only the calling thread, and a socket
 * stays in the namespace it was created in, so a probe attempt started here sends from that host while
 * the rest of the JVM (timers, the receivers' threads) stays where it is.
 */
final class NamespaceThread implements AutoCloseable {

    private static final int O_RDONLY = 0;
    private static final int O_CLOEXEC = 0x80000;
    private static final int CLONE_NEWNET = 0x40000000;

    static {
        Native.register(NativeLibrary.getInstance("c"));
    }

    private static native int open(String path, int flags) throws LastErrorException;

    private static native int setns(int fd, int nstype) throws LastErrorException;

    private static native int close(int fd) throws LastErrorException;

    private final ExecutorService thread;

    NamespaceThread(String namespace) {
        thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "in-" + namespace);
            t.setDaemon(true);
            return t;
        });
        call(() -> {
            int fd = open("/var/run/netns/" + namespace, O_RDONLY | O_CLOEXEC);
            try {
                setns(fd, CLONE_NEWNET);
            } finally {
                close(fd);
            }
            return null;
        });
    }

    <T> T call(Callable<T> task) {
        try {
            return thread.submit(task).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
