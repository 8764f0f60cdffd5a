package org.keepalive4j.agentx;

import org.keepalive4j.mib.SysOrEntry;
import java.io.IOException;
import java.net.SocketAddress;
import java.nio.channels.SocketChannel;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.snmp4j.agent.agentx.AgentXProtocol;
import org.snmp4j.agent.agentx.AgentXSession;

/**
 * Owns the AgentX session: one thread connects to the master, opens the session, registers every
 * region of the MOServer and the agent capabilities, pings, and on any sign of trouble (the connection
 * drops, a ping or a notification goes unanswered) throws the session away and starts over with a
 * capped exponential backoff. Every blocking AgentX call of the subsystem except Notify runs on this
 * thread, so a hung or dead master can delay nothing but this thread.
 *
 * <p>A new connection is first a plain socket connect, which fails at once while the master is away
 * (no socket file, connection refused), so retrying every few hundred milliseconds costs nothing and the
 * session is back within the backoff cap of the master's return.
 */
final class SubagentSupervisor implements SessionSource {

    private static final Logger LOG = LogManager.getLogger(SubagentSupervisor.class);
    private static final int MAX_MESSAGE_LENGTH = 4 * 1024 * 1024;
    private static final int MAX_WRITE_BACKLOG = 4 * 1024 * 1024;

    private final Snmp4jSubagent subagent;
    private final List<SysOrEntry> agentCaps;
    private final MasterAddress master;
    private final MasterPeerAddress peer;
    private final AgentXSettings settings;
    private final BlockingQueue<Signal> signals = new LinkedBlockingQueue<>();
    private final Object sessionLock = new Object();
    private final Thread thread;

    /** Guarded by sessionLock. */
    private ActiveSession current;
    private volatile boolean stopping;
    private volatile SubagentState state = SubagentState.DISCONNECTED;
    private volatile String lastError = "";
    private volatile int registeredRegions;
    private final AtomicLong sessionsOpened = new AtomicLong();
    private final AtomicLong connectAttempts = new AtomicLong();

    SubagentSupervisor(Snmp4jSubagent subagent, List<SysOrEntry> agentCaps, MasterAddress master,
            AgentXSettings settings) {
        this.subagent = subagent;
        this.agentCaps = List.copyOf(agentCaps);
        this.master = master;
        this.peer = new MasterPeerAddress(master);
        this.settings = settings;
        this.thread = new Thread(this::run, "agentx-supervisor");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Ends the session (with a Close PDU when the master still listens); returns within {@code bound}. */
    void stop(long boundMillis) throws InterruptedException {
        stopping = true;
        signals.offer(Signal.STOP);
        thread.join(Math.max(1, boundMillis / 2));
        if (thread.isAlive()) {
            // stuck in a connect or a request to an unresponsive master: an interrupt closes the channel
            thread.interrupt();
            thread.join(Math.max(1, boundMillis / 2));
        }
        if (thread.isAlive()) {
            LOG.warn("AgentX: supervisor did not stop within {} ms; left behind as a daemon thread", boundMillis);
        }
    }

    SubagentState state() {
        return state;
    }

    MasterAddress master() {
        return master;
    }

    /** Sessions opened after the first one: how often the subagent had to come back. */
    long reconnects() {
        return Math.max(0, sessionsOpened.get() - 1);
    }

    long connectAttempts() {
        return connectAttempts.get();
    }

    String lastError() {
        return lastError;
    }

    int registeredRegions() {
        return registeredRegions;
    }

    @Override
    public ActiveSession awaitSession(ActiveSession failed, long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        synchronized (sessionLock) {
            while (current == null || current == failed) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    break;
                }
                sessionLock.wait(left);
            }
            return current;
        }
    }

    /** Pings at once instead of at the next interval, unless that session has been replaced already. */
    @Override
    public void suspect(ActiveSession session) {
        synchronized (sessionLock) {
            if (current != session) {
                return;
            }
        }
        signals.offer(Signal.CHECK);
    }

    private void run() {
        long backoff = settings.backoffMin().toMillis();
        // a master that stays away (or keeps refusing us) is reported once, not at every attempt
        String problemLogged = null;
        long downSince = System.nanoTime();
        while (!stopping) {
            SocketChannel channel;
            try {
                connectAttempts.incrementAndGet();
                channel = connect();
            } catch (IOException e) {
                lastError = "connect: " + describe(e);
                if (!lastError.equals(problemLogged) && !stopping) {
                    LOG.info("AgentX: master {} unreachable ({}), retrying", master, describe(e));
                    problemLogged = lastError;
                }
                pause(backoff);
                backoff = Math.min(backoff * 2, settings.backoffMax().toMillis());
                continue;
            }
            SessionEnd end = runSession(channel, downSince);
            if (stopping) {
                break;
            }
            lastError = end.reason();
            state = SubagentState.DISCONNECTED;
            if (end.wasConnected()) {
                LOG.warn("AgentX: master lost ({}), retrying", end.reason());
                problemLogged = null;
                downSince = System.nanoTime();
                backoff = settings.backoffMin().toMillis();
            } else if (!end.reason().equals(problemLogged)) {
                LOG.warn("AgentX: session setup with {} failed ({}), retrying", master, end.reason());
                problemLogged = end.reason();
            }
            pause(backoff);
            backoff = Math.min(backoff * 2, settings.backoffMax().toMillis());
        }
        state = SubagentState.STOPPED;
        LOG.info("AgentX: stopped");
    }

    private SocketChannel connect() throws IOException {
        SocketChannel channel = master.openChannel();
        try {
            SocketAddress address = master.socketAddress();
            if (master.kind() == MasterAddress.Kind.TCP) {
                // a remote host that drops SYNs would otherwise hold us for the kernel's minutes
                channel.socket().connect(address, (int) settings.sessionTimeout().toMillis());
            } else {
                channel.connect(address);
            }
            return channel;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** One session from a connected socket to its end; always leaves the library's books clean. */
    private SessionEnd runSession(SocketChannel channel, long downSince) {
        signals.removeIf(s -> s != Signal.STOP);
        state = SubagentState.CONNECTING;
        AgentXChannelTransport transport = new AgentXChannelTransport(peer, channel, MAX_MESSAGE_LENGTH,
                MAX_WRITE_BACKLOG);
        transport.addTransportStateListener(e -> signals.offer(Signal.lost(transport, describe(e.getCausingException()))));
        AgentXSession<MasterPeerAddress> session = new AgentXSession<>(0);
        session.setTimeout((byte) settings.sessionTimeout().toSeconds());
        boolean opened = false;
        boolean connected = false;
        try {
            int status = subagent.open(transport, session);
            if (status != AgentXProtocol.AGENTX_SUCCESS) {
                return new SessionEnd(false, "Open " + statusText(status));
            }
            opened = true;
            String failure = subagent.registerAll(session);
            if (failure != null) {
                return new SessionEnd(false, failure);
            }
            for (SysOrEntry caps : agentCaps) {
                int capsStatus = subagent.addAgentCaps(session, caps);
                if (capsStatus != AgentXProtocol.AGENTX_SUCCESS) {
                    return new SessionEnd(false, "AddAgentCaps " + caps.id() + " " + statusText(capsStatus));
                }
            }
            ActiveSession active = new ActiveSession(subagent, session, sessionsOpened.incrementAndGet());
            registeredRegions = subagent.regions().size();
            publish(active);
            state = SubagentState.CONNECTED;
            connected = true;
            if (active.epoch() == 1) {
                LOG.info("AgentX: connected to {}, {} regions registered, {} agent capabilities (session {})",
                        master, registeredRegions, agentCaps.size(), session.getSessionID());
            } else {
                LOG.info("AgentX: reconnected to {}, {} regions registered, {} agent capabilities (session {}, {} ms"
                        + " after the last session ended)", master, registeredRegions, agentCaps.size(),
                        session.getSessionID(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - downSince));
            }
            return new SessionEnd(true, supervise(active, transport));
        } catch (IOException e) {
            return new SessionEnd(connected, describe(e));
        } catch (RuntimeException e) {
            // a bug in here must cost one session, not the subagent: the loop reconnects as usual
            LOG.error("AgentX: unexpected failure in the session with {}", master, e);
            return new SessionEnd(connected, e.toString());
        } finally {
            publish(null);
            if (stopping && opened) {
                subagent.announceClose(session);
            }
            subagent.forget(session, transport);
        }
    }

    /** Pings while the session is healthy; returns why it is not any more (or "stopping"). */
    private String supervise(ActiveSession active, AgentXChannelTransport transport) {
        long interval = settings.pingInterval().toMillis();
        long pingTimeout = settings.pingTimeout().toMillis();
        try {
            while (!stopping) {
                Signal signal = signals.poll(interval, TimeUnit.MILLISECONDS);
                if (stopping) {
                    break;
                }
                if (signal != null && signal.lostTransport() == transport) {
                    return signal.reason();
                }
                if (signal == null || signal == Signal.CHECK) {
                    if (!subagent.ping(active.session(), pingTimeout)) {
                        return "no answer to a ping within " + pingTimeout + " ms";
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "stopping";
    }

    private void publish(ActiveSession session) {
        synchronized (sessionLock) {
            current = session;
            sessionLock.notifyAll();
        }
    }

    /** Sleeps the backoff; only stop() ends it early. */
    private void pause(long millis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        try {
            long left;
            while (!stopping && (left = deadline - System.nanoTime()) > 0) {
                signals.poll(left, TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping = true;
        }
    }

    private static String statusText(int status) {
        return status == AgentXProtocol.AGENTX_TIMEOUT ? "unanswered (timeout)"
                : "refused with AgentX status " + status;
    }

    private static String describe(Exception e) {
        if (e == null) {
            return "connection closed";
        }
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message;
    }

    private record SessionEnd(boolean wasConnected, String reason) {
    }

    /** What wakes the supervisor: a lost connection (from its I/O thread), a suspicion, or stop(). */
    private record Signal(AgentXChannelTransport lostTransport, String reason) {
        static final Signal CHECK = new Signal(null, "check");
        static final Signal STOP = new Signal(null, "stop");

        static Signal lost(AgentXChannelTransport transport, String reason) {
            return new Signal(transport, reason);
        }
    }
}
