package org.keepalive4j.dataplane.nft;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import org.keepalive4j.dataplane.DataplaneException;

/**
 * nftables' own library, called in-process: no fork and exec per change, and the error text comes
 * back with the location of the offending command. The context (and the netlink socket libnftables
 * opens through it) belongs to the network namespace of the thread that uses it, so create and use
 * it where the table should be.
 *
 * <p>Threads: a context is not thread-safe; callers serialize (the dataplane's monitor does).
 */
public final class LibNftables implements NftRunner {

    static final String LIBRARY = "libnftables.so.1";

    private static final class Native0 {
        static {
            Native.register(NativeLibrary.getInstance(LIBRARY));
        }

        static native Pointer nft_ctx_new(int flags);

        static native void nft_ctx_free(Pointer ctx);

        static native int nft_ctx_buffer_output(Pointer ctx);

        static native int nft_ctx_buffer_error(Pointer ctx);

        static native String nft_ctx_get_output_buffer(Pointer ctx);

        static native String nft_ctx_get_error_buffer(Pointer ctx);

        static native int nft_run_cmd_from_buffer(Pointer ctx, String buffer);
    }

    private Pointer ctx;

    /** Loads the library; fails with a clear message when it is missing. */
    public LibNftables() throws DataplaneException {
        try {
            ctx = Native0.nft_ctx_new(0);
        } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
            throw new DataplaneException("cannot load " + LIBRARY + " (install libnftables1, or use the nft program): "
                    + e.getMessage(), e);
        }
        if (ctx == null) {
            throw new DataplaneException("nft_ctx_new failed");
        }
        // capture what nft prints instead of letting it reach the daemon's stdout/stderr
        Native0.nft_ctx_buffer_output(ctx);
        Native0.nft_ctx_buffer_error(ctx);
    }

    @Override
    public String name() {
        return "libnftables";
    }

    @Override
    public String run(String script) throws DataplaneException {
        if (ctx == null) {
            throw new DataplaneException("libnftables context is closed");
        }
        int rc = Native0.nft_run_cmd_from_buffer(ctx, script);
        String out = nullToEmpty(Native0.nft_ctx_get_output_buffer(ctx));
        String err = nullToEmpty(Native0.nft_ctx_get_error_buffer(ctx));
        if (rc != 0) {
            throw new DataplaneException("nftables refused the change: " + err.strip());
        }
        return out;
    }

    @Override
    public void close() {
        if (ctx != null) {
            Native0.nft_ctx_free(ctx);
            ctx = null;
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
