package org.keepalive4j.dataplane.nft;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.keepalive4j.dataplane.DataplaneException;

/**
 * The nft program, fed the script on stdin ({@code nft -f -}): one process per change. Slower than
 * {@link LibNftables} but needs nothing beyond the nftables package. A child started from a thread
 * inherits that thread's network namespace.
 */
public final class NftCommand implements NftRunner {

    private static final long TIMEOUT_SECONDS = 30;

    private final String program;

    public NftCommand() {
        this("nft");
    }

    public NftCommand(String program) {
        this.program = program;
    }

    @Override
    public String name() {
        return "nft";
    }

    @Override
    public String run(String script) throws DataplaneException {
        Process p;
        try {
            p = new ProcessBuilder(List.of(program, "-f", "-")).start();
        } catch (IOException e) {
            throw new DataplaneException("cannot start " + program + ": " + e.getMessage(), e);
        }
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> readAll(p.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
        try (OutputStream in = p.getOutputStream()) {
            in.write(script.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // nft exited early; its stderr says why
        }
        try {
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new DataplaneException(program + " did not finish within " + TIMEOUT_SECONDS + " s");
            }
            if (p.exitValue() != 0) {
                throw new DataplaneException("nftables refused the change (" + program + " exited " + p.exitValue()
                        + "): " + err.get().strip());
            }
            return out.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new DataplaneException("interrupted while waiting for " + program, e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new DataplaneException("reading " + program + " output failed", e);
        }
    }

    private static String readAll(InputStream s) {
        try (s) {
            return new String(s.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
