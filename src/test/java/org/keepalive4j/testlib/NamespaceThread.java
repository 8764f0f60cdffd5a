package org.keepalive4j.testlib;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One thread moved into a lab host's network namespace with setns(2), which moves only the calling
 * thread. What it creates (sockets, a probe's attempt, a libnftables context) and the programs it starts
 * stay in that namespace, while the rest of the JVM (timers, receiver threads) stays where it is.
 */
public final class NamespaceThread implements AutoCloseable {

    private static final int O_RDONLY = 0;
    private static final int O_CLOEXEC = 0x80000;
    private static final int CLONE_NEWNET = 0x40000000;

    static {
        Native.register(NativeLibrary.getInstance("c"));
    }

    private static native int open(String path, int flags) throws LastErrorException;

    private static native int setns(int fd, int nstype) throws LastErrorException;

    private static native int close(int fd) throws LastErrorException;

    /** A task that may throw anything, run on the namespace's thread. */
    public interface Task<T> {
        T call() throws Exception;
    }

    private final ExecutorService thread;
    private final Duration callTimeout;

    /** @param callTimeout how long one {@link #call} may take before the test gives up on it */
    public NamespaceThread(String namespace, Duration callTimeout) throws Exception {
        this.callTimeout = callTimeout;
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

    /** Runs the task on the namespace's thread; what it throws is thrown here as it was. */
    public <T> T call(Task<T> task) throws Exception {
        Callable<T> c = task::call;
        try {
            return thread.submit(c).get(callTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception) {
                throw (Exception) cause;
            }
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            throw new IllegalStateException(cause);
        } catch (InterruptedException | TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    public void run(Task<Void> task) throws Exception {
        call(task);
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
