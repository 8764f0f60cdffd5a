package org.keepalive4j.check.probe;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.keepalive4j.check.http.FetchOutcome;
import org.keepalive4j.check.http.FetchSpec;
import org.keepalive4j.check.http.HttpFetch;
import org.keepalive4j.check.http.HttpGetRequest;
import org.keepalive4j.check.http.RegexCheck;
import org.keepalive4j.check.http.ResponseObserver;
import org.keepalive4j.check.http.UrlVerdict;
import org.keepalive4j.config.model.check.CheckerCommon;
import org.keepalive4j.config.model.check.HttpCheck;
import org.keepalive4j.config.model.check.HttpUrl;

/**
 * HTTP_GET and SSL_GET: one attempt GETs every url in order over a fresh connection each and passes
 * only when every one answers as configured (status, digest, regex); the first failing url ends the
 * attempt and names itself in the detail.
 *
 * <p>Time: connect_timeout bounds each url's whole exchange (connect, handshake, request, every read:
 * each gets what is left of it). keepalived applies it to each step separately, so a server dripping
 * a byte per second keeps it waiting forever; the Probe contract needs an attempt that always ends,
 * and a health check that took longer than its timeout has failed anyway. The attempt as a whole is
 * also capped at urls × connect_timeout plus a margin, a guard that should never fire.
 *
 * <p>Threads: every exchange is asynchronous I/O ({@link HttpFetch}); no thread waits for a server.
 * {@link #attempt()} only opens the first socket; each url's completion starts the next. Time limits
 * run on {@link ProbeResources#timers()}; the blocking pool is not used.
 * fwmark is not applied: Java sockets cannot set SO_MARK.
 */
final class HttpProbe implements Probe {

    /** Beyond urls × connect_timeout, for scheduling and the final close. */
    private static final long MARGIN_MS = 500;

    private final HttpCheck config;
    private final ProbeResources resources;
    private final List<RegexCheck> regexes = new ArrayList<>();
    private final InetSocketAddress target;
    private final InetSocketAddress bind;
    private final String setupError;
    private final long timeoutMs;
    /** The exchange in flight, so the time cap and close() can end it. */
    private volatile HttpFetch current;
    private volatile boolean closed;

    HttpProbe(HttpCheck config, ProbeResources resources) {
        this.config = config;
        this.resources = resources;
        CheckerCommon c = config.common();
        this.timeoutMs = c.connectTimeout().toMillis();
        for (HttpUrl u : config.urls()) {
            regexes.add(RegexCheck.of(u));
        }
        String error = null;
        InetSocketAddress t = null;
        InetSocketAddress b = null;
        if (c.connectIp() == null || c.connectPort() == null) {
            error = "no address or port to connect to";
        } else {
            t = new InetSocketAddress(c.connectIp(), c.connectPort());
            try {
                b = bindAddress(c);
            } catch (SocketException | UnknownHostException e) {
                error = "bind_if " + c.bindIf() + ": " + e.getMessage();
            }
        }
        this.target = t;
        this.bind = b;
        this.setupError = error;
    }

    /** bindto/bind_port; an IPv6 link-local bindto needs the interface (bind_if) as its scope. */
    private static InetSocketAddress bindAddress(CheckerCommon c) throws SocketException, UnknownHostException {
        if (c.bindto() == null && c.bindPort() == null) {
            return null;
        }
        InetAddress a = c.bindto();
        if (a instanceof Inet6Address && a.isLinkLocalAddress() && c.bindIf() != null) {
            NetworkInterface nif = NetworkInterface.getByName(c.bindIf());
            if (nif == null) {
                throw new SocketException("no such interface");
            }
            a = Inet6Address.getByAddress(null, a.getAddress(), nif);
        }
        int port = c.bindPort() == null ? 0 : c.bindPort();
        return a == null ? new InetSocketAddress(port) : new InetSocketAddress(a, port);
    }

    @Override
    public CompletableFuture<ProbeResult> attempt() {
        CompletableFuture<ProbeResult> result = new CompletableFuture<>();
        if (setupError != null) {
            result.complete(ProbeResult.down(setupError));
            return result;
        }
        if (config.urls().isEmpty()) {
            // keepalived enables a server whose checker has no url without checking it
            result.complete(ProbeResult.up("no url to check"));
            return result;
        }
        // each url ends within connect_timeout on its own; this cap only guards against a bug
        long capMs = timeoutMs * config.urls().size() + MARGIN_MS;
        ScheduledFuture<?> cap = resources.timers().schedule(() -> {
            if (result.complete(ProbeResult.down("timeout after " + capMs + " ms (" + config.urls().size()
                    + " url(s), " + timeoutMs + " ms each)"))) {
                abortCurrent();
            }
        }, capMs, TimeUnit.MILLISECONDS);
        result.whenComplete((r, e) -> cap.cancel(false));
        checkFrom(0, result);
        return result;
    }

    /** GETs url {@code i}; when it passes, goes on with the next; the first failure ends the attempt. */
    private void checkFrom(int i, CompletableFuture<ProbeResult> result) {
        List<HttpUrl> urls = config.urls();
        if (closed || result.isDone()) {
            // closed, or the time cap already answered: the rest would be wasted work
            result.complete(ProbeResult.down("probe closed"));
            return;
        }
        if (i == urls.size()) {
            result.complete(ProbeResult.up(urls.size() == 1 ? urls.get(0).path() + " ok"
                    : "all " + urls.size() + " urls ok"));
            return;
        }
        HttpUrl url = urls.get(i);
        RegexCheck regex = regexes.get(i);
        try {
            fetch(url, regex != null).whenComplete((o, e) -> {
                current = null;
                String failure = e != null ? "internal error: " + e : UrlVerdict.judge(url, regex, o, timeoutMs);
                if (failure != null) {
                    result.complete(ProbeResult.down(failure));
                } else {
                    checkFrom(i + 1, result);
                }
            });
        } catch (RuntimeException e) {
            // never leave the future hanging on a bug
            result.complete(ProbeResult.down("internal error: " + e));
        }
    }

    private CompletableFuture<FetchOutcome> fetch(HttpUrl url, boolean keepBody) {
        String vhost = url.virtualhost() != null ? url.virtualhost() : config.virtualhost();
        byte[] request = HttpGetRequest.build(url.path(), HttpGetRequest.hostHeader(vhost, target),
                config.httpProtocol());
        String sni = null;
        if (config.tls() && config.enableSni()) {
            sni = config.sniName() != null ? config.sniName() : vhost;
        }
        FetchSpec spec = new FetchSpec(target, bind, config.tls(), sni, request, timeoutMs,
                System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs), keepBody ? RegexCheck.BODY_LIMIT : 0);
        HttpFetch f = new HttpFetch(spec, ResponseObserver.NONE, resources.timers());
        current = f;
        if (closed) {
            f.abort();
        }
        return f.start();
    }

    private void abortCurrent() {
        HttpFetch f = current;
        if (f != null) {
            f.abort();
        }
    }

    @Override
    public String describe() {
        return (config.tls() ? "SSL_GET " : "HTTP_GET ")
                + (target == null ? String.valueOf(config.common().connectIp())
                        : HttpGetRequest.hostHeader(null, target));
    }

    @Override
    public void close() {
        closed = true;
        abortCurrent();
    }
}
