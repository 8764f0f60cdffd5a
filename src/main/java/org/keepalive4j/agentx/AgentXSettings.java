package org.keepalive4j.agentx;

import java.time.Duration;
import org.snmp4j.smi.OID;

/**
 * Tunables of the AgentX subagent.
 *
 * @param subagentId         the o.id of the Open PDU (KEEPALIVED-MIB's root, as keepalived sends)
 * @param description        the o.descr of the Open PDU
 * @param sessionTimeout     the o.timeout of the Open PDU: how long the master waits for our answers,
 *                           and how long Open, Register and AddAgentCaps wait for the master's. 1 s is
 *                           net-snmp's own AgentX default; our answers take microseconds
 * @param pingInterval       how often an idle session is checked
 * @param pingTimeout        a Ping unanswered this long means the master is gone (or frozen); at
 *                           least 1 s, as SNMP4J reads shorter request timeouts as 5 s
 * @param backoffMin         first delay before reconnecting; doubles per failed attempt...
 * @param backoffMax         ...up to this, which bounds the time from the master's return to our
 *                           registration. 500 ms by default: a refused connect costs one system call,
 *                           and half a second keeps re-registration well inside the 1 s target
 * @param queueCapacity      notifications held while the master is away; beyond it the oldest go
 * @param notifyTimeout      how long one Notify waits for the master's answer; at least 1 s
 * @param stopTimeout        upper bound of {@link AgentXSubsystem#stop()}
 */
public record AgentXSettings(OID subagentId, String description, Duration sessionTimeout, Duration pingInterval,
        Duration pingTimeout, Duration backoffMin, Duration backoffMax, int queueCapacity,
        Duration notifyTimeout, Duration stopTimeout) {

    /** KEEPALIVED-MIB::keepalived, .1.3.6.1.4.1.9586.100.5 */
    public static final OID KEEPALIVED_MIB = new OID("1.3.6.1.4.1.9586.100.5");

    public AgentXSettings {
        subagentId = new OID(subagentId);
        long sessionSeconds = sessionTimeout.toSeconds();
        if (sessionSeconds < 1 || sessionSeconds > 255 || sessionTimeout.toMillis() % 1000 != 0) {
            throw new IllegalArgumentException("AgentX session timeout must be whole seconds 1-255: " + sessionTimeout);
        }
        if (backoffMin.isNegative() || backoffMin.isZero() || backoffMax.compareTo(backoffMin) < 0) {
            throw new IllegalArgumentException("AgentX backoff needs 0 < min <= max: " + backoffMin + ", " + backoffMax);
        }
        requireAtLeastASecond("ping timeout", pingTimeout);
        requireAtLeastASecond("notify timeout", notifyTimeout);
        if (queueCapacity < 1) {
            throw new IllegalArgumentException("AgentX notification queue capacity must be positive: " + queueCapacity);
        }
    }

    /** SNMP4J's AgentX reads request timeouts under one second as five seconds. */
    private static void requireAtLeastASecond(String what, Duration timeout) {
        if (timeout.toMillis() < Snmp4jSubagent.MIN_TIMEOUT_MILLIS) {
            throw new IllegalArgumentException("AgentX " + what + " must be at least 1 s: " + timeout);
        }
    }

    public static AgentXSettings defaults() {
        return new AgentXSettings(KEEPALIVED_MIB, "keepalive4j", Duration.ofSeconds(1), Duration.ofSeconds(5),
                Duration.ofSeconds(1), Duration.ofMillis(50), Duration.ofMillis(500), 10_000, Duration.ofSeconds(1),
                Duration.ofSeconds(3));
    }
}
