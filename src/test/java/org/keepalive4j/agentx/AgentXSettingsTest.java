package org.keepalive4j.agentx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class AgentXSettingsTest {

    private static final AgentXSettings D = AgentXSettings.defaults();

    @Test
    void defaults() {
        assertEquals(Duration.ofSeconds(5), D.pingInterval());
        assertEquals(Duration.ofSeconds(1), D.pingTimeout());
        assertEquals(Duration.ofMillis(50), D.backoffMin());
        assertEquals(Duration.ofMillis(500), D.backoffMax());
        assertEquals(10_000, D.queueCapacity());
        assertEquals(AgentXSettings.KEEPALIVED_MIB, D.subagentId());
    }

    @Test
    void requestTimeoutsUnderASecondAreRefusedBecauseSnmp4jWouldWaitFiveSeconds() {
        assertThrows(IllegalArgumentException.class, () -> new AgentXSettings(D.subagentId(), D.description(),
                D.sessionTimeout(), D.pingInterval(), Duration.ofMillis(500), D.backoffMin(), D.backoffMax(),
                D.queueCapacity(), D.notifyTimeout(), D.stopTimeout()));
        assertThrows(IllegalArgumentException.class, () -> new AgentXSettings(D.subagentId(), D.description(),
                D.sessionTimeout(), D.pingInterval(), D.pingTimeout(), D.backoffMin(), D.backoffMax(),
                D.queueCapacity(), Duration.ofMillis(999), D.stopTimeout()));
    }

    @Test
    void sessionTimeoutIsWholeSecondsAsTheOpenPduCarriesIt() {
        assertThrows(IllegalArgumentException.class, () -> new AgentXSettings(D.subagentId(), D.description(),
                Duration.ofMillis(1500), D.pingInterval(), D.pingTimeout(), D.backoffMin(), D.backoffMax(),
                D.queueCapacity(), D.notifyTimeout(), D.stopTimeout()));
        assertThrows(IllegalArgumentException.class, () -> new AgentXSettings(D.subagentId(), D.description(),
                Duration.ofSeconds(256), D.pingInterval(), D.pingTimeout(), D.backoffMin(), D.backoffMax(),
                D.queueCapacity(), D.notifyTimeout(), D.stopTimeout()));
    }

    @Test
    void backoffAndQueueBounds() {
        assertThrows(IllegalArgumentException.class, () -> new AgentXSettings(D.subagentId(), D.description(),
                D.sessionTimeout(), D.pingInterval(), D.pingTimeout(), D.backoffMin(), D.backoffMax(), 0,
                D.notifyTimeout(), D.stopTimeout()));
        assertThrows(IllegalArgumentException.class, () -> new AgentXSettings(D.subagentId(), D.description(),
                D.sessionTimeout(), D.pingInterval(), D.pingTimeout(), Duration.ofSeconds(2), Duration.ofSeconds(1),
                D.queueCapacity(), D.notifyTimeout(), D.stopTimeout()));
    }
}
